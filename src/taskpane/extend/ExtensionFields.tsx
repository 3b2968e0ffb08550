import { Button, Spinner } from '@fluentui/react-components';
import { useEffect, useRef, useState, type ReactElement } from 'react';
import type { ExtensionMeasure } from '../../engine/pivot-extension';
import type { PivotExtension } from '../../model';
import { applyMeasureEdit } from '../../refresh/extensions/edit-measures';
import { measuresOfField } from '../../refresh/extensions/value-edits';
import { SortableAreas } from '../query/AreaBoxes';
import type { FieldInfo } from '../query/field-info';
import { FieldList } from '../query/FieldList';
import { newValueSettings, type ValueSettings } from '../query/value-settings';
import { ValueSettingsDialog } from '../query/ValueFieldSettings';
import { SectionStatus, type SectionStatusState } from '../StatusMessages';
import { ConfirmDialog } from './ConfirmDialog';
import { useExtensionFieldsStyles } from './ExtensionFields.styles';
import {
  EXTENSION_SHOW_AS_CHOICES, EXTENSION_SUMMARY_CHOICES, extensionFieldsInUse, extensionMeasureOfSettings, extensionValueProblem,
  measureForField, moveMessage, settingsOfExtensionMeasure, valueEntries,
} from './extension-values';
import { progressWords } from './progress-words';
import type { ExtendProgress } from '../../refresh';
import type { ValuesChange } from './use-extend-pivot';

export interface ExtensionFieldsProps {
  /** The pivot source's fields; undefined while they are read. */
  fields: FieldInfo[] | undefined;
  /** The extension beside this pivot; undefined before its first value. */
  extension: PivotExtension | undefined;
  /** While a change is written: what extending is doing. */
  writing: ExtendProgress | undefined;
  readOnly: boolean;
  /** The section's one status, shown here when it is about this pane. */
  status?: SectionStatusState;
  onChange(change: ValuesChange, done: string): Promise<boolean>;
  /** Opened from an extension's card ("Add measures"): focus moves to the search box once the fields are read. */
  focusOnOpen?: boolean;
}

/** What the open dialog edits: a value of the extension, or a new one. */
type Editing = { kind: 'value'; id: string } | { kind: 'new'; settings: ValueSettings };
/** What a confirmation asks about. */
type Asking = { title: string; text: string; confirm: string; change: ValuesChange; done: string };

/**
 * Excel's PivotTable Fields pane for an extension: the pivot's rows and columns are Excel's, so
 * what PivotDeck adds are values. The source's fields as a searchable checkbox list (checking
 * one adds the measure the pivot lacks for it, unchecking removes that field's measures), one
 * Values area ordered by drag and drop (pointer or keyboard), and Value Field Settings on each
 * value. Every change is written to the sheet at once, all or nothing.
 */
