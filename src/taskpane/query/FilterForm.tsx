import { Button, Field, Input, Select } from '@fluentui/react-components';
import { useEffect, useRef, useState, type ReactElement } from 'react';
import type { Filter } from '../../engine';
import type { FieldInfo } from './field-info';
import { useMeasureFormStyles } from './MeasureForm.styles';

type FilterKind = 'in' | 'notIn' | '>' | '>=' | '<' | '<=' | 'contains' | 'blank' | 'notBlank';

const KINDS: Array<{ value: FilterKind; label: string }> = [
  { value: 'in', label: 'is one of' },
  { value: 'notIn', label: 'is none of' },
  { value: '>', label: 'is greater than' },
  { value: '>=', label: 'is at least' },
  { value: '<', label: 'is less than' },
  { value: '<=', label: 'is at most' },
  { value: 'contains', label: 'contains the text' },
  { value: 'blank', label: 'is blank' },
  { value: 'notBlank', label: 'is not blank' },
];

/** "12" → 12, "North" → "North": numbers typed as text compare as numbers, as Excel's filters do. */
const literal = (text: string): string | number => (text.trim() !== '' && Number.isFinite(Number(text)) ? Number(text) : text.trim());

/**
 * A filter in words: field, condition, value(s). Lists are comma-separated ("North, South").
 * @example toFilter('Region', 'in', 'North, South') // { kind: 'in', field: 'Region', values: ['North', 'South'] }
 */
export function toFilter(field: string, kind: FilterKind, text: string): Filter | undefined {
  switch (kind) {
    case 'in':
    case 'notIn': {
      const values = text.split(',').map((v) => v.trim()).filter((v) => v !== '').map(literal);
      if (!values.length) return undefined;
      return kind === 'in' ? { kind: 'in', field, values } : { kind: 'in', field, values, exclude: true };
    }
    case 'contains':
      return text.trim() ? { kind: 'text', field, match: 'contains', value: text.trim() } : undefined;
    case 'blank':
      return { kind: 'blank', field, blank: true };
    case 'notBlank':
      return { kind: 'blank', field, blank: false };
    default:
      return text.trim() ? { kind: 'compare', field, op: kind, value: literal(text) } : undefined;
  }
}

/**
 * Describes a filter for the Filters box.
 * @example describeFilter({ kind: 'in', field: 'Region', values: ['North'] }) // 'Region is one of North'
 */
export function describeFilter(f: Filter): string {
  switch (f.kind) {
    case 'in': return `${f.field} ${f.exclude ? 'is none of' : 'is one of'} ${f.values.map((v) => (v === null ? '(blank)' : String(v))).join(', ')}`;
    case 'compare': return `${f.field} ${f.op} ${String(f.value)}`;
    case 'text': return `${f.field} contains "${f.value}"`;
    case 'blank': return `${f.field} ${f.blank ? 'is blank' : 'is not blank'}`;
    case 'between': return `${f.field} between ${String(f.low)} and ${String(f.high)}`;
    case 'relativeDate': return `${f.field} in the last ${f.last} ${f.unit}s`;
    case 'topN': return `${f.direction === 'bottom' ? 'Bottom' : 'Top'} ${f.n} ${f.field} by ${f.measure}`;
    case 'formula': return f.formula;
  }
}

/**
 * The form's inputs for a filter it can edit (kind and text), or undefined for kinds it cannot
 * show (between, dates, top N, formulas) and for "(All)", which starts a new condition.
 * @example filterInputs({ kind: 'in', field: 'Region', values: ['North', 'South'] }) // { kind: 'in', text: 'North, South' }
 */
export function filterInputs(f: Filter): { kind: FilterKind; text: string } | undefined {
  switch (f.kind) {
    case 'in': return f.values.length ? { kind: f.exclude ? 'notIn' : 'in', text: f.values.map((v) => (v === null ? '' : String(v))).join(', ') } : undefined;
    case 'compare': return f.op === '>' || f.op === '>=' || f.op === '<' || f.op === '<=' ? { kind: f.op, text: String(f.value) } : undefined;
    case 'text': return f.match === 'contains' ? { kind: 'contains', text: f.value } : undefined;
    case 'blank': return { kind: f.blank ? 'blank' : 'notBlank', text: '' };
    default: return undefined;
  }
}

export interface FilterFormProps {
  fields: FieldInfo[];
  initialField?: string;
  /** The filter being changed (from the Filters area); absent for a new one. */
  initial?: Filter;
  onAdd(filter: Filter): void;
  onCancel(): void;
}

/** "Add a filter" (or change one): field, condition, value(s). Focus moves to its first input when it opens. */
export function FilterForm({ fields, initialField, initial, onAdd, onCancel }: FilterFormProps): ReactElement {
  const styles = useMeasureFormStyles();
  const start = initial ? filterInputs(initial) : undefined;
  // A new filter starts on the first text field: "is one of" suits it, where a date field (often
  // the first column) would ask for dates typed as text.
  const [field, setField] = useState((initial && 'field' in initial ? initial.field : undefined) ?? initialField ?? (fields.find((f) => f.type === 'text') ?? fields[0])?.name ?? '');
  const [kind, setKind] = useState<FilterKind>(start?.kind ?? 'in');
  const [text, setText] = useState(start?.text ?? '');
  const first = useRef<HTMLSelectElement>(null);
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    root.current?.scrollIntoView({ block: 'nearest' });
    first.current?.focus();
  }, []);
  const filter = toFilter(field, kind, text);
  const needsText = kind !== 'blank' && kind !== 'notBlank';
  const samples = fields.find((f) => f.name === field)?.samples ?? [];
  return (
    <div ref={root} className={styles.form} role="group" aria-labelledby="pivotdeck-filter-heading">
      <h4 id="pivotdeck-filter-heading" className={styles.heading}>{initial ? 'Change the filter' : 'Add a filter'}</h4>
      <div className={styles.pair}>
        <Field label="Field">
          <Select ref={first} value={field} onChange={(_, d) => setField(d.value)}>
            {fields.map((f) => <option key={f.name} value={f.name}>{f.name}</option>)}
          </Select>
        </Field>
        <Field label="Keep rows where it">
          <Select value={kind} onChange={(_, d) => setKind(d.value as FilterKind)}>
            {KINDS.map((k) => <option key={k.value} value={k.value}>{k.label}</option>)}
          </Select>
        </Field>
      </div>
      {needsText && (
        <Field label={kind === 'in' || kind === 'notIn' ? 'Values, separated by commas' : 'Value'} hint={samples.length ? `e.g. ${samples.join(', ')}` : undefined}>
          <Input value={text} onChange={(_, d) => setText(d.value)} />
        </Field>
      )}
      <div className={styles.actions}>
        <Button appearance="primary" disabled={!filter} onClick={() => filter && onAdd(filter)}>{initial ? 'Save filter' : 'Add filter'}</Button>
        <Button onClick={onCancel}>Cancel</Button>
      </div>
    </div>
  );
}
