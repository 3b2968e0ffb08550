/**
 * Saved queries against the Excel simulator: insert, refresh after the source changes, failures
 * that keep the previous output, refresh-all reading each source once, edit, rename, duplicate,
 * delete, and save/reopen through the workbook document. Expected cells are hand-computed from
 * the six rows below.
 */
import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../src/excel/api';
import type { QuerySpec } from '../../src/engine';
import { loadWorkbookDocument, saveWorkbookDocument } from '../../src/excel/workbook-document';
import { emptyDocument, type PivotDeckDocument } from '../../src/model';
import {
  deleteQuery, duplicateQuery, insertQuery, refreshAllQueries, refreshQuery, renameQuery, savedQueries, updateQuery, type QueryDeps,
} from '../../src/refresh/queries';
import { createSimulator, type Simulator } from '../../src/simulator';
import type { WorkbookModel } from '../../src/simulator/model';
import { cellsAt, sheet, table, workbook } from '../excel/workbooks';

// Serials: 44941 = 2023-01-15, 44960 = 2023-02-03, 44970 = 2023-02-13, 45300 = 2024-01-09, 45310 = 2024-01-19, 45320 = 2024-01-29.
const SALES: CellValue[][] = [
  ['Date', 'Region', 'Customer', 'Revenue'],
  [44941, 'North', 'A', 100],
  [44960, 'North', 'B', 300],
  [45300, 'North', 'A', 200],
  [44970, 'South', 'C', 50],
  [45310, 'South', 'C', 150],
  [45320, 'South', 'D', 250],
];
const TARGETS: CellValue[][] = [['Region', 'Target'], ['North', 500], ['South', 500]];

function book(): WorkbookModel {
  return workbook({
    sheets: [sheet('Data', cellsAt(SALES), cellsAt(TARGETS, 0, 6))],
    tables: [table('Sales', 'Data', 'A1:D7'), table('Targets', 'Data', 'G1:H3')],
  });
}

const SPEC: QuerySpec = {
  version: 1,
  source: { kind: 'table', name: 'Sales' },
  derived: [{ kind: 'datePart', name: 'Year', field: 'Date', part: 'year' }],
  rows: ['Region'],
  columns: ['Year'],
  measures: [{ id: 'rev', label: 'Revenue', kind: 'sum', field: 'Revenue' }],
};

const GRID: CellValue[][] = [
  ['Year', 2023, 2024, 'Grand Total'],
  ['Region', 'Revenue', 'Revenue', 'Revenue'],
  ['North', 400, 200, 600],
  ['South', 50, 400, 450],
  ['Grand Total', 450, 600, 1050],
];

function values(sim: Simulator, sheetName: string, rows: number, columns: number, row = 0, column = 0): CellValue[][] {
  const s = sim.toModel().sheets.find((x) => x.name === sheetName)!;
  return Array.from({ length: rows }, (_, r) => Array.from({ length: columns }, (_, c) => s.cells[`${row + r},${column + c}`]?.value ?? ''));
}

async function setCell(sim: Simulator, address: string, value: CellValue) {
  await sim.run(async (ctx) => { ctx.workbook.worksheets.getItem('Data').getRange(address).values = [[value]]; });
}

const NOW = new Date('2025-03-01T10:00:00Z');
const depsFor = (sim: Simulator): QueryDeps => ({ run: sim.run, now: () => NOW });

async function inserted(sim: Simulator, spec: QuerySpec = SPEC, layout: 'grid' | 'table' = 'grid', doc: PivotDeckDocument = emptyDocument()) {
  const r = await insertQuery(depsFor(sim), doc, { label: 'Revenue by region', spec, layout, target: { kind: 'newSheet', sheet: 'Revenue by region' } });
  expect(r.outcome.status).toBe('written');
  return r;
}

