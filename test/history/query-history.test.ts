/**
 * History of a saved query (issue 17) against the real local HTTP server (a CSV kept out of the
 * sheet that changes between refreshes) and the Excel simulator: ten refreshes leave ten stamped
 * snapshots, each equal to what a plain loop computes from the CSV served for that refresh; old
 * rows are never rewritten; text stays text; a failed (HTTP 500) or cancelled refresh appends
 * nothing; a teammate's refresh appends to the same table; the history survives save and reopen.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryCredentialStore } from '../../src/connectors';
import type { QuerySpec } from '../../src/engine';
import type { CellValue } from '../../src/excel/api';
import { loadWorkbookDocument, saveWorkbookDocument } from '../../src/excel/workbook-document';
import { emptyDocument, type PivotDeckDocument } from '../../src/model';
import { insertQuery, refreshQuery, updateQuery, webPullSource, type QueryDeps, type WebPullContext } from '../../src/refresh/queries';
import { createSimulator, modelFromRows, type Simulator } from '../../src/simulator';
import { tableValues } from '../landing/helpers';
import { startTestServer, type TestServer } from '../support/http-server';

let server: TestServer;
beforeAll(async () => { server = await startTestServer(); });
afterAll(async () => { await server.close(); });

const context = (): WebPullContext => ({ fetch: globalThis.fetch, credentials: memoryCredentialStore(), policy: { allowHttpLocalhost: true, timeoutMs: 10_000 } });

/**
 * The CSV served for refresh k: awkward on purpose. Regions with non-ASCII, a leading "=" and "@"
 * (data that must not become a formula), a region whose amounts are all blank (NULL-only), a
 * one-row region in odd refreshes, -0 amounts, ties.
 */
function ordersCsv(k: number): string {
  const regions = ['Süd', '=Nord', '@Ost', 'Zürich'];
  const lines = ['Region,Amount'];
  for (let i = 0; i < 20 + 3 * k; i++) {
    const region = regions[i % regions.length]!;
    const amount = region === '=Nord' ? '' : i % 5 === 0 ? '-0' : String(((i * (k + 3)) % 17) - 4);
    lines.push(`${region},${amount}`);
  }
  if (k % 2 === 1) lines.push(`Einzel ${k},${k * 10}`);
  return `${lines.join('\n')}\n`;
}

/**
 * The result by plain loops over the CSV text: per region, the sum of the amounts (0 when there
 * are none), their median ("#NUM!" when there are none, as Excel's MEDIAN), and the count of
 * non-blank amounts. Sorted by region for comparison.
 */
function expected(csv: string): CellValue[][] {
  const groups = new Map<string, number[]>();
  const counts = new Map<string, number>();
  for (const line of csv.trim().split('\n').slice(1)) {
    const comma = line.lastIndexOf(',');
    const region = line.slice(0, comma);
    const amount = line.slice(comma + 1);
    const list = groups.get(region) ?? [];
    if (amount !== '') list.push(Number(amount));
    groups.set(region, list);
    counts.set(region, (counts.get(region) ?? 0) + (amount !== '' ? 1 : 0));
  }
  const out: CellValue[][] = [];
  for (const [region, list] of groups) {
    let sum = 0;
    for (const v of list) sum += v;
    const sorted = [...list].sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    const median = sorted.length === 0 ? '#NUM!' : sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
    // Excel holds no -0.
    out.push([region, sum === 0 ? 0 : sum, median === 0 ? 0 : median, counts.get(region)!]);
  }
  return byRegion(out);
}

const byRegion = (rows: CellValue[][]) => [...rows].sort((a, b) => (String(a[0]) < String(b[0]) ? -1 : String(a[0]) > String(b[0]) ? 1 : 0));

const SPEC: QuerySpec = {
  version: 1,
  source: { kind: 'source', id: 'orders' },
  rows: ['Region'],
  measures: [
    { id: 'sum', label: 'Amount', kind: 'sum', field: 'Amount' },
    { id: 'med', label: 'Median amount', kind: 'median', field: 'Amount' },
    { id: 'n', label: 'Parameters', kind: 'count', field: 'Amount' }, // a label that clashes with ours
  ],
};

const T0 = Date.parse('2026-12-01T08:00:00.000Z');
const at = (k: number) => new Date(T0 + k * 3_600_000 + 123);

