/**
 * A refresh that would remove a column the user's work uses (issue 14 part 3). The user builds,
 * on a landed web table and on a query table, what they would — `=SUM(Orders[Units])`, an A1
 * formula into the column, a calculated column using it, a native PivotTable with the column as
 * a value field — and then:
 *
 * - the pane's refresh asks first, naming every formula (sheet!cell and formula) and the
 *   PivotTable (by name and sheet); "keep the table" (Cancel) leaves every cell, formula, table,
 *   name and PivotTable exactly as it was, and the document records nothing;
 * - "remove and refresh" goes ahead (the formulas then show #REF!, as Excel makes them);
 * - the ribbon's Refresh all cannot ask: that source is not refreshed, nothing changes, and the
 *   source's message says to refresh it from the pane; other sources still refresh;
 * - a column nothing uses is removed without a question.
 *
 * The data is served by a real HTTP server on 127.0.0.1; expected names are written by hand.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshEverything } from '../../src/commands/refresh-everything';
import { memoryCredentialStore } from '../../src/connectors';
import type { QuerySpec } from '../../src/engine';
import type { ColumnRemovalCheck } from '../../src/excel/land';
import { loadWorkbookDocument, saveWorkbookDocument } from '../../src/excel/workbook-document';
import { emptyDocument, type PivotDeckDocument } from '../../src/model';
import { DocumentService, memoryDocumentStorage } from '../../src/refresh/document';
import { insertQuery, updateQuery } from '../../src/refresh/queries';
import { createServices } from '../../src/refresh/services';
import { SourceCoordinator, type SourceDeps } from '../../src/refresh/sources';
import { createSimulator, modelFromRows, type Simulator } from '../../src/simulator';
import { startTestServer, type TestServer } from '../support/http-server';
import { read } from './survival-helpers';

let server: TestServer;
beforeAll(async () => { server = await startTestServer(); });
afterAll(async () => { await server.close(); });

// Awkward on purpose: non-ASCII, -0, a formula-looking text, a one-row group.
const WITH_UNITS = 'Region,Amount,Units\nNord,5,1\nSüd,-0,2\nNord,5,3\n=1+1,12.5,4\n';
const WITHOUT_UNITS = 'Region,Amount\nNord,7\nOst,1.5\n';

const policy = { allowHttpLocalhost: true, timeoutMs: 10_000 };
const deps = (sim: Simulator): SourceDeps => ({ run: sim.run, fetch: globalThis.fetch, credentials: memoryCredentialStore(), policy });
const source = (id: string, file: string, table: string): PivotDeckDocument['sources'][number] =>
  ({ id, label: table, kind: 'csv', url: server.url(`/mutable/${file}`), landing: { tableName: table, sheet: table } });

/** The whole workbook, minus PivotDeck's own saved document (it records refreshes). */
function workbookState(sim: Simulator): string {
  const model = sim.toModel();
  return JSON.stringify({ ...model, settings: undefined });
}

/** What the user built on the landed table "Orders": formulas, a calculated column, a PivotTable. */
async function buildOnOrders(sim: Simulator): Promise<void> {
  await sim.run(async (ctx) => {
    const wb = ctx.workbook;
    const orders = wb.tables.getItem('Orders');
    orders.columns.add(null, undefined, 'Value');
    orders.columns.getItem('Value').getDataBodyRange().formulas = [['=[@Amount]*[@Units]']];
    const report = wb.worksheets.add('Report');
    report.getRange('A1:A4').formulas = [['=SUM(Orders[Units])'], ['=Orders!C3'], ['=SUM(Orders[Amount])'], ['=COUNTIFS(Orders[Region],"Nord")']];
    const pivot = report.pivotTables.add('UnitsByRegion', orders, 'Report!D3');
    pivot.rowHierarchies.add(pivot.hierarchies.getItem('Region'));
    pivot.dataHierarchies.add(pivot.hierarchies.getItem('Units'));
    // A PivotTable on the table that does not use Units: it is not named.
    const other = report.pivotTables.add('AmountByRegion', orders, 'Report!H3');
    other.rowHierarchies.add(other.hierarchies.getItem('Region'));
    other.dataHierarchies.add(other.hierarchies.getItem('Amount'));
    await ctx.sync();
  });
}

const EXPECTED_USES = [
  { where: 'Orders!D2', formula: '=[@Amount]*[@Units]', column: 'Units' },
  { where: 'Orders!D3', formula: '=[@Amount]*[@Units]', column: 'Units' },
  { where: 'Orders!D4', formula: '=[@Amount]*[@Units]', column: 'Units' },
  { where: 'Orders!D5', formula: '=[@Amount]*[@Units]', column: 'Units' },
  { where: 'Report!A1', formula: '=SUM(Orders[Units])', column: 'Units' },
  { where: 'Report!A2', formula: '=Orders!C3', column: 'Units' },
];

