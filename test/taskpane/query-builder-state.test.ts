/**
 * The query builder's state as a reducer (issue 15 part 6): every transition without React or a
 * browser. Each expectation is written out by hand.
 */
import { describe, expect, it } from 'vitest';
import type { FieldInfo } from '../../src/taskpane/query/field-info';
import {
  builderReducer, defaultQueryLabel, INITIAL_BUILDER, outputTarget, sourceRefreshStamp, specOf, type BuilderAction, type BuilderState,
} from '../../src/taskpane/query/builder-state';
import { EMPTY_DRAFT, type Draft } from '../../src/taskpane/query/spec-draft';
import { emptyDocument, openDocument, type PivotDeckDocument } from '../../src/model';
import type { TableInfo } from '../../src/excel/workbook-info';

const field = (name: string, type: FieldInfo['type']): FieldInfo => ({ name, type, numberFormat: 'General', samples: [] });
const FIELDS = [field('Région', 'text'), field('Montant €', 'number')];
const DRAFT: Draft = { ...EMPTY_DRAFT, rows: [{ field: 'Région' }], measures: [{ id: 'm', label: 'Montant', kind: 'sum', field: 'Montant €' }] };

const run = (...actions: BuilderAction[]): BuilderState => actions.reduce(builderReducer, INITIAL_BUILDER);

