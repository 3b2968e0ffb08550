import {
  Button, Dropdown, Field, Input, Menu, MenuItem, MenuList, MenuPopover, MenuTrigger, MessageBar, MessageBarBody,
  MessageBarTitle, Option, Switch,
} from '@fluentui/react-components';
import { useRef, useState, type ReactElement } from 'react';
import type { PivotExtension } from '../../model';
import type { MeasureEdit } from '../../refresh/extensions/edit-measures';
import { ConfirmDialog } from './ConfirmDialog';
import { useExtensionCardStyles } from './ExtensionCard.styles';
import { freshnessLine } from './freshness-text';
import { pivotLabel } from './pivot-key';
import type { CardNotice } from './use-extend-pivot';
import { useFocusInAndBack } from '../shared/use-focus-in-and-back';

export interface ExtensionCardProps {
  ext: PivotExtension;
  busy: boolean;
  readOnly: boolean;
  notice?: CardNotice;
  onRefresh(): void;
  onRemove(): void;
  onEdit(edit: MeasureEdit, done: string): void;
  onAutoRefresh(on: boolean): void;
  /** Chooses this extension's pivot above, where new measures are added. */
  onAddMeasures(): void;
}

/** Number formats offered for a column; "Automatic" lets PivotDeck pick from the source field. */
const FORMATS: Array<{ code: string; text: string }> = [
  { code: '', text: 'Automatic' },
  { code: '0', text: 'Whole number (1235)' },
  { code: '#,##0', text: 'Thousands separator (1,235)' },
  { code: '#,##0.00', text: 'Two decimals (1,234.57)' },
  { code: '0.0%', text: 'Percentage (12.3%)' },
  { code: '0.00%', text: 'Percentage, two decimals (12.34%)' },
  { code: '$#,##0.00', text: 'Currency ($1,234.57)' },
];

type Form = { kind: 'rename' | 'format'; id: string };

/**
 * One extension in the pane's list: whether its numbers still belong to the pivot, its columns
 * with per-column actions (rename, number format, move, remove), refresh, automatic refresh and
 * Remove, which asks first and says what it deletes.
 */