describe('a landed web table whose new data lacks a column the user uses', () => {
  async function landed() {
    const sim = createSimulator(modelFromRows('Start', [['']]));
    server.setResource('orders.csv', WITH_UNITS, 'text/csv; charset=utf-8');
    server.setResource('other.csv', 'Name,Count\nA,1\n', 'text/csv');
    const documents = new DocumentService(memoryDocumentStorage({ ...emptyDocument(), sources: [source('orders', 'orders.csv', 'Orders'), source('other', 'other.csv', 'Other')] }));
    const coordinator = new SourceCoordinator(deps(sim), documents);
    expect((await coordinator.refresh('orders'))?.status).toBe('landed');
    expect((await coordinator.refresh('other'))?.status).toBe('landed');
    await buildOnOrders(sim);
    server.setResource('orders.csv', WITHOUT_UNITS, 'text/csv; charset=utf-8');
    return { sim, documents, coordinator };
  }

  it('the pane asks, naming each formula and the PivotTable; Cancel leaves every cell and formula as it was', async () => {
    const { sim, documents, coordinator } = await landed();
    const before = workbookState(sim);
    const docBefore = JSON.stringify(await documents.read());
    const formulasBefore = await read(sim, 'Report', 'A1:A4', 'formulas');
    const valuesBefore = await read(sim, 'Report', 'A1:A4');
    const asked: ColumnRemovalCheck[] = [];
    const outcome = await coordinator.refresh('orders', { confirmColumnRemoval: (check) => { asked.push(check); return false; } });

    expect(asked).toHaveLength(1);
    expect(asked[0]).toEqual({
      table: 'Orders', columns: ['Units'], complete: true, uses: EXPECTED_USES,
      pivots: [{ pivot: 'UnitsByRegion', sheet: 'Report', columns: ['Units'], onTable: true }],
    });
    expect(outcome).toEqual({ status: 'cancelled', message: expect.stringMatching(/^Nothing was changed\. The new data no longer has "Units"; refreshing would remove that column from the table "Orders" and break 6 formulas \(Orders!D2, Orders!D3, Orders!D4, …\) and the PivotTable UnitsByRegion on Report\.$/) });
    expect(workbookState(sim)).toBe(before);
    expect(await read(sim, 'Report', 'A1:A4', 'formulas')).toEqual(formulasBefore);
    // By hand: Units 1+2+3+4 = 10; Orders!C3 is the second row's Units, 2; Amount 5-0+5+12.5 = 22.5; two Nord.
    expect(valuesBefore).toEqual([[10], [2], [22.5], [2]]);
    expect(await read(sim, 'Report', 'A1:A4')).toEqual(valuesBefore);
    expect(JSON.stringify(await documents.read())).toBe(docBefore);
  });

  it('"Remove and refresh" goes ahead: the formulas on the column show #REF!, the others follow the new data', async () => {
    const { sim, coordinator } = await landed();
    const outcome = await coordinator.refresh('orders', { confirmColumnRemoval: () => true });
    expect(outcome?.status).toBe('landed');
    // 7 + 1.5 = 8.5; one Nord.
    expect(await read(sim, 'Report', 'A1:A4')).toEqual([['#REF!'], ['#REF!'], [8.5], [1]]);
  });

  it('the ribbon cannot ask: that source is skipped with words to refresh it from the pane; nothing changes; other sources refresh', async () => {
    const { sim, documents } = await landed();
    await saveWorkbookDocument(sim.run, { readOnly: false }, await documents.read());
    server.setResource('other.csv', 'Name,Count\nA,1\nB,2\n', 'text/csv');
    const before = JSON.stringify(sim.toModel().sheets.find((s) => s.name === 'Report'));
    const ordersBefore = JSON.stringify(sim.toModel().tables.find((t) => t.name === 'Orders'));
    const services = createServices({ run: sim.run, canReadDataSource: true, fetch: globalThis.fetch, credentials: memoryCredentialStore(), allowHttpLocalhost: true, policy: { timeoutMs: 10_000 }, trustedOrigins: [server.origin] });
    const report = await refreshEverything(services);
    expect(report.find((s) => s.step === 'sources')).toEqual({ step: 'sources', count: 2, failed: 1 });
    expect(JSON.stringify(sim.toModel().sheets.find((s) => s.name === 'Report'))).toBe(before);
    expect(JSON.stringify(sim.toModel().tables.find((t) => t.name === 'Orders'))).toBe(ordersBefore);
    expect(await read(sim, 'Other', 'A3:B3')).toEqual([['B', 2]]);
    const saved = (await loadWorkbookDocument(sim.run)).document.sources.find((s) => s.id === 'orders')!;
    expect(saved.lastRefresh).toMatchObject({ ok: false });
    expect(saved.lastError).toEqual({ kind: 'columnsInUse' });
    expect(saved.lastRefresh!.message).toBe(
      'Not refreshed, so nothing breaks: the new data no longer has the column "Units" of the table "Orders", and 6 formulas (Orders!D2, Orders!D3, Orders!D4, …) and the PivotTable UnitsByRegion on Report use it. Refresh it from the PivotDeck pane (Data from the web → Refresh) to see what would break and choose whether to remove the column. The table is unchanged.',
    );
  });

  it('a column nothing uses is removed without a question', async () => {
    const sim = createSimulator(modelFromRows('Start', [['']]));
    server.setResource('plain.csv', WITH_UNITS, 'text/csv; charset=utf-8');
    const documents = new DocumentService(memoryDocumentStorage({ ...emptyDocument(), sources: [source('plain', 'plain.csv', 'Plain')] }));
    const coordinator = new SourceCoordinator(deps(sim), documents);
    await coordinator.refresh('plain');
    await sim.run(async (ctx) => { ctx.workbook.worksheets.getItem('Start').getRange('A1').formulas = [['=SUM(Plain[Amount])']]; await ctx.sync(); });
    server.setResource('plain.csv', WITHOUT_UNITS, 'text/csv; charset=utf-8');
    let asked = false;
    const outcome = await coordinator.refresh('plain', { confirmColumnRemoval: () => { asked = true; return false; } });
    expect(asked).toBe(false);
    expect(outcome?.status).toBe('landed');
    expect(await read(sim, 'Plain', 'A1:B1')).toEqual([['Region', 'Amount']]);
    expect(await read(sim, 'Start', 'A1')).toEqual([[8.5]]);
  });
});