interface History {
  header: CellValue[];
  /** Snapshots in table order: stamp, parameters, rows (without the two). */
  snapshots: Array<{ at: CellValue; parameters: CellValue; rows: CellValue[][] }>;
  formats: string[][];
  body: CellValue[][];
}

async function history(sim: Simulator, id: string): Promise<History> {
  const { values, formats } = await tableValues(sim, `PivotDeck_History_${id}`);
  const [header, ...body] = values;
  const snapshots: History['snapshots'] = [];
  for (const row of body) {
    const last = snapshots[snapshots.length - 1];
    if (last && last.at === row[0]) last.rows.push(row.slice(2));
    else snapshots.push({ at: row[0]!, parameters: row[1]!, rows: [row.slice(2)] });
  }
  return { header: header!, snapshots, formats: formats.slice(1), body };
}

function documentWith(url: string): PivotDeckDocument {
  return { ...emptyDocument(), sources: [{ id: 'orders', label: 'Orders', kind: 'csv', url, keepOutOfSheet: true }] };
}

describe('a saved query that keeps history', () => {
  it('ten refreshes over changing data leave ten stamped snapshots, each equal to its refresh', async () => {
    const sim = createSimulator(modelFromRows('Sheet1', [['']]));
    let doc = documentWith(server.url('/mutable/orders.csv'));
    let clock = at(0);
    const deps: QueryDeps = { run: sim.run, pull: webPullSource(context(), async () => doc), now: () => clock };
    server.setResource('orders.csv', ordersCsv(0), 'text/csv');
    const inserted = await insertQuery(deps, doc, { label: 'Orders by region', spec: SPEC, layout: 'table', target: { kind: 'newSheet', sheet: 'Orders' } });
    expect(inserted.outcome.status).toBe('written');
    const id = inserted.id;
    // Turning history on is a document-only change (nothing is written to Excel).
    const turned = await updateQuery(deps, inserted.document, id, { history: { keep: true } });
    expect(turned.outcome).toEqual({ status: 'saved', message: 'Saved.' });
    doc = turned.document;
    expect(doc.queries[0]!.history).toEqual({ keep: true });

    let before: CellValue[][] = [];
    let tableId: string | undefined;
    for (let k = 1; k <= 10; k++) {
      server.setResource('orders.csv', ordersCsv(k), 'text/csv');
      clock = at(k);
      const r = await refreshQuery(deps, doc, id);
      expect(r.outcome.status).toBe('written');
      if (r.outcome.status !== 'written') return;
      expect(r.outcome.history?.status).toBe('appended');
      expect(r.outcome.summary).toContain(`History: ${expected(ordersCsv(k)).length} rows added to "History · Orders by region" (${k} snapshot`);
      doc = r.document;
      const h = await history(sim, id);
      // Old rows are never rewritten: everything before this refresh is exactly as it was.
      expect(h.body.slice(0, before.length)).toEqual(before);
      before = h.body;
      // The table is the same Excel table every time (grown in place, never re-created).
      const idNow = await sim.run(async (ctx) => {
        const t = ctx.workbook.tables.getItem(`PivotDeck_History_${id}`).load('id');
        await ctx.sync();
        return t.id;
      });
      tableId ??= idNow;
      expect(idNow).toBe(tableId);
    }

    const h = await history(sim, id);
    expect(h.header).toEqual(['Refreshed at (UTC)', 'Parameters', 'Region', 'Amount', 'Median amount', 'Parameters2']);
    expect(h.snapshots).toHaveLength(10);
    h.snapshots.forEach((s, i) => {
      expect(s.at).toBe(at(i + 1).toISOString());
      expect(s.parameters).toBe('');
      expect(byRegion(s.rows)).toEqual(expected(ordersCsv(i + 1)));
    });
    // Data never becomes a formula: "=Nord" and "@Ost" are text cells under the Text format.
    const sheet = sim.toModel().sheets.find((s) => s.name === 'History · Orders by region')!;
    const nord = Object.values(sheet.cells).filter((c) => c.value === '=Nord');
    expect(nord).toHaveLength(10);
    for (const c of nord) {
      expect(c.formula).toBeUndefined();
      expect(c.numberFormat).toBe('@');
    }
    // The stamps are text too (ISO, UTC), whatever Excel would make of them.
    expect(h.formats.every((row) => row[0] === '@')).toBe(true);
  });

  it('a failed (HTTP 500) or cancelled refresh appends nothing; a teammate appends to the same table; it survives save and reopen', async () => {
    const sim = createSimulator(modelFromRows('Sheet1', [['']]));
    server.setResource('team.csv', ordersCsv(2), 'text/csv');
    let doc = documentWith(server.url('/mutable/team.csv'));
    const deps: QueryDeps = { run: sim.run, pull: webPullSource(context(), async () => doc), now: () => at(1) };
    const inserted = await insertQuery(deps, doc, { label: 'Team', spec: SPEC, layout: 'grid', target: { kind: 'newSheet', sheet: 'Team' } });
    doc = { ...inserted.document, queries: inserted.document.queries.map((q) => ({ ...q, history: { keep: true, lastRefreshes: 50 } })) };
    const id = inserted.id;
    const first = await refreshQuery(deps, doc, id);
    expect(first.outcome.status).toBe('written');
    doc = first.document;
    const afterFirst = await tableValues(sim, `PivotDeck_History_${id}`);

    // The server fails: the refresh fails, the output and the history stay as they were.
    const failing = { ...doc, sources: [{ ...doc.sources[0]!, url: server.url('/status/500/mutable/team.csv') }] };
    const failed = await refreshQuery({ ...deps, pull: webPullSource(context(), async () => failing), now: () => at(2) }, failing, id);
    expect(failed.outcome.status).toBe('failed');
    expect(await tableValues(sim, `PivotDeck_History_${id}`)).toEqual(afterFirst);

    // Cancelled while computing: nothing is written, nothing appended.
    const abort = new AbortController();
    server.setResource('team.csv', ordersCsv(3), 'text/csv');
    const cancelled = await refreshQuery({ ...deps, now: () => at(3) }, doc, id, {
      signal: abort.signal, onProgress: (p) => { if (p.phase === 'compute') abort.abort(); },
    });
    expect(cancelled.outcome.status).toBe('cancelled');
    expect(await tableValues(sim, `PivotDeck_History_${id}`)).toEqual(afterFirst);

    // Save, close, reopen: the document and the history table come back; a teammate (another
    // runtime with its own clock) refreshes, and the snapshot goes to the same table.
    const opened = await loadWorkbookDocument(sim.run);
    await saveWorkbookDocument(sim.run, opened, doc);
    const reopened = createSimulator(JSON.parse(JSON.stringify(sim.toModel())));
    const teammateDoc = (await loadWorkbookDocument(reopened.run)).document;
    expect(teammateDoc.queries[0]!.history).toEqual({ keep: true, lastRefreshes: 50 });
    expect(await tableValues(reopened, `PivotDeck_History_${id}`)).toEqual(afterFirst);
    server.setResource('team.csv', ordersCsv(4), 'text/csv');
    const teammate: QueryDeps = { run: reopened.run, pull: webPullSource(context(), async () => teammateDoc), now: () => at(4) };
    const theirs = await refreshQuery(teammate, teammateDoc, id);
    expect(theirs.outcome.status).toBe('written');
    const h = await history(reopened, id);
    expect(h.snapshots.map((s) => s.at)).toEqual([at(1).toISOString(), at(4).toISOString()]);
    expect(h.body.slice(0, afterFirst.values.length - 1)).toEqual(afterFirst.values.slice(1));
    expect(reopened.toModel().tables.filter((t) => t.name.startsWith('PivotDeck_History_'))).toHaveLength(1);

    // A grid's snapshot is tidy: one row per row item, totals marked, by plain loops.
    expect(h.header).toEqual(['Refreshed at (UTC)', 'Parameters', 'Row level', 'Region', 'Amount', 'Median amount', 'Parameters2']);
    const rows = h.snapshots[1]!.rows;
    const items = rows.filter((r) => r[0] === 'item').map((r) => r.slice(1));
    expect(byRegion(items)).toEqual(expected(ordersCsv(4)));
    const grand = rows.filter((r) => r[0] === 'grand total');
    expect(grand).toHaveLength(1);
    let total = 0;
    let count = 0;
    for (const line of ordersCsv(4).trim().split('\n').slice(1)) {
      const amount = line.slice(line.lastIndexOf(',') + 1);
      if (amount !== '') { total += Number(amount); count++; }
    }
    expect(grand[0]![1]).toBe('');
    expect(grand[0]![2]).toBe(total === 0 ? 0 : total);
    expect(grand[0]![4]).toBe(count);
  });
});
