/**
 * "Choose a source" as use-cases outside React (issue 15 part 6): the query builder's
 * resolveSourceChoice for a workbook table, a web source kept out of the sheet (a real local
 * server) and a warehouse source; the New-dashboard picker's fieldsOfChoice.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryCredentialStore } from '../../src/connectors';
import { emptyDocument, type PivotDeckDocument } from '../../src/model';
import { webPullSource } from '../../src/refresh/queries';
import { createSimulator } from '../../src/simulator';
import { fieldsOfChoice, sourceChoices } from '../../src/taskpane/dashboards/source-choices';
import { resolveSourceChoice } from '../../src/taskpane/query/source-choice';
import { startTestServer, type TestServer } from '../support/http-server';
import { cellsAt, SALES_ROWS, sheet, table, workbook } from '../excel/workbooks';

let server: TestServer;
beforeAll(async () => { server = await startTestServer(); });
afterAll(async () => { await server.close(); });

const sim = () => createSimulator(workbook({ sheets: [sheet('Data', cellsAt(SALES_ROWS))], tables: [table('Sales', 'Data', 'A1:E13')] }));

describe('resolveSourceChoice', () => {
  it('a workbook table: fields from its first rows, every row for previews', async () => {
    const s = sim();
    const r = await resolveSourceChoice({ run: s.run, read: async () => emptyDocument() }, 'Sales');
    expect(r.fields.map((f) => [f.name, f.type])).toEqual([['Region', 'text'], ['Category', 'text'], ['Channel', 'text'], ['Revenue', 'number'], ['Units', 'number']]);
    expect(r.totalRows).toBe(12);
    const data = await r.data;
    expect(data.header).toEqual(SALES_ROWS[0]);
    expect(data.rows).toEqual(SALES_ROWS.slice(1));
  });

  it('a web source kept out of the sheet: pulled, typed from its recorded columns, nothing written', async () => {
    server.setResource('choice.csv', 'Région,Jour,Montant\nNord,2024-01-02,1.5\nSud,2024-02-03,-0\n', 'text/csv');
    const s = sim();
    const doc: PivotDeckDocument = {
      ...emptyDocument(),
      sources: [{ id: 'feed', label: 'Feed', kind: 'csv', url: server.url('/mutable/choice.csv'), keepOutOfSheet: true, lastPull: { columns: [{ name: 'Région', type: 'text' }, { name: 'Jour', type: 'date' }, { name: 'Montant', type: 'number' }] } }],
    };
    const pull = webPullSource({ fetch: globalThis.fetch, credentials: memoryCredentialStore(), policy: { allowHttpLocalhost: true, timeoutMs: 10_000 } }, async () => doc);
    const before = JSON.stringify(s.toModel());
    const r = await resolveSourceChoice({ run: s.run, read: async () => doc, pull }, 'web:feed');
    expect(r.fields.map((f) => [f.name, f.type, f.numberFormat])).toEqual([['Région', 'text', 'General'], ['Jour', 'date', 'yyyy-mm-dd'], ['Montant', 'number', 'General']]);
    expect(r.totalRows).toBe(2);
    expect(JSON.stringify(s.toModel())).toBe(before);
  });

  it('a web source without a pull (no web here) says so', async () => {
    await expect(resolveSourceChoice({ run: sim().run, read: async () => emptyDocument() }, 'web:feed')).rejects.toThrow('This pane cannot read web sources.');
  });

  it('a warehouse source: its saved fields, no rows read; a missing one says to choose another', async () => {
    const doc: PivotDeckDocument = {
      ...emptyDocument(),
      sources: [{
        id: 'wh', label: 'Flights', kind: 'warehouse', url: 'https://ch.example.com:8443',
        options: { engine: 'clickhouse', database: 'default', table: 'flights', fields: [{ name: 'delay', type: 'number', serverType: 'Int32', nullable: false }] },
        lastPull: { rows: 4_000_000 },
      }],
    };
    const r = await resolveSourceChoice({ run: sim().run, read: async () => doc }, 'warehouse:wh');
    expect(r.fields).toEqual([{ name: 'delay', type: 'number', numberFormat: 'General', samples: [], note: 'Int32 on the warehouse' }]);
    expect(r.totalRows).toBe(4_000_000);
    expect((await r.data).rows).toEqual([]);
    await expect(resolveSourceChoice({ run: sim().run, read: async () => emptyDocument() }, 'warehouse:gone')).rejects.toThrow(/no longer in the workbook/);
  });
});

describe('fieldsOfChoice (New dashboard)', () => {
  it('reads a table’s fields, takes a web source’s recorded ones, and explains an unusable one', async () => {
    const s = sim();
    const doc: PivotDeckDocument = {
      ...emptyDocument(),
      sources: [
        { id: 'feed', label: 'Feed', kind: 'csv', url: 'https://example.com/f.csv', keepOutOfSheet: true, lastPull: { columns: [{ name: 'Payé', type: 'boolean' }] } },
        { id: 'new', label: 'New', kind: 'csv', url: 'https://example.com/n.csv', keepOutOfSheet: true },
      ],
    };
    const sales0 = { name: 'Sales', sheet: 'Data', address: 'Data!A1:E13', rowCount: 12, columnCount: 5, columns: SALES_ROWS[0]!.map(String), showHeaders: true, showTotals: false };
    const [sales, feed, fresh] = sourceChoices([sales0], doc);
    expect((await fieldsOfChoice(s.run, sales!)).map((f) => [f.name, f.type])).toEqual([['Region', 'text'], ['Category', 'text'], ['Channel', 'text'], ['Revenue', 'number'], ['Units', 'number']]);
    expect(await fieldsOfChoice(s.run, feed!)).toEqual([{ name: 'Payé', type: 'logical' }]);
    await expect(fieldsOfChoice(s.run, fresh!)).rejects.toThrow(/Load it once/);
  });
});
