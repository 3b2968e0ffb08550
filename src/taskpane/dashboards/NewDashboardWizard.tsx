import {
  Button, Checkbox, Dropdown, Field, Input, MessageBar, MessageBarBody, Option, OptionGroup, Spinner,
} from '@fluentui/react-components';
import { useState, type ReactElement } from 'react';
import type { DashboardField } from '../../dashboards';
import { useNewDashboardWizardStyles } from './NewDashboardWizard.styles';
import { RefreshProgress } from './RefreshProgress';
import { galleryItems } from './template-gallery-items';
import { TemplateGallery } from './TemplateGallery';
import { TileEditor } from './TileEditor';
import type { Busy } from './use-dashboards';
import { everyMinutes, type NewDashboardState } from './use-new-dashboard';
import { KeepHistoryField } from '../history/KeepHistoryField';
import { useFocusInAndBack } from '../shared/use-focus-in-and-back';

export interface NewDashboardWizardProps {
  w: NewDashboardState;
  busy?: Busy;
  readOnly: boolean;
  onSubmit(): void;
  onClose(): void;
  onCancelRun(): void;
  /** Where focus goes when the wizard closes if the button that opened it is gone ("New dashboard" hides while it is open). */
  returnFocusTo?(): HTMLElement | null | undefined;
}

