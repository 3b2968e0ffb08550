/**
 * The workbench's top bar: what this page is, and workbook actions (reset the sample, open an
 * .xlsx file, switch the simulated Office theme).
 */
import * as React from 'react';
import { Button, ToggleButton } from '@fluentui/react-components';
import { ArrowResetRegular, WeatherMoonRegular } from '@fluentui/react-icons';
import { OpenWorkbookButton } from './OpenWorkbookButton';
import { useToolbarStyles } from './Toolbar.styles';
import type { WorkbenchSession } from './session';

export interface ToolbarProps {
  session: WorkbenchSession;
  dark: boolean;
  onDarkChange(dark: boolean): void;
}

export function Toolbar({ session, dark, onDarkChange }: ToolbarProps): React.JSX.Element {
  const styles = useToolbarStyles();
  return (
    <header className={styles.root}>
      <span className={styles.title}>PivotDeck workbench</span>
      <span className={styles.subtitle}>simulated Excel workbook</span>
      <span className={styles.spacer} />
      <div className={styles.actions} role="toolbar" aria-label="Workbook">
        <Button appearance="secondary" size="small" icon={<ArrowResetRegular />} onClick={() => session.resetSample()}>
          Reset sample
        </Button>
        {/* ---- BEGIN open-workbook slot (owned by the xlsx-loader engineer) ----
            Add the "Open workbook…" button here, e.g.
              <OpenWorkbookButton onOpen={(model) => session.open(model)} />
            `session.open(model)` swaps in a new simulator; the grid and the task pane follow. */}
        <OpenWorkbookButton onOpen={(model) => session.open(model)} />
        {/* ---- END open-workbook slot ---- */}
        <ToggleButton size="small" icon={<WeatherMoonRegular />} checked={dark} onClick={() => onDarkChange(!dark)}>
          Dark Office theme
        </ToggleButton>
      </div>
    </header>
  );
}