export function ExtensionFields({ fields, extension, writing, readOnly, status, onChange, focusOnOpen }: ExtensionFieldsProps): ReactElement {
  const styles = useExtensionFieldsStyles();
  const saved = extension?.measures ?? [];
  // A change shows at once (a checked box stays checked, dnd-kit keeps focus on the dropped chip)
  // while the sheet is written; if the write fails, the list comes back as it was.
  const [pending, setPending] = useState<ExtensionMeasure[] | undefined>();
  const measures = pending ?? saved;
  const [editing, setEditing] = useState<Editing | undefined>();
  const [asking, setAsking] = useState<Asking | undefined>();
  const opener = useRef<HTMLElement | null>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const busy = writing !== undefined || readOnly;
  const known = fields ?? [];
  const names = known.map((f) => f.name);
  const where = extension?.output?.address ?? 'beside the PivotTable';
  const ready = fields !== undefined;
  useEffect(() => {
    if (focusOnOpen && ready) listRef.current?.querySelector('input')?.focus();
  }, [focusOnOpen, ready]);

  const open = (next: Editing, from: HTMLElement | undefined) => {
    opener.current = from ?? (document.activeElement instanceof HTMLElement ? document.activeElement : null);
    setEditing(next);
  };
  const ask = (question: Asking) => {
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setAsking(question);
  };
  const close = () => {
    setEditing(undefined);
    setAsking(undefined);
    const back = opener.current;
    opener.current = null;
    // After React removed the dialog: back to what opened it, or to the field list if it is gone.
    requestAnimationFrame(() => (back?.isConnected ? back : listRef.current?.querySelector('input'))?.focus());
  };
  const write = (change: ValuesChange, done: string) => {
    setPending(expected(saved, change));
    void onChange(change, done).finally(() => setPending(undefined));
  };

  /** Removing measures: the extension goes when nothing would be left. */
  const removal = (gone: readonly ExtensionMeasure[]): ValuesChange => (gone.length >= saved.length
    ? { kind: 'removeAll' }
    : { kind: 'edit', edit: { kind: 'removeMany', ids: gone.map((m) => m.id) } });
  const labels = (list: readonly ExtensionMeasure[]) => list.map((m) => `"${m.label}"`).join(', ');

  const onCheck = (field: FieldInfo, checked: boolean) => {
    if (busy) return;
    if (checked) {
      const m = measureForField(field, saved.map((x) => x.id));
      write({ kind: 'add', measures: [m] }, `Added ${m.label}.`);
      return;
    }
    const gone = measuresOfField(saved, field.name);
    if (gone.length === 0) return;
    const done = `Removed ${labels(gone)}.`;
    // One column goes at a click, as in Excel; several are named and asked about first.
    if (gone.length === 1) { write(removal(gone), done); return; }
    ask({
      title: `Remove ${gone.length} columns of ${field.name}?`,
      text: `PivotDeck will ${gone.length >= saved.length ? 'delete its columns' : 'rewrite its columns'} at ${where} without ${labels(gone)}. Your PivotTable and its data are not changed.`,
      confirm: 'Remove columns',
      change: removal(gone),
      done,
    });
  };

  const onRemove = (index: number) => {
    if (busy) return;
    const m = measures[index];
    if (!m) return;
    // Columns shown as a share, rank or difference of this one go with it.
    const gone = [m, ...saved.filter((x) => x.of === m.id)];
    const also = gone.length > 1 ? ` and ${labels(gone.slice(1))}, which ${gone.length === 2 ? 'is' : 'are'} based on it` : '';
    ask({
      title: gone.length > 1 ? 'Remove these columns?' : 'Remove this column?',
      text: gone.length >= saved.length
        ? `PivotDeck will delete the column${saved.length === 1 ? '' : 's'} it wrote at ${where} (${labels(gone)}) and stop refreshing ${saved.length === 1 ? 'it' : 'them'}. Your PivotTable and its data are not changed.`
        : `PivotDeck will rewrite its columns at ${where} without "${m.label}"${also}. The other columns and your PivotTable are not changed.`,
      confirm: gone.length > 1 ? 'Remove columns' : 'Remove column',
      change: removal(gone),
      done: `Removed ${labels(gone)}.`,
    });
  };

  const editedMeasure = editing?.kind === 'value' ? saved.find((m) => m.id === editing.id) : undefined;
  const selfId = editedMeasure?.id;

  return (
    <section className={styles.root} aria-labelledby="pd-ext-fields">
      <h3 id="pd-ext-fields" className={styles.subheading}>PivotDeck values</h3>
      <p className={styles.note}>
        The PivotTable keeps its own rows and columns. Check a field to add what the PivotTable lacks (the median of a number, the distinct count of anything else); click a value for its settings; drag values to reorder them.
      </p>
      {fields === undefined ? <Spinner size="tiny" label="Reading the source's fields…" /> : (
        <div ref={listRef}>
          <FieldList
            fields={known}
            inUse={extensionFieldsInUse(measures, known)}
            onCheck={onCheck}
            onAddValue={(name, from) => {
              if (busy) return;
              const info = known.find((f) => f.name === name);
              open({ kind: 'new', settings: newValueSettings(name, info?.type === 'number' ? 'median' : 'distinctCount') }, from);
            }}
            listLabel="Fields of the PivotTable's source"
            addLabel={(name) => `Add a value of ${name}`}
            disabled={busy}
          />
        </div>
      )}
      <SortableAreas
        areas={['values']}
        entries={{ values: valueEntries(measures) }}
        emptyText={{ values: 'Check a field above to add a value' }}
        disabled={busy}
        move={(from, to) => {
          const m = measures[from.index];
          if (!m) return undefined;
          return {
            message: moveMessage(m.label, to.index, measures.length),
            apply: () => write({ kind: 'edit', edit: { kind: 'move', id: m.id, to: to.index } }, `Moved "${m.label}" to position ${to.index + 1}.`),
          };
        }}
        onRemove={(slot) => onRemove(slot.index)}
        onOpen={{ values: (index, from) => { const m = measures[index]; if (m && !busy) open({ kind: 'value', id: m.id }, from); } }}
      />
      <div className={styles.row}>
        <Button size="small" disabledFocusable={busy} aria-haspopup="dialog" onClick={(e) => open({ kind: 'new', settings: newValueSettings('', 'formula') }, e.currentTarget)}>
          Custom formula…
        </Button>
      </div>
      {writing && <Spinner size="tiny" label={progressWords(writing)} />}
      {status && <SectionStatus state={status} />}
      {editing && (
        <ValueSettingsDialog
          name={editedMeasure?.label ?? 'New value'}
          initial={editedMeasure ? settingsOfExtensionMeasure(editedMeasure, saved) : editing.kind === 'new' ? editing.settings : newValueSettings('')}
          fields={known}
          formulaFields={names}
          choices={EXTENSION_SUMMARY_CHOICES}
          showAsChoices={EXTENSION_SHOW_AS_CHOICES}
          problemOf={(s) => extensionValueProblem(s, saved, selfId)}
          onClose={close}
          onSave={(s) => {
            const m = extensionMeasureOfSettings(s, saved, { id: selfId, taken: saved.map((x) => x.id) });
            close();
            if (!m) return;
            if (editedMeasure) write({ kind: 'edit', edit: { kind: 'replace', id: editedMeasure.id, measure: m } }, `Changed "${m.label}".`);
            else write({ kind: 'add', measures: [m] }, `Added ${m.label}.`);
          }}
        />
      )}
      {asking && (
        <ConfirmDialog
          open
          title={asking.title}
          confirm={asking.confirm}
          onCancel={close}
          onConfirm={() => { const a = asking; close(); write(a.change, a.done); }}
        >
          {asking.text}
        </ConfirmDialog>
      )}
    </section>
  );
}

/** The list a change should leave, shown while it is written (the pure edit the coordinator applies). */
function expected(list: readonly ExtensionMeasure[], change: ValuesChange): ExtensionMeasure[] | undefined {
  if (change.kind === 'removeAll') return [];
  const result = applyMeasureEdit(list, change.kind === 'add' ? { kind: 'add', measures: change.measures } : change.edit);
  return result.ok ? result.measures : undefined;
}