describe('a query table whose edited query drops a column the user uses', () => {
  const SPEC: QuerySpec = {
    version: 1, source: { kind: 'table', name: 'Orders' }, rows: ['Region'], columns: [],
    measures: [{ id: 'amt', label: 'Amount', kind: 'sum', field: 'Amount' }, { id: 'u', label: 'Units', kind: 'sum', field: 'Units' }],
  };

  async function prepared() {
    const sim = createSimulator(modelFromRows('Start', [['']]));
    server.setResource('qorders.csv', WITH_UNITS, 'text/csv; charset=utf-8');
    const documents = new DocumentService(memoryDocumentStorage({ ...emptyDocument(), sources: [source('orders', 'qorders.csv', 'Orders')] }));
    await new SourceCoordinator(deps(sim), documents).refresh('orders');
    const inserted = await insertQuery({ run: sim.run }, await documents.read(), { label: 'By region', spec: SPEC, layout: 'table', target: { kind: 'at', sheet: 'Q', cell: 'B2' } });
    expect(inserted.outcome.status).toBe('written');
    const table = `PivotDeck_${inserted.id}`;
    await sim.run(async (ctx) => {
      const mine = ctx.workbook.worksheets.add('Mine');
      mine.getRange('A1:A2').formulas = [[`=SUM(${table}[Units])`], [`=SUM(${table}[Amount])`]];
      const pivot = mine.pivotTables.add('QueryPivot', ctx.workbook.tables.getItem(table), 'Mine!D3');
      pivot.rowHierarchies.add(pivot.hierarchies.getItem('Region'));
      pivot.dataHierarchies.add(pivot.hierarchies.getItem('Units'));
      await ctx.sync();
    });
    return { sim, doc: inserted.document, id: inserted.id, table };
  }
  const withoutUnits: QuerySpec = { ...SPEC, measures: [SPEC.measures[0]!] };

  it('saving the edit asks with the formula and the PivotTable; Cancel leaves everything as it was', async () => {
    const { sim, doc, id, table } = await prepared();
    const before = workbookState(sim);
    const asked: ColumnRemovalCheck[] = [];
    const r = await updateQuery({ run: sim.run }, doc, id, { spec: withoutUnits }, { confirmColumnRemoval: (check) => { asked.push(check); return false; } });
    expect(asked).toEqual([{
      table, columns: ['Units'], complete: true,
      uses: [{ where: 'Mine!A1', formula: `=SUM(${table}[Units])`, column: 'Units' }],
      pivots: [{ pivot: 'QueryPivot', sheet: 'Mine', columns: ['Units'], onTable: true }],
    }]);
    expect(r.outcome).toEqual({ status: 'cancelled', message: expect.stringMatching(/^Nothing was changed\. .*break 1 formula \(Mine!A1\) and the PivotTable QueryPivot on Mine\.$/) });
    expect(r.document).toBe(doc);
    expect(workbookState(sim)).toBe(before);
    // By hand: Units 1+2+3+4 = 10; Amount 22.5.
    expect(await read(sim, 'Mine', 'A1:A2')).toEqual([[10], [22.5]]);
  });

  it('without anyone to ask, nothing is written and the words say to refresh from the pane', async () => {
    const { sim, doc, id } = await prepared();
    const before = workbookState(sim);
    const r = await updateQuery({ run: sim.run }, doc, id, { spec: withoutUnits });
    expect(r.outcome).toMatchObject({ status: 'failed', code: 'columns-in-use', message: expect.stringMatching(/Refresh the query from the PivotDeck pane/) });
    expect(workbookState(sim)).toBe(before);
  });
});