describe('insertQuery', () => {
  it('reads the table, writes the grid on a new sheet and records the query (4 syncs)', async () => {
    const sim = createSimulator(book());
    const { document, id, outcome } = await inserted(sim);
    // locate the table 1 + read its 7 rows 1 + look 1 + write 1
    expect(sim.stats().syncs).toBe(4);
    expect(values(sim, 'Revenue by region', 5, 4)).toEqual(GRID);
    expect(document.queries).toHaveLength(1);
    const def = document.queries[0];
    expect(def).toMatchObject({
      id, label: 'Revenue by region', spec: SPEC,
      output: { name: `PivotDeck_${id}`, sheet: 'Revenue by region', address: "'Revenue by region'!A1:D5" },
      lastRefresh: { at: NOW.toISOString(), ok: true },
    });
    expect(outcome.status === 'written' && outcome.summary).toBe("6 of 6 source rows → 'Revenue by region'!A1:D5");
  });

  it('fails with a message naming the field, writes nothing, keeps the document', async () => {
    const sim = createSimulator(book());
    const bad: QuerySpec = { ...SPEC, rows: ['Regoin'] };
    const doc = emptyDocument();
    const r = await insertQuery(depsFor(sim), doc, { label: 'Bad', spec: bad, layout: 'grid', target: { kind: 'newSheet', sheet: 'Bad' } });
    expect(r.outcome).toMatchObject({ status: 'failed', code: 'field' });
    expect(r.outcome.status === 'failed' && r.outcome.message).toContain('[Region]');
    expect(r.document).toBe(doc);
    expect(sim.toModel().sheets.map((s) => s.name)).toEqual(['Data']);
  });
});

describe('refreshQuery', () => {
  it('updates the output after a source cell changes (6 syncs) and stamps lastRefresh', async () => {
    const sim = createSimulator(book());
    const { document, id } = await inserted(sim);
    await setCell(sim, 'D2', 1100); // North, 2023: 100 → 1100
    sim.resetStats();
    const later = new Date('2025-03-02T08:00:00Z');
    const r = await refreshQuery({ run: sim.run, now: () => later }, document, id);
    expect(r.outcome.status).toBe('written');
    // find the output 1 + locate 1 + read 1 + look 1 + check 1 + write 1
    expect(sim.stats().syncs).toBe(6);
    expect(values(sim, 'Revenue by region', 3, 4, 2)).toEqual([
      ['North', 1400, 200, 1600],
      ['South', 50, 400, 450],
      ['Grand Total', 1450, 600, 2050],
    ]);
    expect(r.document.queries[0].lastRefresh).toMatchObject({ at: later.toISOString(), ok: true });
  });

  it('keeps the previous output and records ok:false when the source is gone', async () => {
    const sim = createSimulator(book());
    const { document, id } = await inserted(sim);
    await sim.run(async (ctx) => { ctx.workbook.tables.getItem('Sales').name = 'Sales2024'; });
    const r = await refreshQuery(depsFor(sim), document, id);
    expect(r.outcome.status).toBe('failed');
    const last = r.document.queries[0].lastRefresh!;
    expect(last.ok).toBe(false);
    expect(last.message).toContain('"Sales"');
    expect(values(sim, 'Revenue by region', 5, 4)).toEqual(GRID);
    expect(r.document.queries[0].output).toEqual(document.queries[0].output);
  });

  it('keeps the previous output when the new result would overwrite user cells', async () => {
    const sim = createSimulator(book());
    const { document, id } = await inserted(sim);
    await sim.run(async (ctx) => { ctx.workbook.worksheets.getItem('Revenue by region').getRange('A7').values = [['note']]; });
    await setCell(sim, 'B6', 'East'); // two more regions: the grid grows to A1:D7
    await setCell(sim, 'B7', 'West');
    const r = await refreshQuery(depsFor(sim), document, id);
    expect(r.outcome).toMatchObject({ status: 'failed', code: 'foreign-content' });
    expect(r.document.queries[0].lastRefresh?.message).toContain('A7');
    expect(values(sim, 'Revenue by region', 5, 4)).toEqual(GRID);
  });

  it('records a stored spec that no longer validates, without touching the output', async () => {
    const sim = createSimulator(book());
    const { document, id } = await inserted(sim);
    const broken: PivotDeckDocument = { ...document, queries: [{ ...document.queries[0], spec: { ...SPEC, measures: [] } }] };
    const r = await refreshQuery(depsFor(sim), broken, id);
    expect(r.outcome).toMatchObject({ status: 'failed', code: 'spec' });
    expect(r.document.queries[0].lastRefresh?.message).toContain('add at least one measure');
    expect(values(sim, 'Revenue by region', 5, 4)).toEqual(GRID);
    expect(savedQueries(broken)[0].problem).toContain('add at least one measure');
  });

  it('keeps a flat table a table', async () => {
    const sim = createSimulator(book());
    const flat: QuerySpec = { ...SPEC, columns: [] };
    const { document, id } = await inserted(sim, flat, 'table');
    await setCell(sim, 'D2', 1100);
    const r = await refreshQuery(depsFor(sim), document, id);
    expect(r.outcome.status).toBe('written');
    expect(values(sim, 'Revenue by region', 3, 2)).toEqual([['Region', 'Revenue'], ['North', 1600], ['South', 450]]);
    expect(sim.toModel().tables.map((t) => t.name)).toEqual(['Sales', 'Targets', `PivotDeck_${id}`]);
  });
});

