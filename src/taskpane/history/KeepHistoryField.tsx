import { Input, MessageBar, MessageBarBody, Select, Switch } from '@fluentui/react-components';
import { useEffect, useId, useState, type ReactElement } from 'react';
import type { HistoryOptions } from '../../model';
import { historyDraft, historyOptions, type HistoryDraft, type RetentionKind } from './history-draft';
import { useKeepHistoryFieldStyles } from './KeepHistoryField.styles';

export interface KeepHistoryFieldProps {
  /** The stored option (absent: off). */
  value: HistoryOptions | undefined;
  /**
   * Called with a valid option (null: off) when the switch or the retention choice changes, and
   * when a number box is left; never while a number is half typed.
   */
  onChange(next: HistoryOptions | null): void;
  disabled?: boolean;
  /** "query" or "dashboard", for the note. */
  what: string;
}

/**
 * "Keep history" (issue 17): a switch, and how long snapshots are kept (the last N refreshes, N
 * days, or all). Each successful refresh then adds its result, stamped, to a history table.
 */
export function KeepHistoryField({ value, onChange, disabled, what }: KeepHistoryFieldProps): ReactElement {
  const styles = useKeepHistoryFieldStyles();
  const [draft, setDraft] = useState<HistoryDraft>(() => historyDraft(value));
  const id = useId();
  const key = JSON.stringify(value ?? null);
  // A change saved elsewhere (a teammate, another panel) shows here.
  useEffect(() => { setDraft(historyDraft((JSON.parse(key) as HistoryOptions | null) ?? undefined)); }, [key]);
  const checked = historyOptions(draft);
  const commit = (next: HistoryDraft) => {
    setDraft(next);
    const r = historyOptions(next);
    if (!r.problem) onChange(r.options);
  };
  return (
    <div className={styles.root}>
      <Switch
        label="Keep history"
        checked={draft.keep}
        disabled={disabled}
        onChange={(_, d) => commit({ ...draft, keep: d.checked })}
      />
      {draft.keep && (
        <>
          <div className={styles.row}>
            <label htmlFor={`${id}-by`}>Keep</label>
            <Select id={`${id}-by`} size="small" value={draft.by} disabled={disabled}
              onChange={(_, d) => commit({ ...draft, by: d.value as RetentionKind })}>
              <option value="count">the last refreshes</option>
              <option value="days">the last days</option>
              <option value="all">every refresh</option>
            </Select>
            {draft.by !== 'all' && (
              <Input
                className={styles.number}
                size="small"
                inputMode="numeric"
                disabled={disabled}
                aria-label={draft.by === 'count' ? 'Number of refreshes to keep' : 'Number of days to keep'}
                value={draft.by === 'count' ? draft.count : draft.days}
                onChange={(_, d) => setDraft(draft.by === 'count' ? { ...draft, count: d.value } : { ...draft, days: d.value })}
                onBlur={() => commit(draft)}
              />
            )}
          </div>
          {checked.problem
            ? <MessageBar intent="error"><MessageBarBody>{checked.problem}</MessageBarBody></MessageBar>
            : <span className={styles.note}>{`Each refresh of this ${what} adds its result, with the time and the choices made, to a table on its own “History” sheet.`}</span>}
        </>
      )}
    </div>
  );
}
