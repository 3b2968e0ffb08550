import { Button, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { ReactElement } from 'react';
import type { EditOutcome } from '../../refresh/extension-coordinator';
import { useExtensionResultStyles } from './ExtensionResult.styles';

export interface ExtensionResultProps {
  outcome: EditOutcome;
  /** Offered when the cells beside the pivot hold the user's data. */
  onPlaceOnSheet(): void;
}

/** What happened after "Add to pivot": checked and written, a disagreement list, or why not. */
export function ExtensionResult({ outcome, onPlaceOnSheet }: ExtensionResultProps): ReactElement {
  const styles = useExtensionResultStyles();
  if (outcome.status === 'written') {
    return (
      <MessageBar intent="success" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{`Added at ${outcome.write.address}`}</MessageBarTitle>
          {outcome.summary}
          {outcome.notes.length > 0 && <ul className={styles.notes}>{outcome.notes.map((n) => <li key={n}>{n}</li>)}</ul>}
        </MessageBarBody>
      </MessageBar>
    );
  }
  if (outcome.status === 'disagrees') {
    const rows = outcome.plan.reconciliation.mismatches.slice(0, 10);
    return (
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>Excel's numbers disagree</MessageBarTitle>
          {outcome.message}
          <table className={styles.table}>
            <thead><tr><th className={styles.cell}>Row</th><th className={styles.cell}>Value field</th><th className={styles.cell}>Excel shows</th><th className={styles.cell}>PivotDeck gets</th></tr></thead>
            <tbody>
              {rows.map((m) => (
                <tr key={`${m.sheetRow}:${m.field}`}>
                  <td className={styles.cell}>{m.sheetRow}</td><td className={styles.cell}>{m.field}</td>
                  <td className={styles.cell}>{String(m.shown)}</td><td className={styles.cell}>{String(m.recomputed)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <MessageBar intent={outcome.status === 'cancelled' ? 'info' : 'warning'} layout="multiline">
      <MessageBarBody>
        {outcome.message}
        {outcome.status === 'refused' && outcome.code === 'foreign-content' && (
          <div className={styles.actions}><Button size="small" onClick={onPlaceOnSheet}>Place on a new sheet instead</Button></div>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}
