import { Button, ProgressBar, Text } from '@fluentui/react-components';
import type { ReactElement } from 'react';
import type { DashboardProgress } from '../../refresh/dashboards';
import { progressLines } from './refresh-words';
import { useRefreshProgressStyles } from './RefreshProgress.styles';

/** A dashboard refresh or build under way: what it does, one line per source, and Cancel. */
export function RefreshProgress({ what, events, onCancel }: { what: string; events: readonly DashboardProgress[]; onCancel?: () => void }): ReactElement {
  const styles = useRefreshProgressStyles();
  const lines = progressLines(events);
  const last = events.at(-1);
  const value = last?.phase === 'source' && last.totalRows ? Math.min(1, (last.rowsRead ?? 0) / last.totalRows) : undefined;
  return (
    <div className={styles.root} role="status" aria-live="polite">
      <div className={styles.row}>
        <Text weight="semibold" size={200}>{`${what}…`}</Text>
        {onCancel && <Button size="small" onClick={onCancel}>Cancel</Button>}
      </div>
      <ProgressBar value={value} thickness="medium" aria-label={`Progress: ${what}`} />
      {lines.length > 0 && (
        <ul className={styles.lines} aria-label="Progress per source">
          {lines.map((line) => <li key={line}>{line}</li>)}
        </ul>
      )}
    </div>
  );
}
