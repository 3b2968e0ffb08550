/**
 * Retention, the guard and chunking of history tables (issue 17): the pure plan (which oldest
 * snapshots go, by count and by age; when the guard refuses), and the same against the Excel
 * simulator: whole oldest snapshots removed by the table's own row deletes (the table object and
 * a user's name over it stay), chunks under a lowered 5 MB-style limit that one write would
 * exceed, a fault at each sync leaving the history exactly as it was.
 */
import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../src/excel/api';
import { readHistoryTable } from '../../src/excel/history';
import { HISTORY_ROW_LIMIT, planRetention, recordHistory, snapshotsOf, type Snapshot } from '../../src/refresh/history';
import { createSimulator, modelFromRows, type Simulator } from '../../src/simulator';
import { faultyRun, snapshot as workbookJson } from '../landing/helpers';

const DAY = 86_400_000;
const T0 = Date.parse('2026-11-01T06:00:00.000Z');
const stamp = (day: number) => new Date(T0 + day * DAY).toISOString();

describe('planRetention (pure)', () => {
  const stamps = [stamp(0), stamp(0), stamp(1), stamp(2), stamp(2), stamp(2), stamp(3)];

  it('groups rows into snapshots by stamp, skipping blank rows', () => {
    expect(snapshotsOf(stamps).map((s) => [s.start, s.rows])).toEqual([[0, 2], [2, 1], [3, 3], [6, 1]]);
    expect(snapshotsOf([''])).toEqual([]);
  });

  it('by count: the new snapshot counts, whole oldest snapshots go', () => {
    const now = new Date(T0 + 4 * DAY);
    expect(planRetention(stamps, { keep: true }, now, 5)).toMatchObject({ deleteOldest: 0, removed: 0, kept: 5 });
    expect(planRetention(stamps, { keep: true, lastRefreshes: 4 }, now, 5)).toMatchObject({ deleteOldest: 2, removed: 1, kept: 4 });
    expect(planRetention(stamps, { keep: true, lastRefreshes: 2 }, now, 5)).toMatchObject({ deleteOldest: 6, removed: 3, kept: 2 });
    expect(planRetention(stamps, { keep: true, lastRefreshes: 1 }, now, 5)).toMatchObject({ deleteOldest: 7, removed: 4, kept: 1 });
  });

  it('by age: snapshots older than the days given go; a stamp that is not a time stops it', () => {
    const now = new Date(T0 + 4 * DAY + 1000);
    // Older than 2 days: days 0 and 1 (day 2 is 2 days and 1 s old: also older).
    expect(planRetention(stamps, { keep: true, maxAgeDays: 2 }, now, 1)).toMatchObject({ deleteOldest: 6, removed: 3 });
    expect(planRetention(stamps, { keep: true, maxAgeDays: 3 }, now, 1)).toMatchObject({ deleteOldest: 3, removed: 2 });
    expect(planRetention(['typed by hand', ...stamps], { keep: true, maxAgeDays: 1 }, now, 1)).toMatchObject({ deleteOldest: 0 });
    // Both: whichever removes more.
    expect(planRetention(stamps, { keep: true, maxAgeDays: 3, lastRefreshes: 2 }, now, 1)).toMatchObject({ deleteOldest: 6 });
  });

  it('the guard refuses a snapshot that would pass the limit, counting what retention removes first', () => {
    expect(HISTORY_ROW_LIMIT).toBeLessThanOrEqual(1_048_576 / 2);
    const now = new Date(T0 + 4 * DAY);
    expect(planRetention(stamps, { keep: true }, now, 3, 10).refused).toBeUndefined(); // 7 + 3
    expect(planRetention(stamps, { keep: true }, now, 4, 10).refused).toMatch(/grow to 11 rows, over PivotDeck's limit of 10/);
    expect(planRetention(stamps, { keep: true, lastRefreshes: 4 }, now, 5, 10).refused).toBeUndefined(); // 7 - 2 + 5
    const blank = planRetention([''], { keep: true }, now, 10, 10);
    expect(blank.overwriteBlankRow).toBe(true);
    expect(blank.refused).toBeUndefined();
  });
});

const snap = (rows: CellValue[][]): Snapshot => ({ header: ['Région', 'Wert'], rows, numberFormats: ['General', '#,##0.00'] });
/** A snapshot of n rows; row i of refresh k is ["R<i>", k * 1000 + i]. */
const rowsOf = (k: number, n: number): CellValue[][] => Array.from({ length: n }, (_, i) => [`R${i}`, k * 1000 + i]);

/** The table's body through PivotDeck's own chunked reader (it must stay under the sync limit too). */
async function body(sim: Simulator): Promise<CellValue[][]> {
  const h = await readHistoryTable(sim.run, 'PivotDeck_History_q_r', { columns: 'all' });
  return Array.from({ length: h.bodyRows }, (_, r) => h.header.map((_, c) => h.columns.get(c)![r]!));
}

describe('retention in Excel', () => {
  it('by count: whole oldest snapshots are deleted as table rows; the table and a name over it stay', async () => {
    const sim = createSimulator(modelFromRows('Sheet1', [['']]));
    const sizes = [3, 1, 4, 2, 5, 2];
    for (let k = 0; k < sizes.length; k++) {
      const r = await recordHistory(sim.run, {
        ownerId: 'q_r', ownerLabel: 'Retained', options: { keep: true, lastRefreshes: 3 }, at: new Date(T0 + k * DAY), parameters: '', snapshot: snap(rowsOf(k, sizes[k]!)),
      });
      expect(r.status).toBe('appended');
      if (k === 0) {
        // A user's name over the table's column: it must keep working as rows come and go.
        await sim.run(async (ctx) => { ctx.workbook.names.add('MyHistory', ctx.workbook.tables.getItem('PivotDeck_History_q_r').getRange()); await ctx.sync(); });
      }
      // Expected by a plain loop: the last three refreshes, oldest first.
      const want: CellValue[][] = [];
      for (let j = Math.max(0, k - 2); j <= k; j++) for (const row of rowsOf(j, sizes[j]!)) want.push([stamp(j), '', ...row]);
      expect(await body(sim)).toEqual(want);
      expect(r.snapshots).toBe(Math.min(3, k + 1));
    }
    const model = sim.toModel();
    expect(model.tables.filter((t) => t.name === 'PivotDeck_History_q_r')).toHaveLength(1);
    const name = model.names.find((n) => n.name === 'MyHistory')!;
    expect(name.reference).not.toMatch(/#REF!/);
  });

  it('by age: snapshots older than the days kept go when the next one comes in', async () => {
    const sim = createSimulator(modelFromRows('Sheet1', [['']]));
    for (const day of [0, 1, 5, 6, 9]) {
      await recordHistory(sim.run, {
        ownerId: 'q_r', ownerLabel: 'Aged', options: { keep: true, maxAgeDays: 3 }, at: new Date(T0 + day * DAY), parameters: 'Region = West', snapshot: snap(rowsOf(day, 2)),
      });
    }
    // At day 9, kept: stamps no older than 3 days (day 6 and day 9), by a plain loop.
    const want: CellValue[][] = [];
    for (const day of [6, 9]) for (const row of rowsOf(day, 2)) want.push([stamp(day), 'Region = West', ...row]);
    expect(await body(sim)).toEqual(want);
  });
});

describe('the guard and chunks in Excel', () => {
  it('refuses to pass the limit with a message; the history stays exactly as it was', async () => {
    const sim = createSimulator(modelFromRows('Sheet1', [['']]));
    const input = { ownerId: 'q_r', ownerLabel: 'Guarded', options: { keep: true }, parameters: '', limit: 50 };
    await recordHistory(sim.run, { ...input, at: new Date(T0), snapshot: snap(rowsOf(0, 40)) });
    const before = workbookJson(sim);
    const r = await recordHistory(sim.run, { ...input, at: new Date(T0 + DAY), snapshot: snap(rowsOf(1, 11)) });
    expect(r.status).toBe('refused');
    expect(r.message).toMatch(/^History not added: The history would grow to 51 rows, over PivotDeck's limit of 50 .*the history is as it was\. Keep fewer refreshes/);
    expect(workbookJson(sim)).toBe(before);
    // Exactly at the limit is fine.
    expect((await recordHistory(sim.run, { ...input, at: new Date(T0 + DAY), snapshot: snap(rowsOf(1, 10)) })).status).toBe('appended');
  });

  it('appends in chunks that each stay under a lowered request limit that one write would exceed', async () => {
    const limit = 60_000;
    const sim = createSimulator(modelFromRows('Sheet1', [['']]), { payloadLimitBytes: limit });
    const big: CellValue[][] = Array.from({ length: 3000 }, (_, i) => [`Zeile ${i} — ünïcödé`, i / 7]);
    expect(JSON.stringify(big).length).toBeGreaterThan(limit);
    for (let k = 0; k < 2; k++) {
      const start = sim.stats().syncs;
      const r = await recordHistory(sim.run, {
        ownerId: 'q_r', ownerLabel: 'Chunked', options: { keep: true }, at: new Date(T0 + k * DAY), parameters: '', snapshot: snap(big), budgetBytes: 50_000,
      });
      expect(r.status, r.message).toBe('appended');
      expect(sim.stats().syncs - start).toBeGreaterThan(3);
    }
    const rows = await body(sim);
    expect(rows).toHaveLength(6000);
    for (let i = 0; i < 6000; i++) {
      const src = big[i % 3000]!;
      expect(rows[i]).toEqual([stamp(Math.floor(i / 3000)), '', src[0], src[1]]);
    }
  });

  it('a fault at each sync of an append leaves the history exactly as it was', async () => {
    const base = createSimulator(modelFromRows('Sheet1', [['']]));
    const input = { ownerId: 'q_r', ownerLabel: 'Faulty', options: { keep: true, lastRefreshes: 2 }, parameters: '' };
    await recordHistory(base.run, { ...input, at: new Date(T0), snapshot: snap(rowsOf(0, 300)) });
    await recordHistory(base.run, { ...input, at: new Date(T0 + DAY), snapshot: snap(rowsOf(1, 300)) });
    const saved = JSON.stringify(base.toModel());
    const third = { ...input, at: new Date(T0 + 2 * DAY), snapshot: snap(rowsOf(2, 900)), budgetBytes: 8_000 };
    const counting = faultyRun(createSimulator(JSON.parse(saved)), 0);
    await recordHistory(counting.run, third);
    const total = counting.syncs();
    expect(total).toBeGreaterThan(4);
    // The last sync is retention's own: a fault there keeps the new snapshot and says so.
    for (let k = 1; k < total; k++) {
      const sim = createSimulator(JSON.parse(saved));
      const r = await recordHistory(faultyRun(sim, k).run, third);
      expect(r.status, `fault at sync ${k}`).toBe('failed');
      expect(r.message).toMatch(/^History not added: .*The history is as it was\./);
      // (Compared as text: an assertion diff of the whole workbook is unreadable.)
      expect(workbookJson(sim) === saved, `fault at sync ${k}`).toBe(true);
    }
    const sim = createSimulator(JSON.parse(saved));
    const r = await recordHistory(faultyRun(sim, total).run, third);
    expect(r.status).toBe('appended');
    expect(r.message).toMatch(/oldest snapshots could not be removed this time/);
  });

  it('a first snapshot that fails halfway leaves no sheet behind', async () => {
    const saved = JSON.stringify(createSimulator(modelFromRows('Sheet1', [['']])).toModel());
    const input = { ownerId: 'q_r', ownerLabel: 'New', options: { keep: true }, parameters: '', at: new Date(T0), snapshot: snap(rowsOf(0, 900)), budgetBytes: 8_000 };
    const counting = faultyRun(createSimulator(JSON.parse(saved)), 0);
    await recordHistory(counting.run, input);
    for (let k = 1; k <= counting.syncs(); k++) {
      const sim = createSimulator(JSON.parse(saved));
      expect((await recordHistory(faultyRun(sim, k).run, input)).status).toBe('failed');
      expect(sim.toModel().sheets.map((s) => s.name)).toEqual(['Sheet1']);
      expect(sim.toModel().tables).toEqual([]);
    }
  });
});

describe('refusals that keep the history as it was', () => {
  const input = { ownerId: 'q_r', ownerLabel: 'Checked', options: { keep: true }, parameters: '' };

  it('cells the user typed below the table stop the append, named in the message', async () => {
    const sim = createSimulator(modelFromRows('Sheet1', [['']]));
    await recordHistory(sim.run, { ...input, at: new Date(T0), snapshot: snap(rowsOf(0, 3)) });
    await sim.run(async (ctx) => { ctx.workbook.worksheets.getItem('History · Checked').getRange('C7').values = [['my note']]; await ctx.sync(); });
    const before = workbookJson(sim);
    const r = await recordHistory(sim.run, { ...input, at: new Date(T0 + DAY), snapshot: snap(rowsOf(1, 3)) });
    expect(r.status).toBe('failed');
    expect(r.message).toMatch(/^History not added: PivotDeck did not add to the history: .*C7 holds cells PivotDeck did not write\. Move them away/);
    expect(workbookJson(sim) === before).toBe(true);
  });

  it('a table whose first column is no longer the stamp is not added to', async () => {
    const sim = createSimulator(modelFromRows('Sheet1', [['']]));
    await recordHistory(sim.run, { ...input, at: new Date(T0), snapshot: snap(rowsOf(0, 2)) });
    await sim.run(async (ctx) => { ctx.workbook.worksheets.getItem('History · Checked').getRange('A1').values = [['When']]; await ctx.sync(); });
    const before = workbookJson(sim);
    const r = await recordHistory(sim.run, { ...input, at: new Date(T0 + DAY), snapshot: snap(rowsOf(1, 2)) });
    expect(r).toMatchObject({ status: 'failed', message: expect.stringMatching(/is no longer "Refreshed at \(UTC\)"\. Put it back/) });
    expect(workbookJson(sim) === before).toBe(true);
  });

  it('an Excel without Table.resize (ExcelApi 1.13) refuses later snapshots and changes nothing', async () => {
    const first = createSimulator(modelFromRows('Sheet1', [['']]));
    await recordHistory(first.run, { ...input, at: new Date(T0), snapshot: snap(rowsOf(0, 2)) });
    const sim = createSimulator(first.toModel(), { supportedApiVersion: '1.12' });
    const before = workbookJson(sim);
    const r = await recordHistory(sim.run, { ...input, at: new Date(T0 + DAY), snapshot: snap(rowsOf(1, 2)) });
    expect(r.status).toBe('failed');
    expect(r.message).toMatch(/^History not added: Excel could not add this refresh to the history \(.+\)\. The history is as it was\.$/);
    expect(workbookJson(sim) === before).toBe(true);
  });

  it('new result columns are added at the right; old rows stay blank there', async () => {
    const sim = createSimulator(modelFromRows('Sheet1', [['']]));
    await recordHistory(sim.run, { ...input, at: new Date(T0), snapshot: snap([['a', 1]]) });
    await recordHistory(sim.run, { ...input, at: new Date(T0 + DAY), snapshot: { header: ['Wert', 'Neu'], rows: [[2, '=x']], numberFormats: ['General', 'General'] } });
    const h = await readHistoryTable(sim.run, 'PivotDeck_History_q_r', { columns: 'all' });
    expect(h.header).toEqual(['Refreshed at (UTC)', 'Parameters', 'Région', 'Wert', 'Neu']);
    expect(Array.from({ length: h.bodyRows }, (_, r) => h.header.map((_, c) => h.columns.get(c)![r]))).toEqual([
      [stamp(0), '', 'a', 1, ''],
      [stamp(1), '', '', 2, '=x'],
    ]);
  });
});

describe('a total row the user turned on', () => {
  it('is not written under: the append is refused with what to do', async () => {
    const sim = createSimulator(modelFromRows('Sheet1', [['']]));
    const input = { ownerId: 'q_r', ownerLabel: 'Totals', options: { keep: true }, parameters: '' };
    await recordHistory(sim.run, { ...input, at: new Date(T0), snapshot: snap(rowsOf(0, 2)) });
    await sim.run(async (ctx) => { ctx.workbook.tables.getItem('PivotDeck_History_q_r').showTotals = true; await ctx.sync(); });
    const before = workbookJson(sim);
    const r = await recordHistory(sim.run, { ...input, at: new Date(T0 + DAY), snapshot: snap(rowsOf(1, 2)) });
    expect(r).toMatchObject({ status: 'failed', message: expect.stringMatching(/shows a Total Row.*Turn the Total Row off/) });
    expect(workbookJson(sim) === before).toBe(true);
  });
});
