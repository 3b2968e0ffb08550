import {
  Button, Checkbox, Dropdown, Field, Input, MessageBar, MessageBarBody, MessageBarTitle, Option, Radio, RadioGroup, Select, Spinner,
} from '@fluentui/react-components';
import { useCallback, useMemo, useRef, useState, type ReactElement } from 'react';
import type { PaneHost } from '../../excel/host-types';
import { AreaBoxes } from './AreaBoxes';
import { checkField, fieldsInUse, uncheckField } from './field-areas';
import { FieldList, type Area } from './FieldList';
import { FilterForm } from './FilterForm';
import { MeasureForm } from './MeasureForm';
import { QueryActivity } from './QueryActivity';
import { useQueryBuilderPanelStyles } from './QueryBuilderPanel.styles';
import { QueryPreview } from './QueryPreview';
import { SavedQueryList } from './SavedQueryList';
import { partName, type AxisField } from './spec-draft';
import { ValueFieldSettings } from './ValueFieldSettings';
import { useLivePreview } from './use-live-preview';
import { warehouseChoice } from '../warehouse/builder-source';
import { WarehouseConnectForm } from '../warehouse/WarehouseConnectForm';
import { useQueryBuilder } from './use-query-builder';
import { ColumnRemovalDialog } from '../shared/ColumnRemovalDialog';
import { webChoice } from './web-source-choice';

type Editor =
  | { kind: 'none' }
  | { kind: 'value'; field?: string }
  | { kind: 'filter'; field?: string; index?: number }
  | { kind: 'settings'; index: number };

/**
 * "Build a query": like Excel's PivotTable Fields pane, over any table: pick a source, put its
 * fields into Rows, Columns, Values and Filters (with medians, percentiles, distinct counts,
 * formulas and show-as), watch a live preview, and insert it into Excel as a formatted grid or a
 * table. Saved queries are listed below with refresh, edit, rename, duplicate and delete.
 */
