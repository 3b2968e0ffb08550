import { Button, Field, Input, Select, Textarea } from '@fluentui/react-components';
import { useMemo, useState, type ReactElement } from 'react';
import type { Measure } from '../../engine';
import type { FieldInfo } from './field-info';
import { formulaCompletions, formulaProblems } from './formula-help';
import { choiceOf, defaultFormat, defaultMeasureField, MEASURE_CHOICES, measureId, readPercentile, type MeasureKind } from './measure-choices';
import { useMeasureFormStyles } from './MeasureForm.styles';
import { SHOW_AS_CHOICES } from './spec-draft';

export interface MeasureFormProps {
  fields: FieldInfo[];
  /** Field names formulas may use (source fields and date parts). */
  formulaFields: string[];
  initialField?: string;
  takenIds: string[];
  onAdd(measure: Measure): void;
  onCancel(): void;
}

/**
 * The measure picker: a measure (with the extra ones Excel pivots lack), its field, p for
 * percentiles, a formula editor with completion and inline errors, and how to show the value.
 */
export function MeasureForm({ fields, formulaFields, initialField, takenIds, onAdd, onCancel }: MeasureFormProps): ReactElement {
  const styles = useMeasureFormStyles();
  const [kind, setKind] = useState<MeasureKind>('sum');
  const [field, setField] = useState(initialField ?? defaultMeasureField(fields));
  const [other, setOther] = useState('');
  const [p, setP] = useState('0.9');
  const [formula, setFormula] = useState('');
  const [showAs, setShowAs] = useState('none');
  const [label, setLabel] = useState('');
  // Errors show once the user has left a box or pressed Add, never while they are still typing.
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const leave = (name: string) => () => setTouched((t) => new Set(t).add(name));
  const shows = (name: string) => submitted || touched.has(name);
  const choice = choiceOf(kind);
  const percentile = readPercentile(p);
  const pValue = percentile.p;
  const pError = choice.needsP ? percentile.error : undefined;
  const problems = useMemo(() => (choice.isFormula ? formulaProblems(formula, formulaFields) : []), [choice.isFormula, formula, formulaFields]);
  const completions = useMemo(() => (choice.isFormula ? formulaCompletions(formula, formulaFields) : []), [choice.isFormula, formula, formulaFields]);
  const otherError = choice.otherField && !other ? `Choose a field for "${choice.otherField}".` : undefined;
  const formulaMissing = choice.isFormula && formula.trim() === '';
  const valid = !pError && problems.length === 0 && !otherError && !formulaMissing && (!choice.needsField || field !== '');
  const shownAs = SHOW_AS_CHOICES.find((s) => s.value === showAs && s.value !== 'none');
  // A shown-as column is headed apart from the plain value: "Sum of Revenue (% of row total)".
  const placeholder = `${choice.label(field, other || undefined, pValue)}${shownAs ? ` (${shownAs.label})` : ''}`;

  const add = () => {
    setSubmitted(true);
    if (!valid) return;
    const header = label.trim() || placeholder;
    const format = showAs === 'none' ? defaultFormat(choice, fields.find((f) => f.name === field), fields.find((f) => f.name === other)) : undefined;
    const base = { id: measureId(header, takenIds), label: header, ...(format ? { numberFormat: format } : {}), ...(shownAs?.showAs ? { showAs: shownAs.showAs } : {}) };
    let measure: Measure;
    if (choice.isFormula) measure = { ...base, kind: 'formula', formula };
    else if (choice.kind === 'percentile') {
      if (pValue === undefined) return; // `valid` already says so; this tells the compiler.
      measure = { ...base, kind: 'percentile', field, p: pValue };
    }
    else if (choice.otherField) measure = { ...base, kind: choice.kind as 'weightedAverage' | 'ratioOfSums', field, otherField: other };
    else measure = { ...base, kind: choice.kind as Exclude<MeasureKind, 'formula' | 'percentile' | 'quartile' | 'weightedAverage' | 'ratioOfSums' | 'first' | 'last'>, field };
    onAdd(measure);
  };

  return (
    <div className={styles.form} role="group" aria-labelledby="pivotdeck-measure-heading">
      <h4 id="pivotdeck-measure-heading" className={styles.heading}>Add a value</h4>
      <div className={styles.pair}>
        <Field label="Summarize by" hint={choice.help}>
          <Select value={kind} onChange={(_, d) => setKind(d.value as MeasureKind)}>
            {MEASURE_CHOICES.map((c) => <option key={c.kind} value={c.kind}>{c.title}</option>)}
          </Select>
        </Field>
        {choice.needsField && (
          <Field label="Field">
            <Select value={field} onChange={(_, d) => setField(d.value)}>
              {fields.map((f) => <option key={f.name} value={f.name}>{f.name}</option>)}
            </Select>
          </Field>
        )}
      </div>
      {choice.otherField && (
        <Field label={choice.otherField} validationMessage={shows('other') ? otherError : undefined}>
          <Select value={other} onChange={(_, d) => setOther(d.value)} onBlur={leave('other')}>
            <option value="">Choose…</option>
            {fields.map((f) => <option key={f.name} value={f.name}>{f.name}</option>)}
          </Select>
        </Field>
      )}
      {choice.needsP && (
        <Field
          label="Percentile (90, 90% or 0.9)"
          validationMessage={shows('p') ? pError : undefined}
          hint={`${percentile.note ?? '90 or 90% means the 90th percentile (p = 0.9).'} Interpolated as Excel's PERCENTILE.INC.`}
        >
          <Input value={p} onChange={(_, d) => setP(d.value)} onBlur={leave('p')} inputMode="decimal" />
        </Field>
      )}
      {choice.isFormula && (
        <Field
          label="Formula"
          hint={problems.length === 0 || !shows('formula') ? 'Fields in [brackets]; functions as in Excel, e.g. SUM([Revenue]) / SUM([Units]).' : undefined}
          validationMessage={shows('formula') ? (problems[0] ?? (formulaMissing ? 'Type a formula, e.g. SUM([Revenue]) / SUM([Units]).' : undefined)) : undefined}
          validationState={shows('formula') && (problems.length > 0 || formulaMissing) ? 'error' : 'none'}
        >
          <Textarea value={formula} onChange={(_, d) => setFormula(d.value)} onBlur={leave('formula')} placeholder="SUM([Revenue]) / SUM([Units])" resize="vertical" rows={2} />
        </Field>
      )}
      {completions.length > 0 && (
        <div className={styles.completions} role="group" aria-label="Complete the formula">
          {completions.map((c) => (
            <Button key={c.text} size="small" appearance="outline" title={c.detail} onClick={() => setFormula(c.text)}>{c.label}</Button>
          ))}
        </div>
      )}
      <div className={styles.pair}>
        <Field label="Show as">
          <Select value={showAs} onChange={(_, d) => setShowAs(d.value)}>
            {SHOW_AS_CHOICES.map((s) => <option key={s.value} value={s.value}>{s.label}</option>)}
          </Select>
        </Field>
        <Field label="Column header">
          <Input value={label} onChange={(_, d) => setLabel(d.value)} placeholder={placeholder} />
        </Field>
      </div>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={add}>Add to Values</Button>
        <Button onClick={onCancel}>Cancel</Button>
      </div>
    </div>
  );
}