describe('refreshAllQueries', () => {
  it('reads a source once for all the queries that use it; a failing query does not stop the rest', async () => {
    const sim = createSimulator(book());
    let doc = (await inserted(sim)).document;
    const second = await insertQuery(depsFor(sim), doc, {
      label: 'Customers', layout: 'grid', target: { kind: 'newSheet', sheet: 'Customers' },
      spec: { ...SPEC, columns: [], measures: [{ id: 'dc', label: 'Customers', kind: 'distinctCount', field: 'Customer' }] },
    });
    doc = second.document;
    const third = await insertQuery(depsFor(sim), doc, {
      label: 'Targets', layout: 'grid', target: { kind: 'newSheet', sheet: 'Targets' },
      spec: { version: 1, source: { kind: 'table', name: 'Targets' }, rows: ['Region'], measures: [{ id: 't', kind: 'sum', field: 'Target' }] },
    });
    doc = third.document;
    await setCell(sim, 'C3', 'A'); // North's customers become A, A, A
    await sim.run(async (ctx) => { ctx.workbook.tables.getItem('Targets').delete(); });
    sim.resetStats();
    const { document, outcomes } = await refreshAllQueries(depsFor(sim), doc);
    expect([...outcomes.values()].map((o) => o.status)).toEqual(['written', 'written', 'failed']);
    // Sales is located and read once (2 syncs); each query finds its output (1 each);
    // the two written ones look, check and write (3 each); Targets fails at its locate (1).
    expect(sim.stats().syncs).toBe(2 + 3 + 3 + 3 + 1);
    expect(values(sim, 'Customers', 4, 2)).toEqual([['Region', 'Customers'], ['North', 1], ['South', 2], ['Grand Total', 3]]);
    expect(document.queries.map((q) => q.lastRefresh?.ok)).toEqual([true, true, false]);
  });
});