export function ExtensionCard(props: ExtensionCardProps): ReactElement {
  const { ext, busy, readOnly, notice } = props;
  const styles = useExtensionCardStyles();
  const [form, setForm] = useState<Form | undefined>();
  // Each column's "Change" button, where focus goes back when its rename or format form closes.
  const changeButtons = useRef(new Map<string, HTMLElement>());
  const [confirm, setConfirm] = useState<{ kind: 'all' } | { kind: 'column'; id: string } | undefined>();
  const disabled = busy || readOnly;
  const title = ext.pivotSheet === undefined ? ext.pivotName : pivotLabel({ sheet: ext.pivotSheet, name: ext.pivotName });
  const line = freshnessLine(ext);
  const where = ext.output?.address ?? 'beside the PivotTable';
  const columns = ext.measures.length;

  return (
    <li className={styles.card} aria-label={`PivotDeck columns of ${title}`}>
      <strong className={styles.title}>{title}</strong>
      {line.kind === 'stale' ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{line.headline}</MessageBarTitle>
            <ul className={styles.reasons}>{line.reasons.map((r) => <li key={r}>{r}</li>)}</ul>
            {line.advice}
          </MessageBarBody>
        </MessageBar>
      ) : (
        <p className={styles.note}>{line.text}</p>
      )}
      {notice && (
        <MessageBar intent={notice.intent} layout="multiline"><MessageBarBody>{notice.text}</MessageBarBody></MessageBar>
      )}
      <ul className={styles.measures} aria-label="Columns">
        {ext.measures.map((m, i) => (
          <li key={m.id}>
            <div className={styles.measure}>
              <span className={styles.measureLabel}>{m.label}</span>
              <Menu>
                <MenuTrigger disableButtonEnhancement>
                  <Button
                    ref={(el) => { if (el) changeButtons.current.set(m.id, el); else changeButtons.current.delete(m.id); }}
                    size="small" appearance="subtle" disabled={disabled} aria-label={`Change the column ${m.label}`}
                  >
                    Change
                  </Button>
                </MenuTrigger>
                <MenuPopover>
                  <MenuList>
                    <MenuItem onClick={() => setForm({ kind: 'rename', id: m.id })}>Rename…</MenuItem>
                    <MenuItem onClick={() => setForm({ kind: 'format', id: m.id })}>Number format…</MenuItem>
                    <MenuItem disabled={i === 0} onClick={() => props.onEdit({ kind: 'move', id: m.id, to: i - 1 }, `Moved "${m.label}" left.`)}>Move left</MenuItem>
                    <MenuItem disabled={i === columns - 1} onClick={() => props.onEdit({ kind: 'move', id: m.id, to: i + 1 }, `Moved "${m.label}" right.`)}>Move right</MenuItem>
                    <MenuItem disabled={columns === 1} onClick={() => setConfirm({ kind: 'column', id: m.id })}>Remove column…</MenuItem>
                  </MenuList>
                </MenuPopover>
              </Menu>
            </div>
            {form?.id === m.id && (
              <MeasureForm
                kind={form.kind} label={m.label} format={m.numberFormat ?? ''}
                onCancel={() => setForm(undefined)}
                returnFocusTo={() => changeButtons.current.get(m.id)}
                onSave={(value) => {
                  setForm(undefined);
                  if (form.kind === 'rename') props.onEdit({ kind: 'rename', id: m.id, label: value }, `Renamed to "${value.trim()}".`);
                  else props.onEdit({ kind: 'format', id: m.id, numberFormat: value || undefined }, `Number format of "${m.label}" changed.`);
                }}
              />
            )}
          </li>
        ))}
      </ul>
      <Switch
        checked={ext.autoRefresh ?? false}
        disabled={disabled}
        label="Refresh by itself when the PivotTable changes"
        onChange={(_, d) => props.onAutoRefresh(d.checked)}
      />
      <div className={styles.row}>
        <Button size="small" disabled={disabled} onClick={props.onRefresh}>Refresh</Button>
        <Button size="small" disabled={disabled} onClick={props.onAddMeasures}>Add measures</Button>
        <Button size="small" disabled={disabled} onClick={() => setConfirm({ kind: 'all' })}>Remove</Button>
      </div>
      <ConfirmDialog
        open={confirm?.kind === 'all'}
        title="Remove these PivotDeck columns?"
        confirm={columns === 1 ? 'Remove column' : 'Remove columns'}
        onCancel={() => setConfirm(undefined)}
        onConfirm={() => { setConfirm(undefined); props.onRemove(); }}
      >
        {`PivotDeck will delete the ${columns} column${columns === 1 ? '' : 's'} it wrote at ${where} (${ext.measures.map((m) => m.label).join(', ')}) and stop refreshing ${columns === 1 ? 'it' : 'them'}. Your PivotTable and its data are not changed.`}
      </ConfirmDialog>
      {confirm?.kind === 'column' && (
        <ConfirmDialog
          open
          title="Remove this column?"
          confirm="Remove column"
          onCancel={() => setConfirm(undefined)}
          onConfirm={() => {
            const id = confirm.id;
            const label = ext.measures.find((m) => m.id === id)?.label ?? '';
            setConfirm(undefined);
            props.onEdit({ kind: 'remove', id }, `Removed "${label}".`);
          }}
        >
          {`PivotDeck will rewrite its columns at ${where} without "${ext.measures.find((m) => m.id === confirm.id)?.label ?? ''}". The other columns and your PivotTable are not changed.`}
        </ConfirmDialog>
      )}
    </li>
  );
}

interface MeasureFormProps {
  kind: 'rename' | 'format';
  label: string;
  format: string;
  onSave(value: string): void;
  onCancel(): void;
  returnFocusTo(): HTMLElement | undefined;
}

/** The inline rename / number-format form; focus moves into it when it opens and back to "Change" when it closes. */
function MeasureForm({ kind, label, format, onSave, onCancel, returnFocusTo }: MeasureFormProps): ReactElement {
  const styles = useExtensionCardStyles();
  const [value, setValue] = useState(kind === 'rename' ? label : format);
  const [error, setError] = useState<string | undefined>();
  const root = useFocusInAndBack<HTMLFormElement>(returnFocusTo);
  const known = FORMATS.find((f) => f.code === value);
  const save = () => {
    if (kind === 'rename' && value.trim() === '') { setError('Type a name for the column.'); return; }
    onSave(value);
  };
  return (
    <form ref={root} className={styles.form} onSubmit={(e) => { e.preventDefault(); save(); }} onKeyDown={(e) => { if (e.key === 'Escape') onCancel(); }}>
      {kind === 'rename' ? (
        <Field label={`New name for "${label}"`} validationMessage={error}>
          <Input className={styles.grow} value={value} maxLength={255} onChange={(_, d) => { setValue(d.value); setError(undefined); }} />
        </Field>
      ) : (
        <Field label={`Number format of "${label}"`}>
          <Dropdown
            className={styles.grow}
            value={known?.text ?? value}
            selectedOptions={[value]}
            onOptionSelect={(_, d) => setValue(d.optionValue ?? '')}
          >
            {!known && <Option value={value} text={value}>{value}</Option>}
            {FORMATS.map((f) => <Option key={f.code} value={f.code} text={f.text}>{f.text}</Option>)}
          </Dropdown>
        </Field>
      )}
      <div className={styles.row}>
        <Button size="small" appearance="primary" type="submit">Save</Button>
        <Button size="small" onClick={onCancel}>Cancel</Button>
      </div>
    </form>
  );
}