describe('query builder state', () => {
  it('choosing a source starts loading and clears the draft, the name and the sheet of the last one', () => {
    const s = run(
      { type: 'choose', table: 'Sales', keepDraft: false },
      { type: 'sourceReady', table: 'Sales', fields: FIELDS, totalRows: 12 },
      { type: 'draft', draft: DRAFT },
      { type: 'label', label: 'Mine' },
      { type: 'placement', placement: { kind: 'newSheet', sheet: 'Out', cell: 'A1' } },
      { type: 'choose', table: 'web:orders', keepDraft: false },
    );
    expect(s.source).toEqual({ status: 'loading', table: 'web:orders' });
    expect(s.draft).toBe(EMPTY_DRAFT);
    expect(s.label).toBe('');
    expect(s.placement.sheet).toBe('');
  });

  it('keeps the draft when a saved query is opened for editing', () => {
    const s = run(
      { type: 'draft', draft: DRAFT },
      { type: 'choose', table: 'Sales', keepDraft: true },
      { type: 'editing', id: 'q_1', label: 'Montant by région', draft: DRAFT, layout: 'table' },
    );
    expect(s).toMatchObject({ editingId: 'q_1', label: 'Montant by région', layout: 'table', draft: DRAFT, run: { kind: 'idle' } });
  });

  it('drops a late answer for a source that is no longer chosen', () => {
    const s = run(
      { type: 'choose', table: 'Slow', keepDraft: false },
      { type: 'choose', table: 'Fast', keepDraft: false },
      { type: 'sourceReady', table: 'Fast', fields: FIELDS, totalRows: 2 },
      { type: 'sourceFailed', table: 'Slow', message: 'gone' },
      { type: 'sourceReady', table: 'Slow', fields: [], totalRows: 0 },
    );
    expect(s.source).toEqual({ status: 'ready', table: 'Fast', fields: FIELDS, totalRows: 2 });
  });

  it('choosing nothing goes back to idle', () => {
    expect(run({ type: 'choose', table: 'Sales', keepDraft: false }, { type: 'choose', table: undefined, keepDraft: false }).source).toEqual({ status: 'idle' });
  });

  it('the spec exists only once a source is ready and the draft has a value; its source follows the choice', () => {
    expect(specOf(run({ type: 'draft', draft: DRAFT }))).toBeUndefined();
    const ready = run({ type: 'choose', table: 'web:orders', keepDraft: false }, { type: 'sourceReady', table: 'web:orders', fields: FIELDS, totalRows: 5 });
    expect(specOf(ready)).toBeUndefined();
    const spec = specOf(builderReducer(ready, { type: 'draft', draft: DRAFT }));
    expect(spec?.source).toEqual({ kind: 'source', id: 'orders' });
    expect(spec?.rows).toEqual(['Région']);
    const onWarehouse = run({ type: 'choose', table: 'warehouse:wh_1', keepDraft: false }, { type: 'sourceReady', table: 'warehouse:wh_1', fields: FIELDS, totalRows: 5 }, { type: 'draft', draft: DRAFT });
    expect(specOf(onWarehouse)?.source).toEqual({ kind: 'source', id: 'wh_1' });
    const onTable = run({ type: 'choose', table: 'Sales', keepDraft: false }, { type: 'sourceReady', table: 'Sales', fields: FIELDS, totalRows: 5 }, { type: 'draft', draft: DRAFT });
    expect(specOf(onTable)?.source).toEqual({ kind: 'table', name: 'Sales' });
  });

  it('tracks a run, an insert, and busy marks on the list', () => {
    let s = run({ type: 'runStarted', what: 'Inserting into Excel…' });
    expect(s.run).toEqual({ kind: 'running', what: 'Inserting into Excel…' });
    s = builderReducer(s, { type: 'runDone', what: 'Inserting into Excel…', outcome: { status: 'saved', message: 'Renamed.' } });
    expect(s.run).toEqual({ kind: 'done', what: 'Inserting into Excel…', outcome: { status: 'saved', message: 'Renamed.' } });
    s = builderReducer(s, { type: 'inserted', id: 'q_9', label: 'Montant by Région' });
    expect([s.editingId, s.label]).toEqual(['q_9', 'Montant by Région']);
    s = builderReducer(builderReducer(s, { type: 'busy', id: 'q_1', on: true }), { type: 'busy', id: '*', on: true });
    expect([...s.busyIds]).toEqual(['q_1', '*']);
    s = builderReducer(s, { type: 'busy', id: 'q_1', on: false });
    expect([...s.busyIds]).toEqual(['*']);
  });

  it('renaming or removing the query being edited updates the builder; other queries do not', () => {
    const editing = run({ type: 'editing', id: 'q_1', label: 'Old', draft: DRAFT, layout: 'grid' });
    expect(builderReducer(editing, { type: 'renamed', id: 'q_1', label: '  New name  ' }).label).toBe('New name');
    expect(builderReducer(editing, { type: 'renamed', id: 'q_2', label: 'Other' })).toBe(editing);
    const removed = builderReducer(editing, { type: 'removed', id: 'q_1' });
    expect([removed.editingId, removed.draft]).toEqual([undefined, EMPTY_DRAFT]);
    expect(builderReducer(editing, { type: 'removed', id: 'q_2' })).toBe(editing);
    expect(builderReducer(editing, { type: 'startNew' })).toMatchObject({ editingId: undefined, label: '', draft: EMPTY_DRAFT });
  });

  it('names a query from its values and rows, and places it as asked', () => {
    const spec = specOf(run({ type: 'choose', table: 'Sales', keepDraft: false }, { type: 'sourceReady', table: 'Sales', fields: FIELDS, totalRows: 2 }, { type: 'draft', draft: DRAFT }))!;
    expect(defaultQueryLabel(spec)).toBe('Montant by Région');
    expect(defaultQueryLabel({ ...spec, rows: [] })).toBe('Montant by total');
    expect(outputTarget({ kind: 'newSheet', sheet: '  ', cell: 'A1' }, 'Montant by Région')).toEqual({ kind: 'newSheet', sheet: 'Montant by Région' });
    expect(outputTarget({ kind: 'newSheet', sheet: ' Out ', cell: 'A1' }, 'x')).toEqual({ kind: 'newSheet', sheet: 'Out' });
    expect(outputTarget({ kind: 'at', sheet: 'Data', cell: 'H1' }, 'x')).toEqual({ kind: 'at', sheet: 'Data', cell: 'H1' });
  });
  it('holds the lists, the document as last saved and the activity, so the hook holds no other state', () => {
    const opened = openDocument(undefined);
    const tables: TableInfo[] = [{ name: 'Ventes', sheet: 'Données', address: 'Données!A1:A4', rowCount: 3, columnCount: 1, columns: ['Région'], showHeaders: true, showTotals: false }];
    let s = run({ type: 'listsLoaded', tables, opened });
    expect(s.tables).toBe(tables);
    expect(s.opened).toBe(opened);
    expect(s.doc).toBe(opened.document);
    // A save from elsewhere (the ribbon, another section) replaces the document, not the lists.
    const saved: PivotDeckDocument = { ...emptyDocument(), queries: [{ id: 'q_1', label: 'Par région', spec: {} }] };
    s = builderReducer(s, { type: 'document', doc: saved });
    expect(s.doc).toBe(saved);
    expect(s.opened).toBe(opened);
    s = builderReducer(s, { type: 'activity', activity: { where: 'list', what: 'Refreshing all queries…' } });
    expect(s.activity).toEqual({ where: 'list', what: 'Refreshing all queries…' });
    s = builderReducer(s, { type: 'activity', activity: undefined });
    expect(s.activity).toBeUndefined();
    // Choosing a source leaves the lists alone.
    expect(builderReducer(s, { type: 'choose', table: 'Ventes', keepDraft: false }).tables).toBe(tables);
  });
});