describe('edit, rename, duplicate, delete', () => {
  it('adds a measure in place, and a failing edit keeps the old definition', async () => {
    const sim = createSimulator(book());
    const { document, id } = await inserted(sim);
    const withMedian: QuerySpec = { ...SPEC, columns: [], measures: [...SPEC.measures, { id: 'med', label: 'Median', kind: 'median', field: 'Revenue' }] };
    const r = await updateQuery(depsFor(sim), document, id, { spec: withMedian });
    expect(r.outcome.status).toBe('written');
    // North: 100, 300, 200 → median 200; South: 50, 150, 250 → 150; all six → (150 + 200) / 2 = 175
    expect(values(sim, 'Revenue by region', 6, 4)).toEqual([
      ['Region', 'Revenue', 'Median', ''],
      ['North', 600, 200, ''],
      ['South', 450, 150, ''],
      ['Grand Total', 1050, 175, ''],
      ['', '', '', ''],
      ['', '', '', ''],
    ]);
    expect(r.document.queries[0].spec).toEqual(withMedian);
    const bad = await updateQuery(depsFor(sim), r.document, id, { spec: { ...withMedian, rows: ['Nope'] } });
    expect(bad.outcome.status).toBe('failed');
    expect(bad.document.queries[0].spec).toEqual(withMedian);
  });

  it('renames and duplicates in the document only; delete removes exactly the output', async () => {
    const sim = createSimulator(book());
    const { document, id } = await inserted(sim);
    const renamed = renameQuery(document, id, '  Revenue by region and year ');
    expect(renamed.queries[0].label).toBe('Revenue by region and year');
    const dup = duplicateQuery(renamed, id, new Date('2025-03-05T00:00:00Z'));
    expect(dup.document.queries.map((q) => q.label)).toEqual(['Revenue by region and year', 'Revenue by region and year (copy)']);
    expect(dup.document.queries[1].output).toBeUndefined();
    // The copy has no output yet: its first refresh writes a new sheet.
    const copied = await refreshQuery(depsFor(sim), dup.document, dup.id);
    // Named after the label, cut at a word to fit Excel's 31 characters (not "… (cop").
    expect(copied.outcome.status === 'written' && copied.outcome.write.area.sheet).toBe('Revenue by region and year');
    const after = await deleteQuery(sim.run, copied.document, id);
    expect(after.queries.map((q) => q.id)).toEqual([dup.id]);
    expect(values(sim, 'Revenue by region', 5, 4).flat().every((v) => v === '')).toBe(true);
    expect(sim.toModel().names.map((n) => n.name)).toEqual([`PivotDeck_${dup.id}`]);
    expect(values(sim, 'Data', 7, 4)).toEqual(SALES);
  });
});

describe('save and reopen', () => {
  it('keeps the query in the workbook; it validates on load and refreshes in the reopened file', async () => {
    const sim = createSimulator(book());
    const { document, id } = await inserted(sim);
    await saveWorkbookDocument(sim.run, { readOnly: false }, document);
    const reopened = createSimulator(JSON.parse(JSON.stringify(sim.toModel())) as WorkbookModel);
    const opened = await loadWorkbookDocument(reopened.run);
    expect(opened.status).toBe('ok');
    const saved = savedQueries(opened.document);
    expect(saved.map((q) => [q.def.label, q.problem])).toEqual([['Revenue by region', undefined]]);
    expect(saved[0].spec).toEqual(SPEC);
    await setCell(reopened, 'D5', 1050); // South 2023: 50 → 1050
    const r = await refreshQuery(depsFor(reopened), opened.document, id);
    expect(r.outcome.status).toBe('written');
    expect(values(reopened, 'Revenue by region', 1, 4, 3)).toEqual([['South', 1050, 400, 1450]]);
  });

  it('reads a range source and a lookup table', async () => {
    const sim = createSimulator(book());
    const spec: QuerySpec = {
      version: 1,
      source: { kind: 'range', sheet: 'Data', address: 'A1:D7' },
      lookups: [{ source: { kind: 'table', name: 'Targets' }, key: 'Region', lookupKey: 'Region', fields: [{ field: 'Target' }] }],
      rows: ['Region'],
      measures: [{ id: 'rev', label: 'Revenue', kind: 'sum', field: 'Revenue' }, { id: 'gap', label: 'Gap', kind: 'formula', formula: 'SUM([Revenue]) - MAX([Target])' }],
      totals: { grandTotalRow: false },
    };
    const r = await insertQuery(depsFor(sim), emptyDocument(), { label: 'Gap', spec, layout: 'table', target: { kind: 'at', sheet: 'Data', cell: 'J1' } });
    expect(r.outcome.status).toBe('written');
    expect(values(sim, 'Data', 3, 3, 0, 9)).toEqual([['Region', 'Revenue', 'Gap'], ['North', 600, 100], ['South', 450, -50]]);
  });
});
