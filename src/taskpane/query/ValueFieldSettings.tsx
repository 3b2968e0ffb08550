import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from '@fluentui/react-components';
import { useEffect, useRef, useState, type ReactElement } from 'react';
import type { Measure } from '../../engine';
import type { FieldInfo } from './field-info';
import type { MeasureChoice } from './measure-choices';
import { useMeasureFormStyles } from './MeasureForm.styles';
import { measureOfSettings, settingsOfMeasure, type ValueSettings } from './value-settings';
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
  return (
    <ValueSettingsDialog
      name={measure.label ?? measure.id}
      initial={settingsOfMeasure(measure)}
      fields={fields}
      formulaFields={formulaFields}
      onClose={onClose}
      onSave={(settings) => {
        const next = measureOfSettings(settings, fields, { id: measure.id, taken: takenIds });
        if (next) onSave(next);
      }}
    />
  );
}

export interface ValueSettingsDialogProps {
  /** The value's name, for the dialog's accessible name. */
  name: string;
  initial: ValueSettings;
  fields: FieldInfo[];
  formulaFields: string[];
  /** "Summarize by" and "Show as" entries when not the query builder's (a pivot extension's). */
  choices?: readonly MeasureChoice[];
  showAsChoices?: ReadonlyArray<{ value: string; label: string }>;
  /** What else stops these settings making a value, in plain words; undefined when nothing. */
  problemOf?(settings: ValueSettings): string | undefined;
  /** Called with settings that make a value (every check passed). */
  onSave(settings: ValueSettings): void;
  onClose(): void;
}

/**
 * The dialog behind {@link ValueFieldSettings}, over plain settings, so the pivot extension's
 * values (stored differently from a query's) open the same dialog.
 * @example <ValueSettingsDialog name="Median of Revenue" initial={settings} fields={fields} formulaFields={names} onSave={save} onClose={close} />
 */
export function ValueSettingsDialog({ name, initial, fields, formulaFields, choices, showAsChoices, problemOf, onSave, onClose }: ValueSettingsDialogProps): ReactElement {
  const styles = useMeasureFormStyles();
  const [settings, setSettings] = useState(initial);
  const [submitted, setSubmitted] = useState(false);
  const first = useRef<HTMLSelectElement>(null);
  useEffect(() => { first.current?.focus(); }, []);
  const problem = problemOf?.(settings);
  const save = () => {
    setSubmitted(true);
    if (!settingsReady(settings, formulaFields) || problem !== undefined) return;
    onSave(settings);
  };
  return (
    <Dialog open modalType="modal" onOpenChange={(_, d) => { if (!d.open) onClose(); }}>
      <DialogSurface aria-label={`Value Field Settings: ${name}`} className={styles.dialog}>
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
              choices={choices}
              showAsChoices={showAsChoices}
              valueProblem={problem}
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
