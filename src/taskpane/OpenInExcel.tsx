import { Link, MessageBar, MessageBarBody } from '@fluentui/react-components';
import type { ReactElement } from 'react';
import { useOpenInExcelStyles } from './OpenInExcel.styles';

export interface OpenInExcelProps {
  /** Show the link to the workbench (served next to the pane in development). */
  showWorkbench: boolean;
  /** office.js itself did not load (offline, blocked), as opposed to "not inside Excel". */
  officeJsMissing: boolean;
}

/** What the pane shows outside Excel: what PivotDeck is and how to open it where it works. */
export function OpenInExcel({ showWorkbench, officeJsMissing }: OpenInExcelProps): ReactElement {
  const styles = useOpenInExcelStyles();
  const code = (text: string): ReactElement => <span className={styles.code}>{text}</span>;
  return (
    <main className={styles.root}>
      <h1 className={styles.title}>Open this in Excel</h1>
      <p className={styles.text}>
        PivotDeck is an Excel add-in. It extends your PivotTables with measures Excel lacks (median,
        percentiles, distinct counts), pulls data from the web into tables, and builds dashboards you
        refresh with one click. It runs inside Excel's task pane, so this page on its own can't do anything.
      </p>
      {officeJsMissing && (
        <MessageBar intent="warning">
          <MessageBarBody>
            Office's script (office.js) did not load. If you are inside Excel, check your internet connection and
            reopen the add-in.
          </MessageBarBody>
        </MessageBar>
      )}
      <h2 className={styles.heading}>Excel on the web</h2>
      <ol className={styles.steps}>
        <li>Open a workbook in Excel on the web.</li>
        <li>Choose Home › Add-ins › More Add-ins › My Add-ins › Upload My Add-in.</li>
        <li>Upload PivotDeck's {code('manifest.xml')} and press Upload.</li>
        <li>Click Show PivotDeck on the Home tab.</li>
      </ol>
      <h2 className={styles.heading}>Excel on Windows or Mac</h2>
      <ol className={styles.steps}>
        <li>Ask your administrator to deploy PivotDeck, or run {code('npm start')} from the project to sideload it.</li>
        <li>Or add the folder holding {code('manifest.xml')} as a Trusted Add-in Catalog (Windows) or copy the file into the {code('wef')} folder (Mac), then choose Insert › My Add-ins.</li>
      </ol>
      {showWorkbench && (
        <p className={styles.text}>
          No Excel at hand? Try PivotDeck on a simulated workbook in the{' '}
          <Link href="workbench.html">workbench</Link>.
        </p>
      )}
    </main>
  );
}