/** "New dashboard" (or "Edit"): source → template → tiles → name and refresh options → Create. */
export function NewDashboardWizard({ w, busy, readOnly, onSubmit, onClose, onCancelRun, returnFocusTo }: NewDashboardWizardProps): ReactElement {
  const styles = useNewDashboardWizardStyles();
  // Focus moves to the first choice when the wizard opens and back to what opened it when it closes.
  const rootRef = useFocusInAndBack<HTMLElement>(returnFocusTo);
  const [tileError, setTileError] = useState<string | undefined>();
  const [showGallery, setShowGallery] = useState(false);
  const editing = w.editingId !== undefined;
  const fields: DashboardField[] = w.fields.status === 'ready' ? w.fields.fields : [];
  const every = everyMinutes(w.options);
  const workbook = (w.choices ?? []).filter((c) => c.group === 'workbook');
  const web = (w.choices ?? []).filter((c) => c.group === 'web');
  const warehouse = (w.choices ?? []).filter((c) => c.group === 'warehouse');
  const canCreate = w.tiles.length > 0 && w.label.trim() !== '' && !every.problem && !busy && !readOnly;

  return (
    <section ref={rootRef} className={styles.root} aria-labelledby="pivotdeck-new-dashboard">
      <div className={styles.row}>
        <h3 id="pivotdeck-new-dashboard" className={styles.heading}>{editing ? `Edit “${w.label}”` : 'New dashboard'}</h3>
      </div>

      {!editing && (
        <div className={styles.step}>
          <Field
            label="1. Data to show"
            hint={w.choice ? w.choice.detail : 'A table in this workbook, data from the web or a warehouse.'}
            validationMessage={w.choicesError}
          >
            <Dropdown
              placeholder={w.choices === undefined ? 'Loading…' : w.choices.length === 0 ? 'No tables in this workbook' : 'Choose the data'}
              value={w.choice?.label ?? ''}
              selectedOptions={w.choice ? [w.choice.key] : []}
              onOptionSelect={(_, d) => void w.chooseSource((w.choices ?? []).find((c) => c.key === d.optionValue))}
            >
              {workbook.length > 0 && (
                <OptionGroup label="Tables in this workbook">
                  {workbook.map((c) => <Option key={c.key} value={c.key} text={c.label}>{`${c.label} (${c.detail})`}</Option>)}
                </OptionGroup>
              )}
              {web.length > 0 && (
                <OptionGroup label="From the web">
                  {web.map((c) => <Option key={c.key} value={c.key} text={c.label} disabled={c.unavailable !== undefined}>{`${c.label} (${c.unavailable ?? c.detail})`}</Option>)}
                </OptionGroup>
              )}
              {warehouse.length > 0 && (
                <OptionGroup label="On a warehouse">
                  {warehouse.map((c) => <Option key={c.key} value={c.key} text={c.label} disabled={c.unavailable !== undefined}>{`${c.label} (${c.unavailable ?? c.detail})`}</Option>)}
                </OptionGroup>
              )}
            </Dropdown>
          </Field>
          {w.fields.status === 'loading' && <Spinner size="tiny" label="Reading its columns…" labelPosition="after" />}
          {w.fields.status === 'error' && <MessageBar intent="error"><MessageBarBody>{w.fields.message}</MessageBarBody></MessageBar>}
        </div>
      )}

      {!editing && w.fields.status === 'ready' && (
        <div className={styles.step}>
          <h4 className={styles.subheading}>2. Start from a template</h4>
          {w.step === 'tiles' && w.template && !showGallery ? (
            <div className={styles.chosen}>
              <span>{`Template: ${galleryItems().find((g) => g.id === w.template)?.label ?? ''}`}</span>
              <Button size="small" appearance="transparent" disabled={busy !== undefined} onClick={() => setShowGallery(true)}>Change template</Button>
            </div>
          ) : (
            <TemplateGallery chosen={w.template} disabled={busy !== undefined} onChoose={(id, label) => { setShowGallery(false); w.chooseTemplate(id, label); }} />
          )}
          {w.templateError && <MessageBar intent="warning"><MessageBarBody>{w.templateError}</MessageBarBody></MessageBar>}
        </div>
      )}

      {w.step === 'tiles' && (
        <>
          <div className={styles.step}>
            <h4 className={styles.subheading}>{editing ? 'Tiles' : '3. Check the tiles'}</h4>
            <p className={styles.note}>Rename, reorder, remove or add tiles; change what each shows, its chart type and size. They are laid out left to right, top to bottom.</p>
            <TileEditor
              tiles={w.tiles}
              fields={fields}
              source={w.choice?.ref}
              onChange={(t) => { setTileError(undefined); w.setTiles(t); }}
              onError={setTileError}
            />
            {tileError && <MessageBar intent="error"><MessageBarBody>{tileError}</MessageBarBody></MessageBar>}
          </div>

          <div className={styles.step}>
            <h4 className={styles.subheading}>{editing ? 'Name and refresh' : '4. Name and refresh'}</h4>
            <Field label="Dashboard name" hint={editing ? undefined : 'Also the name of its new sheet.'} validationMessage={w.label.trim() === '' ? 'Give the dashboard a name.' : undefined}>
              <Input value={w.label} maxLength={31} onChange={(_, d) => w.setLabel(d.value)} />
            </Field>
            <Checkbox
              label="Refresh when the workbook opens"
              checked={w.options.refreshOnOpen}
              onChange={(_, d) => w.setOptions({ ...w.options, refreshOnOpen: Boolean(d.checked) })}
            />
            <div className={styles.row}>
              <Checkbox
                label="Refresh every"
                checked={w.options.everyOn}
                onChange={(_, d) => w.setOptions({ ...w.options, everyOn: Boolean(d.checked) })}
              />
              <Input
                className={styles.minutes}
                size="small"
                inputMode="numeric"
                disabled={!w.options.everyOn}
                value={w.options.everyMinutes}
                onChange={(_, d) => w.setOptions({ ...w.options, everyMinutes: d.value })}
                aria-label="Minutes between refreshes"
              />
              <span className={styles.note}>minutes while the workbook is open</span>
            </div>
            {every.problem && <MessageBar intent="error"><MessageBarBody>{every.problem}</MessageBarBody></MessageBar>}
            <KeepHistoryField what="dashboard" value={w.options.history ?? undefined} onChange={(history) => w.setOptions({ ...w.options, history })} />
          </div>
        </>
      )}

      {busy && <RefreshProgress what={busy.what} events={busy.events} onCancel={onCancelRun} />}
      <div className={styles.row}>
        {w.step === 'tiles' && (
          <Button appearance="primary" disabled={!canCreate} onClick={onSubmit}>
            {editing ? 'Save and update the sheet' : 'Create dashboard'}
          </Button>
        )}
        <Button disabled={busy !== undefined} onClick={onClose}>{editing ? 'Close without saving' : 'Cancel'}</Button>
      </div>
    </section>
  );
}
