/**
 * The first view (issue 16 part 4): one sentence of what PivotDeck does and three ways to start,
 * each opening its section and moving focus into it; in a blank workbook, the sample offer too.
 * The inventory (Tables, PivotTables) and the sections follow below it.
 */
import { Button } from '@fluentui/react-components';
import { Board20Regular } from '@fluentui/react-icons/svg/board';
import { CloudArrowDown20Regular } from '@fluentui/react-icons/svg/cloud-arrow-down';
import { TableAdd20Regular } from '@fluentui/react-icons/svg/table-add';
import type { ReactElement } from 'react';
import type { PaneHost } from '../../excel/host-types';
import type { SampleInserted } from '../../refresh/sample-data';
import { FirstRun } from './FirstRun';
import { useFirstRunStyles } from './FirstRun.styles';

/** The sections a way to start opens. */
export type StartSection = 'extend' | 'web' | 'dashboards';

interface Way {
  section: StartSection;
  icon: ReactElement;
  name: string;
  hint: string;
}

// Names chosen not to contain a section header's or another button's words ("Add measure",
// "Extend a PivotTable", "Data from the web"), so each button is found by its own name;
// the hint sits under the button as its description, so the name stays the visible words.
const WAYS: readonly Way[] = [
  { section: 'extend', icon: <TableAdd20Regular />, name: 'New measures for a PivotTable', hint: 'Median, percentiles, distinct counts and your own formulas beside a PivotTable you have.' },
  { section: 'web', icon: <CloudArrowDown20Regular />, name: 'Bring in web or warehouse data', hint: 'CSV, JSON, OData, Google Sheets or a ClickHouse warehouse, into a table or a query.' },
  { section: 'dashboards', icon: <Board20Regular />, name: 'Build a dashboard', hint: 'KPI cards, charts and top-10 tables on a sheet, refreshed with one click.' },
];

export interface StartHereProps {
  host: PaneHost;
  /** True in a blank workbook: the sample offer is shown. */
  offerSample: boolean;
  /** Open this section and move focus into it. */
  onStart: (section: StartSection) => void;
  onSampleInserted: (inserted: SampleInserted) => void;
}

/** @example <StartHere host={host} offerSample={isBlankWorkbook(lists)} onStart={openSection} onSampleInserted={…} /> */
export function StartHere({ host, offerSample, onStart, onSampleInserted }: StartHereProps): ReactElement {
  const styles = useFirstRunStyles();
  return (
    <section className={styles.card} aria-labelledby="pd-start-sentence">
      <p id="pd-start-sentence" className={styles.sentence}>
        PivotDeck adds calculated measures, data from the web and live dashboards to your own PivotTables, without changing your source data. Start with one of these:
      </p>
      <ul className={styles.ways} aria-label="Ways to start">
        {WAYS.map((way) => (
          <li key={way.section} className={styles.wayItem}>
            <Button className={styles.way} appearance="secondary" icon={way.icon} onClick={() => onStart(way.section)} aria-describedby={`pd-start-${way.section}`}>
              {way.name}
            </Button>
            <span id={`pd-start-${way.section}`} className={styles.wayHint}>{way.hint}</span>
          </li>
        ))}
      </ul>
      {offerSample && <FirstRun host={host} onInserted={onSampleInserted} />}
    </section>
  );
}
