/**
 * The sample offer a blank workbook shows inside the start card (issue 20, part 3): "Try it on
 * sample data" adds a small sales table and a PivotTable on a new sheet through the Excel API (so
 * it works in real Excel), then the pane opens "Extend a PivotTable". The sample code and its data
 * load only when the button is pressed.
 */
import { Button } from '@fluentui/react-components';
import { Sparkle20Regular } from '@fluentui/react-icons/svg/sparkle';
import { useState, type ReactElement } from 'react';
import type { PaneHost } from '../../excel/host-types';
import type { SampleInserted } from '../../refresh/sample-data';
import { ErrorMessage } from '../StatusMessages';
import { useFirstRunStyles } from './FirstRun.styles';

export interface FirstRunProps {
  host: PaneHost;
  /** Called after the sample is in the workbook (the pane refreshes its lists and opens "Extend a PivotTable"). */
  onInserted: (inserted: SampleInserted) => void;
}

/** @example {isBlankWorkbook(lists) && <FirstRun host={host} onInserted={onSampleInserted} />} */
export function FirstRun({ host, onInserted }: FirstRunProps): ReactElement {
  const styles = useFirstRunStyles();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const tryIt = () => {
    setBusy(true);
    setError(undefined);
    import('../../refresh/sample-data')
      .then((m) => m.addSampleData(host.run))
      .then(onInserted, (e: unknown) => setError(e instanceof Error ? e.message : String(e)))
      .finally(() => setBusy(false));
  };
  return (
    <div className={styles.sample}>
      <Button appearance="primary" icon={<Sparkle20Regular />} disabled={busy} onClick={tryIt}>
        {busy ? 'Adding sample data…' : 'Try it on sample data'}
      </Button>
      <p className={styles.note}>This workbook has no tables or PivotTables yet. The sample adds a new sheet with 160 orders and a PivotTable; your other sheets are not touched.</p>
      {error && <ErrorMessage title="The sample could not be added" message={error} />}
    </div>
  );
}