describe('previews follow a refresh of the chosen source (issue 16 part 8)', () => {
  const landed = (at: string, rows: number): PivotDeckDocument => ({
    ...emptyDocument(),
    sources: [
      { id: 'orders', label: 'Orders', kind: 'csv', url: 'https://example.com/o.csv', landing: { tableName: 'Orders', sheet: 'Orders' }, lastRefresh: { at, ok: true }, lastPull: { rows } },
      { id: 'kept', label: 'Kept', kind: 'csv', url: 'https://example.com/k.csv', keepOutOfSheet: true, lastRefresh: { at: '2026-01-01T00:00:00Z', ok: true } },
    ],
  } as PivotDeckDocument);

  it('the stamp moves when a source landed into the chosen table refreshes, not when something else changes', () => {
    const before = landed('2026-12-07T08:00:00Z', 10);
    expect(sourceRefreshStamp('Orders', landed('2026-12-07T09:00:00Z', 10))).not.toBe(sourceRefreshStamp('Orders', before));
    expect(sourceRefreshStamp('Orders', landed('2026-12-07T08:00:00Z', 11))).not.toBe(sourceRefreshStamp('Orders', before));
    // A query inserted, another table, the kept source: not Orders' refresh.
    expect(sourceRefreshStamp('Orders', { ...before, queries: [] })).toBe(sourceRefreshStamp('Orders', before));
    expect(sourceRefreshStamp('Sales', before)).toBe('[]');
    expect(sourceRefreshStamp('web:kept', before)).not.toBe('[]');
  });

  it('a re-read updates the shown source and bumps the version; a late answer for another choice is dropped', () => {
    const fields: FieldInfo[] = [{ name: 'Région', type: 'text', numberFormat: 'General', samples: [] }];
    let s = builderReducer(INITIAL_BUILDER, { type: 'choose', table: 'Orders', keepDraft: false });
    s = builderReducer(s, { type: 'sourceReady', table: 'Orders', fields: [], totalRows: 1 });
    const refreshed = builderReducer(s, { type: 'sourceRefreshed', table: 'Orders', fields, totalRows: 2 });
    expect(refreshed.sourceVersion).toBe(s.sourceVersion + 1);
    expect(refreshed.source).toEqual({ status: 'ready', table: 'Orders', fields, totalRows: 2 });
    expect(builderReducer(s, { type: 'sourceRefreshed', table: 'Sales', fields, totalRows: 2 })).toBe(s);
  });
});

describe('one current status in the query builder (issue 16 part 8)', () => {
  const failedRun: BuilderAction = { type: 'runDone', what: 'Inserting into Excel…', outcome: { status: 'failed', code: 'excel', message: 'The sheet “Ventes” is protected.' } };
  const failedRename: BuilderAction = { type: 'listStatus', status: { intent: 'error', text: 'A query named “Ça” exists already.' } };

  it('a list action replaces the builder’s last outcome (“Nothing was written”) and the list’s older message', () => {
    const s = run(failedRun, failedRename, { type: 'busy', id: 'q_2', on: true });
    expect(s.run).toEqual({ kind: 'idle' });
    expect(s.listStatus).toBeUndefined();
    expect(s.busyIds).toEqual(new Set(['q_2']));
  });

  it('an insert replaces the list’s message; the list’s answer stays until the next action', () => {
    const cancelled: BuilderAction = { type: 'listStatus', status: { intent: 'info', text: 'Cancelled.' } };
    expect(run(cancelled, { type: 'runStarted', what: 'Inserting into Excel…' }).listStatus).toBeUndefined();
    const after = run({ type: 'busy', id: 'q_1', on: true }, cancelled, { type: 'busy', id: 'q_1', on: false });
    expect(after.listStatus).toEqual({ intent: 'info', text: 'Cancelled.' });
  });

  it('an insert still running is not cancelled by a list action starting', () => {
    const s = run({ type: 'runStarted', what: 'Inserting into Excel…' }, { type: 'busy', id: 'q_1', on: true });
    expect(s.run).toEqual({ kind: 'running', what: 'Inserting into Excel…' });
  });

  it('a failed read of the lists goes once they are read', () => {
    const failed = run({ type: 'loadError', message: 'Excel is busy' });
    expect(failed.loadError).toBe('Excel is busy');
    const opened = openDocument(undefined);
    expect(builderReducer(failed, { type: 'listsLoaded', tables: [], opened }).loadError).toBeUndefined();
  });
});
