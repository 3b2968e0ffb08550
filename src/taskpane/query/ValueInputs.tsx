import { Button, Field, Input, Select, Textarea } from '@fluentui/react-components';
import { useMemo, useState, type ReactElement, type Ref } from 'react';
import type { FieldInfo } from './field-info';
import { foreignMeasureCall, formulaAliases, formulaCompletions, formulaProblems } from './formula-help';
import { choiceOf, MEASURE_CHOICES, readPercentile, type MeasureChoice, type MeasureKind } from './measure-choices';
import { useMeasureFormStyles } from './MeasureForm.styles';
import { SHOW_AS_CHOICES } from './spec-draft';
import { CUSTOM_FORMAT, defaultValueName, formatChoiceOf, NUMBER_FORMAT_CHOICES, valueProblems, type ValueSettings } from './value-settings';

export interface ValueInputsProps {
  settings: ValueSettings;
  onChange(settings: ValueSettings): void;
  fields: FieldInfo[];
  /** Field names formulas may use (source fields and date parts). */
  formulaFields: string[];
  /** Label of the name box: "Column header" in the form, "Custom name" in the dialog. */
  nameLabel: string;
  /** Errors show for every input once the user pressed Add or OK. */
  submitted: boolean;
  /** The first input, for moving focus into the form or dialog when it opens. */
  firstRef?: Ref<HTMLSelectElement>;
  /** "Summarize by" entries; the query builder's catalogue by default (a pivot extension offers its own). */
  choices?: readonly MeasureChoice[];
  /** "Show as" entries; every show-as of a query by default. */
  showAsChoices?: ReadonlyArray<{ value: string; label: string }>;
  /** A problem the caller finds with the whole value (shown under "Show as", on leaving it or on OK). */
  valueProblem?: string;
}

/**
 * The inputs of one value, shared by "Add a value" and Value Field Settings: summarize by, its
 * field and extra inputs, show values as, number format and the name. Errors appear after leaving
 * a box or pressing the button, never while typing.
 */
