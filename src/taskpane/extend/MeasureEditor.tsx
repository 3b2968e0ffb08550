import { Button, Field, Input, Select } from '@fluentui/react-components';
import { useMemo, useState, type ReactElement } from 'react';
import type { ExtensionMeasure, MeasureKind } from '../../engine/pivot-extension';
import { formulaAliases, formulaProblems } from './formula-feedback';
import { choiceOf, MEASURE_CHOICES } from './measure-catalogue';
import { useMeasureEditorStyles } from './MeasureEditor.styles';

export interface MeasureEditorProps {
  fields: string[];
  measures: ExtensionMeasure[];
  onChange(measures: ExtensionMeasure[]): void;
  /** The field the form starts on (the first number field), so it does not open on "Median of Date". */
  defaultField?: string;
}

/** The measure picker: choose a measure and its fields, see what Excel function it follows, add it. */
export function MeasureEditor({ fields, measures, onChange, defaultField }: MeasureEditorProps): ReactElement {
  const styles = useMeasureEditorStyles();
  const [kind, setKind] = useState<MeasureKind>('median');
  const [field, setField] = useState(defaultField !== undefined && fields.includes(defaultField) ? defaultField : fields[0] ?? '');
  const [other, setOther] = useState('');
  const [p, setP] = useState('0.9');
  const [formula, setFormula] = useState('');
  const [label, setLabel] = useState('');
  const choice = choiceOf(kind);
  const pValue = Number(p);
  const pError = choice.needsP && !(p.trim() !== '' && pValue >= 0 && pValue <= 1) ? 'Enter a number between 0 and 1.' : undefined;
  const problems = useMemo(() => (choice.isFormula ? formulaProblems(formula, fields) : []), [choice.isFormula, formula, fields]);
  const otherError = choice.otherRequired && !other ? `Choose a field for "${choice.otherField}".` : undefined;
  const valid = !pError && problems.length === 0 && !otherError && (!choice.needsField || field !== '');

  const add = () => {
    const id = `m${Date.now().toString(36)}${measures.length}`;
    const measure: ExtensionMeasure = {
      id,
      kind,
      label: label.trim() || choice.label(field, other || undefined, pValue),
      ...(choice.needsField ? { field } : {}),
      ...(choice.otherField && other ? { otherField: other } : {}),
      ...(choice.needsP ? { p: pValue } : {}),
      // Names from Excel or DAX are saved as PivotDeck's (DISTINCTCOUNTNOBLANK as COUNTDISTINCT).
      ...(choice.isFormula ? { formula: formulaAliases(formula).text } : {}),
    };
    onChange([...measures, measure]);
    setLabel('');
  };

  return (
    <div className={styles.form}>
      <Field label="Measure" hint={choice.help}>
        <Select value={kind} onChange={(_, d) => setKind(d.value as MeasureKind)}>
          {MEASURE_CHOICES.map((c) => <option key={c.kind} value={c.kind}>{c.title}</option>)}
        </Select>
      </Field>
      {choice.needsField && (
        <Field label="Field">
          <Select value={field} onChange={(_, d) => setField(d.value)}>
            {fields.map((f) => <option key={f} value={f}>{f}</option>)}
          </Select>
        </Field>
      )}
      {choice.otherField && (
        <Field label={choice.otherField} validationMessage={otherError}>
          <Select value={other} onChange={(_, d) => setOther(d.value)}>
            <option value="">{choice.otherRequired ? 'Choose…' : '(source order)'}</option>
            {fields.map((f) => <option key={f} value={f}>{f}</option>)}
          </Select>
        </Field>
      )}
      {choice.needsP && (
        <Field label="p (0 to 1)" validationMessage={pError} hint="PERCENTILE.INC interpolation, as Excel's PERCENTILE.INC.">
          <Input value={p} onChange={(_, d) => setP(d.value)} inputMode="decimal" />
        </Field>
      )}
      {choice.isFormula && (
        <Field
          label="Formula"
          hint={problems.length === 0 ? formulaAliases(formula).notes.map((n) => `${n}.`).join(' ') || undefined : undefined}
          validationMessage={formula === '' ? undefined : problems[0]}
          validationState={problems.length > 0 && formula !== '' ? 'error' : 'none'}
        >
          <Input value={formula} onChange={(_, d) => setFormula(d.value)} placeholder="SUM([Revenue]) / SUM([Units])" />
        </Field>
      )}
      <Field label="Column header">
        <Input value={label} onChange={(_, d) => setLabel(d.value)} placeholder={choice.label(field, other || undefined, pValue)} />
      </Field>
      <div className={styles.row}>
        <Button onClick={add} disabled={!valid}>Add measure</Button>
      </div>
      {measures.length > 0 && (
        <ul className={styles.list} aria-label="Measures to add">
          {measures.map((m) => (
            <li key={m.id} className={styles.item}>
              <span>{m.label}</span>
              <Button size="small" appearance="subtle" onClick={() => onChange(measures.filter((x) => x.id !== m.id))} aria-label={`Remove ${m.label}`}>Remove</Button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
