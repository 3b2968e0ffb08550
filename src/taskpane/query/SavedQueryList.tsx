import { Button, Field, Input, mergeClasses } from '@fluentui/react-components';
import { useState, type ReactElement } from 'react';
import type { SavedQuery } from '../../refresh/queries';
import { useSavedQueryListStyles } from './SavedQueryList.styles';
import type { HistoryOptions } from '../../model';
import { KeepHistoryField } from '../history/KeepHistoryField';
import { useFocusInAndBack } from '../shared/use-focus-in-and-back';
// h/dash (issue 14 part 5): the out-of-date badge.
import { FreshnessBadge } from '../dashboards/FreshnessBadge';
import { useFreshness } from '../dashboards/use-freshness';

export interface SavedQueryListProps {
  queries: SavedQuery[];
  editingId?: string;
  busyIds: ReadonlySet<string>;
  readOnly: boolean;
  onRefresh(id: string): void;
  onEdit(query: SavedQuery): void;
  onDuplicate(id: string): void;
  onRename(id: string, label: string): void;
  onDelete(id: string): void;
  /** Keep history (issue 17): saves the option (null: off). Without it, the switch is not shown. */
  onHistory?(id: string, history: HistoryOptions | null): void;
}

/** The queries saved in this workbook, with what happened at their last refresh. */
export function SavedQueryList(props: SavedQueryListProps): ReactElement {
  const styles = useSavedQueryListStyles();
  const [renaming, setRenaming] = useState<{ id: string; text: string } | undefined>();
  const freshness = useFreshness();
  if (props.queries.length === 0) return <span className={styles.note}>None yet. Build one above and press “Insert into Excel”.</span>;
  return (
    <ul className={styles.list} aria-label="Saved queries">
      {props.queries.map((q) => {
        const { def } = q;
        const busy = props.busyIds.has(def.id) || props.busyIds.has('*');
        const locked = busy || props.readOnly;
        return (
          <li key={def.id} className={mergeClasses(styles.card, props.editingId === def.id && styles.editing)}>
            {renaming?.id === def.id ? (
              <RenameForm
                text={renaming.text}
                onText={(text) => setRenaming({ id: def.id, text })}
                onSave={() => { props.onRename(def.id, renaming.text); setRenaming(undefined); }}
                onCancel={() => setRenaming(undefined)}
              />
            ) : (
              <h4 className={styles.title}>{def.label}</h4>
            )}
            {def.lastRefresh?.ok && <FreshnessBadge freshness={freshness?.queries.get(def.id)} />}
            {def.output?.address && <span className={styles.note}>{`In ${def.output.address}`}</span>}
            {q.problem && <span className={styles.stale}>{`Cannot be used: ${q.problem}`}</span>}
            {def.lastRefresh && (
              <span className={def.lastRefresh.ok ? styles.note : styles.stale}>
                {`${def.lastRefresh.ok ? 'Refreshed' : 'Not refreshed'} ${new Date(def.lastRefresh.at).toLocaleString('en-US')}${def.lastRefresh.ok ? '' : `: ${def.lastRefresh.message ?? ''}`}`}
              </span>
            )}
            {props.onHistory && <KeepHistoryField what="query" value={def.history} disabled={locked} onChange={(h) => props.onHistory?.(def.id, h)} />}
            <div className={styles.actions}>
              <Button size="small" disabled={locked || !!q.problem} onClick={() => props.onRefresh(def.id)} aria-label={`Refresh ${def.label}`}>{busy ? 'Working…' : 'Refresh'}</Button>
              <Button size="small" disabled={locked || !q.spec} onClick={() => props.onEdit(q)} aria-label={`Edit ${def.label}`}>Edit</Button>
              <Button size="small" disabled={locked} onClick={() => setRenaming({ id: def.id, text: def.label })} aria-label={`Rename ${def.label}`}>Rename</Button>
              <Button size="small" disabled={locked} onClick={() => props.onDuplicate(def.id)} aria-label={`Duplicate ${def.label}`}>Duplicate</Button>
              <Button size="small" disabled={locked} onClick={() => props.onDelete(def.id)} aria-label={`Delete ${def.label} and its output`}>Delete</Button>
            </div>
          </li>
        );
      })}
    </ul>
  );
}

/** "New name": focus moves into the box when it opens and back to Rename when it closes. */
function RenameForm({ text, onText, onSave, onCancel }: { text: string; onText(text: string): void; onSave(): void; onCancel(): void }): ReactElement {
  const styles = useSavedQueryListStyles();
  const root = useFocusInAndBack<HTMLFormElement>();
  return (
    <form
      ref={root}
      className={styles.rename}
      onSubmit={(e) => { e.preventDefault(); if (text.trim()) onSave(); }}
      onKeyDown={(e) => { if (e.key === 'Escape') onCancel(); }}
    >
      <Field label="New name" className={styles.renameField}>
        <Input value={text} onChange={(_, d) => onText(d.value)} />
      </Field>
      <Button size="small" appearance="primary" type="submit" disabled={!text.trim()}>Save</Button>
      <Button size="small" onClick={onCancel}>Cancel</Button>
    </form>
  );
}
