import { Button } from '@fluentui/react-components';
import { useEffect, useRef, useState, type ReactElement } from 'react';
import type { Measure } from '../../engine';
import type { FieldInfo } from './field-info';
import { defaultMeasureField } from './measure-choices';
import { useMeasureFormStyles } from './MeasureForm.styles';
import { measureOfSettings, newValueSettings } from './value-settings';
import { settingsReady, ValueInputs } from './ValueInputs';

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
 * "Add a value": a measure (with the extra ones Excel pivots lack), its field, p for
 * percentiles, a formula editor with completion and inline errors, how to show the value, its
 * number format and its column header. Focus moves to its first input when it opens.
 */
export function MeasureForm({ fields, formulaFields, initialField, takenIds, onAdd, onCancel }: MeasureFormProps): ReactElement {
  const styles = useMeasureFormStyles();
  const [settings, setSettings] = useState(() => newValueSettings(initialField ?? defaultMeasureField(fields)));
  const [submitted, setSubmitted] = useState(false);
  const first = useRef<HTMLSelectElement>(null);
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    root.current?.scrollIntoView({ block: 'nearest' });
    first.current?.focus();
  }, []);

  const add = () => {
    setSubmitted(true);
    if (!settingsReady(settings, formulaFields)) return;
    const measure = measureOfSettings(settings, fields, { taken: takenIds });
    if (measure) onAdd(measure);
  };

  return (
    <div ref={root} className={styles.form} role="group" aria-labelledby="pivotdeck-measure-heading">
      <h4 id="pivotdeck-measure-heading" className={styles.heading}>Add a value</h4>
      <ValueInputs
        settings={settings}
        onChange={setSettings}
        fields={fields}
        formulaFields={formulaFields}
        nameLabel="Column header"
        submitted={submitted}
        firstRef={first}
      />
      <div className={styles.actions}>
        <Button appearance="primary" onClick={add}>Add to Values</Button>
        <Button onClick={onCancel}>Cancel</Button>
      </div>
    </div>
  );
}
