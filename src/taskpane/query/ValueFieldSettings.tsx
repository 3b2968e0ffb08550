import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from '@fluentui/react-components';
import { useEffect, useRef, useState, type ReactElement } from 'react';
import type { Measure } from '../../engine';
import type { FieldInfo } from './field-info';
import { useMeasureFormStyles } from './MeasureForm.styles';
import { measureOfSettings, settingsOfMeasure } from './value-settings';
import { settingsReady, ValueInputs } from './ValueInputs';

export interface ValueFieldSettingsProps {
  /** The value being edited. */
  measure: Measure;
  fields: FieldInfo[];
  formulaFields: string[];
  /** Ids of the other values (an edited value keeps its own). */
  takenIds: string[];
  onSave(measure: Measure): void;
  onClose(): void;
}

/**
 * Excel's Value Field Settings for one value: summarize by, show values as, number format and a
 * custom name (plus the inputs PivotDeck's extra measures need). A modal Fluent Dialog: focus
 * moves to "Summarize by" when it opens and back to the value's chip when it closes.
 */
export function ValueFieldSettings({ measure, fields, formulaFields, takenIds, onSave, onClose }: ValueFieldSettingsProps): ReactElement {
  const styles = useMeasureFormStyles();
  const [settings, setSettings] = useState(() => settingsOfMeasure(measure));
  const [submitted, setSubmitted] = useState(false);
  const first = useRef<HTMLSelectElement>(null);
  useEffect(() => { first.current?.focus(); }, []);
  const save = () => {
    setSubmitted(true);
    if (!settingsReady(settings, formulaFields)) return;
    const next = measureOfSettings(settings, fields, { id: measure.id, taken: takenIds });
    if (next) onSave(next);
  };
  return (
    <Dialog open modalType="modal" onOpenChange={(_, d) => { if (!d.open) onClose(); }}>
      <DialogSurface aria-label={`Value Field Settings: ${measure.label ?? measure.id}`} className={styles.dialog}>
        <DialogBody>
          <DialogTitle>Value Field Settings</DialogTitle>
          <DialogContent className={styles.dialogContent}>
            <ValueInputs
              settings={settings}
              onChange={setSettings}
              fields={fields}
              formulaFields={formulaFields}
              nameLabel="Custom name"
              submitted={submitted}
              firstRef={first}
            />
          </DialogContent>
          <DialogActions className={styles.actions}>
            <Button appearance="primary" onClick={save}>OK</Button>
            <Button onClick={onClose}>Cancel</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