export function QueryBuilderPanel({ host }: { host: PaneHost }): ReactElement {
  const styles = useQueryBuilderPanelStyles();
  const b = useQueryBuilder(host);
  const preview = useLivePreview(b.spec, b.layout, b.sourceData, b.compute, b.sourceVersion);
  const [editor, setEditorState] = useState<Editor>({ kind: 'none' });
  /** Where focus was when a form or dialog opened: it goes back there when it closes. */
  const opener = useRef<HTMLElement | null>(null);
  const addValueButton = useRef<HTMLButtonElement>(null);
  const connectButton = useRef<HTMLButtonElement>(null);
  const openEditor = useCallback((next: Editor, from?: HTMLElement | null) => {
    opener.current = from ?? (document.activeElement instanceof HTMLElement ? document.activeElement : null);
    setEditorState(next);
  }, []);
  const closeEditor = useCallback(() => {
    setEditorState({ kind: 'none' });
    const back = opener.current;
    opener.current = null;
    // After React removed the form: back to the opener, or to "Add a value…" if it is gone.
    requestAnimationFrame(() => (back?.isConnected ? back : addValueButton.current)?.focus());
  }, []);
  // Choosing another source or query closes any form without moving focus.
  const setEditor = (next: Editor) => { opener.current = null; setEditorState(next); };
  const [connecting, setConnecting] = useState(false);
  const chosen = b.source.status === 'idle' ? undefined : b.source.table;
  const chosenWarehouse = b.warehouses.find((w) => warehouseChoice(w.id) === chosen);
  const onWarehouse = chosenWarehouse !== undefined;
  const chosenWeb = b.webSources.find((w) => webChoice(w.id) === chosen);
  const sourceText = chosenWarehouse?.label ?? chosenWeb?.label ?? chosen ?? '';
  const fields = b.source.status === 'ready' ? b.source.fields : [];
  const sourceFields = fields.map((f) => f.name);
  const { draft, setDraft } = b;
  const derivedNames = [...draft.rows, ...draft.columns].filter((a) => a.part).map((a) => partName(a, sourceFields));
  const formulaFields = [...sourceFields, ...derivedNames];
  const inUse = useMemo(() => fieldsInUse(draft), [draft]);
  const sheets = useMemo(() => [...new Set((b.tables ?? []).map((t) => t.sheet))], [b.tables]);

  const addAxis = (area: Area, axis: AxisField) => {
    const same = (a: AxisField) => a.field === axis.field && a.part === axis.part;
    setDraft({ ...draft, rows: draft.rows.filter((a) => !same(a)), columns: draft.columns.filter((a) => !same(a)), [area]: [...draft[area].filter((a) => !same(a)), axis] });
  };
  const running = b.run.kind === 'running';
  const outcome = b.run.kind === 'done' ? b.run.outcome : undefined;

  return (
    <section className={styles.root} aria-labelledby="pivotdeck-query-heading">
      <h2 id="pivotdeck-query-heading" className={styles.heading}>{b.editingId ? `Edit “${b.label}”` : 'Build a query'}</h2>
      {b.docMessage && <MessageBar intent="warning"><MessageBarBody>{b.docMessage}</MessageBarBody></MessageBar>}
      {b.loadError && <MessageBar intent="error"><MessageBarBody>{b.loadError}</MessageBarBody></MessageBar>}

      <div className={styles.step}>
        <Field label="1. Source table" hint={b.source.status === 'ready' ? `${b.source.totalRows.toLocaleString('en-US')} rows, ${fields.length} fields${onWarehouse ? '; queries run on the warehouse and only the summary comes back' : ''}` : undefined}>
          <Dropdown
            placeholder={b.tables === undefined ? 'Loading…' : b.tables.length === 0 && b.warehouses.length === 0 && b.webSources.length === 0 ? 'No tables in this workbook' : 'Choose a table'}
            value={sourceText}
            selectedOptions={b.source.status === 'idle' ? [] : [b.source.table]}
            onOptionSelect={(_, d) => { setEditor({ kind: 'none' }); void b.chooseTable(d.optionValue); }}
            // Sources and tables added in other sections since this one opened appear on opening the list.
            onOpenChange={(_, d) => { if (d.open) void b.reload(); }}
          >
            {(b.tables ?? []).map((t) => (
              <Option key={t.name} value={t.name} text={t.name}>{`${t.name} (${t.rowCount.toLocaleString('en-US')} rows, sheet ${t.sheet})`}</Option>
            ))}
            {b.webSources.map((w) => (
              <Option key={w.id} value={webChoice(w.id)} text={w.label}>{`${w.label} (from the web, not in the sheet)`}</Option>
            ))}
            {b.warehouses.map((w) => (
              <Option key={w.id} value={warehouseChoice(w.id)} text={w.label}>{`${w.label} (warehouse)`}</Option>
            ))}
          </Dropdown>
        </Field>
        {!connecting && <Button ref={connectButton} size="small" appearance="subtle" className={styles.connect} onClick={() => setConnecting(true)}>Connect to a warehouse…</Button>}
        {connecting && (
          <WarehouseConnectForm
            host={host}
            onClose={() => setConnecting(false)}
            returnFocusTo={() => connectButton.current}
            onSaved={(id) => { setConnecting(false); setEditor({ kind: 'none' }); void b.reload().then(() => b.chooseTable(warehouseChoice(id))); }}
          />
        )}
        {b.source.status === 'loading' && <Spinner size="tiny" label={`Reading ${sourceText}…`} labelPosition="after" />}
        {b.source.status === 'error' && <MessageBar intent="error"><MessageBarBody>{b.source.message}</MessageBarBody></MessageBar>}
      </div>

      {b.source.status === 'ready' && (
        <>
          <div className={styles.step}>
            <h3 className={styles.subheading}>2. Fields</h3>
            <p className={styles.note}>Check a field to add it (numbers go to Values as Sum, others to Rows), or use “Add” to choose the area; dates can be grouped by year, quarter or month. Drag fields between the areas below; choose a value to change how it is summarized, shown and formatted.</p>
            <FieldList
              fields={fields}
              inUse={inUse}
              onCheck={(f, checked) => setDraft(checked ? checkField(draft, f, fields) : uncheckField(draft, f.name))}
              onAddAxis={addAxis}
              onAddValue={(field, from) => openEditor({ kind: 'value', field }, from)}
              onAddFilter={(field, from) => openEditor({ kind: 'filter', field }, from)}
            />
            <div className={styles.row}>
              <Button ref={addValueButton} size="small" onClick={(e) => openEditor({ kind: 'value' }, e.currentTarget)}>Add a value…</Button>
              <Button size="small" onClick={(e) => openEditor({ kind: 'filter' }, e.currentTarget)}>Add a filter…</Button>
            </div>
            {editor.kind === 'value' && (
              <MeasureForm
                key={editor.field ?? ''}
                fields={fields}
                formulaFields={formulaFields}
                initialField={editor.field}
                takenIds={draft.measures.map((m) => m.id)}
                onAdd={(m) => { setDraft({ ...draft, measures: [...draft.measures, m] }); closeEditor(); }}
                onCancel={closeEditor}
              />
            )}
            {editor.kind === 'filter' && (
              <FilterForm
                key={`${editor.field ?? ''}:${editor.index ?? ''}`}
                fields={fields}
                initialField={editor.field}
                initial={editor.index === undefined ? undefined : draft.filters[editor.index]}
                onAdd={(f) => {
                  const { index } = editor;
                  setDraft({ ...draft, filters: index === undefined ? [...draft.filters, f] : draft.filters.map((x, i) => (i === index ? f : x)) });
                  closeEditor();
                }}
                onCancel={closeEditor}
              />
            )}
            <AreaBoxes
              draft={draft}
              fields={fields}
              onChange={setDraft}
              onOpenValue={(index, from) => openEditor({ kind: 'settings', index }, from)}
              onOpenFilter={(index, from) => openEditor({ kind: 'filter', index }, from)}
            />
            {editor.kind === 'settings' && draft.measures[editor.index] && (
              <ValueFieldSettings
                measure={draft.measures[editor.index]}
                fields={fields}
                formulaFields={formulaFields}
                takenIds={draft.measures.filter((_, i) => i !== editor.index).map((m) => m.id)}
                onSave={(m) => { setDraft({ ...draft, measures: draft.measures.map((x, i) => (i === editor.index ? m : x)) }); closeEditor(); }}
                onClose={closeEditor}
              />
            )}
            <div className={styles.row}>
              <Checkbox label="Subtotals" checked={draft.subtotals} onChange={(_, d) => setDraft({ ...draft, subtotals: Boolean(d.checked) })} />
              <Checkbox label="Grand totals" checked={draft.grandTotals} onChange={(_, d) => setDraft({ ...draft, grandTotals: Boolean(d.checked) })} />
            </div>
          </div>

          <div className={styles.step}>
            <h3 className={styles.subheading}>3. Preview</h3>
            {!b.spec && <p className={styles.note}>Add at least one value to see the result.</p>}
            <QueryPreview state={preview} />
          </div>

          <div className={styles.step}>
            <h3 className={styles.subheading}>{b.editingId ? '4. Save' : '4. Insert into Excel'}</h3>
            <Field label="Query name">
              <Input value={b.label} onChange={(_, d) => b.setLabel(d.value)} placeholder="e.g. Revenue by region and year" />
            </Field>
            <Field label="Write it as">
              <RadioGroup layout="horizontal" value={b.layout} onChange={(_, d) => b.setLayout(d.value as 'grid' | 'table')}>
                <Radio value="grid" label="Pivot-style grid" />
                <Radio value="table" label="Table (one row per group)" />
              </RadioGroup>
            </Field>
            <Field label={b.editingId ? 'Place' : 'Put it'}>
              <RadioGroup layout="horizontal" value={b.placement.kind} onChange={(_, d) => b.setPlacement({ ...b.placement, kind: d.value as 'newSheet' | 'at' })}>
                <Radio value="newSheet" label={b.editingId ? 'Where it is now' : 'On a new sheet'} />
                <Radio value="at" label="At a cell" />
              </RadioGroup>
            </Field>
            {b.placement.kind === 'at' && (
              <div className={styles.row}>
                <Field label="Sheet" className={styles.grow}>
                  <Select value={b.placement.sheet} onChange={(_, d) => b.setPlacement({ ...b.placement, sheet: d.value })}>
                    <option value="">Choose…</option>
                    {sheets.map((s) => <option key={s} value={s}>{s}</option>)}
                  </Select>
                </Field>
                <Field label="Top-left cell" className={styles.cell}>
                  <Input value={b.placement.cell} onChange={(_, d) => b.setPlacement({ ...b.placement, cell: d.value })} />
                </Field>
              </div>
            )}
            <div className={styles.row}>
              <Button
                appearance="primary"
                disabled={!b.spec || running || b.readOnly || (b.placement.kind === 'at' && !b.placement.sheet)}
                onClick={() => void b.commit()}
              >
                {b.editingId ? 'Save and update Excel' : 'Insert into Excel'}
              </Button>
              {b.editingId && <Button onClick={b.startNew}>New query</Button>}
            </div>
            {running && b.activity?.where === 'builder' && <QueryActivity what={b.activity.what} progress={b.activity.progress} onCancel={b.cancel} />}
            {outcome?.status === 'written' && (
              <MessageBar intent="success" layout="multiline" className={styles.message}><MessageBarBody className={styles.message}>{`Written: ${outcome.summary}.`}</MessageBarBody></MessageBar>
            )}
            {outcome && (outcome.status === 'failed' || outcome.status === 'cancelled') && (
              <MessageBar intent="error" layout="multiline" className={styles.message}>
                <MessageBarBody><MessageBarTitle>Nothing was written</MessageBarTitle>{outcome.message}</MessageBarBody>
              </MessageBar>
            )}
          </div>
        </>
      )}

      <hr className={styles.divider} />
      <div className={styles.step}>
        <div className={styles.row}>
          <h3 className={styles.subheading}>Saved queries</h3>
          {b.saved.length > 1 && <Button size="small" disabled={b.busyIds.has('*') || b.readOnly} onClick={() => void b.refreshAll()}>Refresh all</Button>}
        </div>
        {b.activity?.where === 'list' && <QueryActivity what={b.activity.what} progress={b.activity.progress} onCancel={b.cancel} />}
        {b.listStatus && <MessageBar intent={b.listStatus.intent} layout="multiline"><MessageBarBody>{b.listStatus.text}</MessageBarBody></MessageBar>}
        <SavedQueryList
          queries={b.saved}
          editingId={b.editingId}
          busyIds={b.busyIds}
          readOnly={b.readOnly}
          onRefresh={(id) => void b.refresh(id)}
          onEdit={(q) => { setEditor({ kind: 'none' }); void b.edit(q); }}
          onDuplicate={(id) => void b.duplicate(id)}
          onRename={(id, label) => void b.rename(id, label)}
          onDelete={(id) => void b.remove(id)}
          onHistory={(id, history) => void b.setHistory(id, history)}
        />
      </div>
      <ColumnRemovalDialog question={b.removal.question} onAnswer={b.removal.answer} />
    </section>
  );
}
