import { Button, Field, Input, Select, Textarea } from '@fluentui/react-components';
import { useMemo, useState, type ReactElement } from 'react';
import type { Measure } from '../../engine';
import type { FieldInfo } from './field-info';
import { formulaCompletions, formulaProblems } from './formula-help';
import { choiceOf, defaultFormat, MEASURE_CHOICES, measureId, type MeasureKind } from './measure-choices';
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
  const numeric = fields.filter((f) => f.type === 'number' || f.type === 'mixed');
  const [kind, setKind] = useState<MeasureKind>('sum');
  const [field, setField] = useState(initialField ?? numeric[0]?.name ?? fields[0]?.name ?? '');
  const [other, setOther] = useState('');
  const [p, setP] = useState('0.9');
  const [formula, setFormula] = useState('');
  const [showAs, setShowAs] = useState('none');
  const [label, setLabel] = useState('');
  const choice = choiceOf(kind);
  const pValue = Number(p);
  const pError = choice.needsP && !(p.trim() !== '' && pValue >= 0 && pValue <= 1) ? 'Enter a number between 0 and 1, e.g. 0.9.' : undefined;
  const problems = useMemo(() => (choice.isFormula ? formulaProblems(formula, formulaFields) : []), [choice.isFormula, formula, formulaFields]);
  const completions = useMemo(() => (choice.isFormula ? formulaCompletions(formula, formulaFields) : []), [choice.isFormula, formula, formulaFields]);
  const otherError = choice.otherField && !other ? `Choose a field for "${choice.otherField}".` : undefined;
  const formulaMissing = choice.isFormula && formula.trim() === '';
  const valid = !pError && problems.length === 0 && !otherError && !formulaMissing && (!choice.needsField || field !== '');
  const placeholder = choice.label(field, other || undefined, pValue);

  const add = () => {
    const header = label.trim() || placeholder;
    const format = showAs === 'none' ? defaultFormat(choice, fields.find((f) => f.name === field)) : undefined;
    const base = { id: measureId(header, takenIds), label: header, ...(format ? { numberFormat: format } : {}), ...(SHOW_AS_CHOICES.find((s) => s.value === showAs)?.showAs ? { showAs: SHOW_AS_CHOICES.find((s) => s.value === showAs)!.showAs } : {}) };
    let measure: Measure;
    if (choice.isFormula) measure = { ...base, kind: 'formula', formula };
    else if (choice.kind === 'percentile') measure = { ...base, kind: 'percentile', field, p: pValue };
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
        <Field label={choice.otherField} validationMessage={otherError}>
          <Select value={other} onChange={(_, d) => setOther(d.value)}>
            <option value="">Choose…</option>
            {fields.map((f) => <option key={f.name} value={f.name}>{f.name}</option>)}
          </Select>
        </Field>
      )}
      {choice.needsP && (
        <Field label="Percentile p (0 to 1)" validationMessage={pError} hint="Interpolated as Excel's PERCENTILE.INC.">
          <Input value={p} onChange={(_, d) => setP(d.value)} inputMode="decimal" />
        </Field>
      )}
      {choice.isFormula && (
        <Field
          label="Formula"
          hint={problems.length === 0 ? 'Fields in [brackets]; functions as in Excel, e.g. SUM([Revenue]) / SUM([Units]).' : undefined}
          validationMessage={problems[0]}
          validationState={problems.length > 0 ? 'error' : 'none'}
        >
          <Textarea value={formula} onChange={(_, d) => setFormula(d.value)} placeholder="SUM([Revenue]) / SUM([Units])" resize="vertical" rows={2} />
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
        <Button appearance="primary" disabled={!valid} onClick={add}>Add to Values</Button>
        <Button onClick={onCancel}>Cancel</Button>
      </div>
    </div>
  );
}