export function ValueInputs({
  settings: s, onChange, fields, formulaFields, nameLabel, submitted, firstRef, choices = MEASURE_CHOICES, showAsChoices = SHOW_AS_CHOICES, valueProblem,
}: ValueInputsProps): ReactElement {
  const styles = useMeasureFormStyles();
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const leave = (name: string) => () => setTouched((t) => new Set(t).add(name));
  const shows = (name: string) => submitted || touched.has(name);
  const set = (patch: Partial<ValueSettings>) => onChange({ ...s, ...patch });
  const choice = choiceOf(s.kind);
  const problems = valueProblems(s);
  const percentile = readPercentile(s.p);
  const formulaErrors = useMemo(() => (choice.isFormula ? formulaProblems(s.formula, formulaFields) : []), [choice.isFormula, s.formula, formulaFields]);
  const completions = useMemo(() => (choice.isFormula ? formulaCompletions(s.formula, formulaFields) : []), [choice.isFormula, s.formula, formulaFields]);
  const formulaError = formulaErrors[0] ?? problems.formula;
  const aliasNote = useMemo(() => (choice.isFormula ? formulaAliases(s.formula).notes.join('. ') : ''), [choice.isFormula, s.formula]);
  // A name from DAX or Excel that a picker measure means: offered as that measure.
  const foreign = choice.isFormula ? foreignMeasureCall(s.formula) : undefined;
  const foreignField = foreign?.field && fields.some((f) => f.name === foreign.field) ? foreign.field : s.field || fields[0]?.name || '';
  const formatChoice = formatChoiceOf(s.format);
  const [customFormat, setCustomFormat] = useState(formatChoice === CUSTOM_FORMAT);

  return (
    <>
      <div className={styles.pair}>
        <Field label="Summarize by" hint={choice.help}>
          <Select ref={firstRef} value={s.kind} onChange={(_, d) => set({ kind: d.value as MeasureKind })} onBlur={leave('kind')}>
            {choices.map((c) => <option key={c.kind} value={c.kind}>{c.title}</option>)}
          </Select>
        </Field>
        {choice.needsField && (
          <Field label="Field" validationMessage={shows('field') ? problems.field : undefined}>
            <Select value={s.field} onChange={(_, d) => set({ field: d.value })} onBlur={leave('field')}>
              {s.field === '' && <option value="">Choose…</option>}
              {fields.map((f) => <option key={f.name} value={f.name}>{f.name}</option>)}
            </Select>
          </Field>
        )}
      </div>
      {choice.otherField && (
        <Field label={choice.otherField} validationMessage={shows('other') ? problems.other : undefined}>
          <Select value={s.other} onChange={(_, d) => set({ other: d.value })} onBlur={leave('other')}>
            <option value="">Choose…</option>
            {fields.map((f) => <option key={f.name} value={f.name}>{f.name}</option>)}
          </Select>
        </Field>
      )}
      {choice.needsP && (
        <Field
          label="Percentile (90, 90% or 0.9)"
          validationMessage={shows('p') ? problems.p : undefined}
          hint={`${percentile.note ?? '90 or 90% means the 90th percentile (p = 0.9).'} Interpolated as Excel's PERCENTILE.INC.`}
        >
          <Input value={s.p} onChange={(_, d) => set({ p: d.value })} onBlur={leave('p')} inputMode="decimal" />
        </Field>
      )}
      {choice.isFormula && (
        <Field
          label="Formula"
          hint={!formulaError || !shows('formula') ? (aliasNote ? `${aliasNote}.` : 'Fields in [brackets]; functions as in Excel, e.g. SUM([Revenue]) / SUM([Units]).') : undefined}
          validationMessage={shows('formula') ? formulaError : undefined}
          validationState={shows('formula') && formulaError ? 'error' : 'none'}
        >
          <Textarea value={s.formula} onChange={(_, d) => set({ formula: d.value })} onBlur={leave('formula')} placeholder="SUM([Revenue]) / SUM([Units])" resize="vertical" rows={2} />
        </Field>
      )}
      {foreign && (
        <Button size="small" appearance="outline" onClick={() => set({ kind: foreign.kind, field: foreignField, formula: '' })}>
          {`Use ${choiceOf(foreign.kind).label(foreignField)} instead`}
        </Button>
      )}
      {completions.length > 0 && (
        <div className={styles.completions} role="group" aria-label="Complete the formula">
          {completions.map((c) => (
            <Button key={c.text} size="small" appearance="outline" title={c.detail} onClick={() => set({ formula: c.text })}>{c.label}</Button>
          ))}
        </div>
      )}
      <div className={styles.pair}>
        <Field label="Show as" validationMessage={shows('showAs') || shows('kind') ? valueProblem : undefined}>
          <Select value={s.showAs} onChange={(_, d) => set({ showAs: d.value })} onBlur={leave('showAs')}>
            {showAsChoices.map((c) => <option key={c.value} value={c.value}>{c.label}</option>)}
          </Select>
        </Field>
        <Field label="Number format" hint={customFormat ? 'An Excel format code, e.g. #,##0.0 or 0.00%.' : undefined} validationMessage={problems.format}>
          <Select
            value={customFormat ? CUSTOM_FORMAT : formatChoice}
            onChange={(_, d) => {
              setCustomFormat(d.value === CUSTOM_FORMAT);
              if (d.value !== CUSTOM_FORMAT) set({ format: d.value });
            }}
          >
            {NUMBER_FORMAT_CHOICES.map((c) => <option key={c.value} value={c.value}>{c.label}</option>)}
            <option value={CUSTOM_FORMAT}>Custom…</option>
          </Select>
        </Field>
        {customFormat && (
          <Field label="Format code">
            <Input value={s.format} onChange={(_, d) => set({ format: d.value })} placeholder="#,##0.0" />
          </Field>
        )}
        <Field label={nameLabel}>
          <Input value={s.name} onChange={(_, d) => set({ name: d.value })} placeholder={defaultValueName(s)} />
        </Field>
      </div>
    </>
  );
}

/**
 * Whether the settings make a value, formula included.
 * @example settingsReady(newValueSettings('Revenue'), ['Revenue']) // true
 */
export function settingsReady(s: ValueSettings, formulaFields: readonly string[]): boolean {
  if (Object.keys(valueProblems(s)).length) return false;
  return !(choiceOf(s.kind).isFormula && formulaProblems(s.formula, formulaFields).length > 0);
}
