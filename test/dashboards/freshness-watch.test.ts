/**
 * The pane's out-of-date watch (issue 14 part 5) against the simulator: checked when it starts,
 * after a cell of a source table changes (worksheet.onChanged) and after a sheet is activated
 * (worksheets.onActivated, which the simulator raises as Excel does: once per change of the
 * active sheet, after the operation, for the user's clicks and the API alike). Also the
 * dashboards pane's workbook use-cases and the words of the badge.
 */
import { describe, expect, it } from 'vitest';
import { buildFromTemplate } from '../../src/dashboards';
import { emptyDocument } from '../../src/model';
import {
  createDashboard, dashboardTables, FreshnessWatch, showDashboardSheet, tableFieldSample, type DashboardDeps, type FreshnessReport,
} from '../../src/refresh/dashboards';
import { DocumentService, memoryDocumentStorage } from '../../src/refresh/document';
import { freshnessWords, statusWords } from '../../src/taskpane/dashboards/refresh-words';
import { FIELDS, salesSimulator } from './fixtures';

const NOW = new Date(2026, 0, 15, 9, 30);

async function setUp() {
  const sim = salesSimulator();
  const deps: DashboardDeps = { run: sim.run, now: () => NOW };
  const made = await createDashboard(deps, emptyDocument(), { label: 'Sales overview', tiles: buildFromTemplate('salesOverview', { kind: 'table', name: 'Sales' }, FIELDS) });
  const documents = new DocumentService(memoryDocumentStorage(made.document));
  const watch = new FreshnessWatch(sim.run, documents, { debounceMs: 5 });
  const reports: FreshnessReport[] = [];
  watch.subscribe((r) => reports.push(r));
  return { sim, watch, reports };
}

/** Resolves with the next report the watch publishes. */
function nextReport(watch: FreshnessWatch): Promise<FreshnessReport> {
  return new Promise((resolve) => {
    let first = true;
    const off = watch.subscribe((r) => {
      // subscribe calls back at once with the latest: wait for a new one.
      if (first && r === watch.latest) { first = false; return; }
      off();
      resolve(r);
    });
    first = false;
  });
}

describe('FreshnessWatch', () => {
  it('checks on start, then after a source cell changes, and after a sheet is activated', async () => {
    const { sim, watch, reports } = await setUp();
    const stop = await watch.start();
    expect(reports.at(-1)?.dashboards.get('d1')).toEqual({ state: 'current' });

    const changed = nextReport(watch);
    expect(sim.setCellAsUser('Data', 'C3', 'Pièces')).toEqual({ ok: true });
    await sim.eventsDelivered();
    expect((await changed).dashboards.get('d1')).toEqual({ state: 'outOfDate', changed: ['Sales'] });

    // Put back by hand: activating a sheet (the user comes back to the dashboard) checks again.
    await sim.run(async (ctx) => { ctx.workbook.worksheets.getItem('Data').getRange('C3').values = [['Bikes']]; });
    const activated = nextReport(watch);
    sim.activate('Data');
    await sim.eventsDelivered();
    expect((await activated).dashboards.get('d1')).toEqual({ state: 'current' });

    await stop();
    const before = reports.length;
    sim.setCellAsUser('Data', 'C3', 'Parts');
    sim.activate('Sales overview');
    await sim.eventsDelivered();
    await new Promise((r) => setTimeout(r, 30));
    expect(reports.length).toBe(before);
  });

  it('never runs two checks at once: requests during a check make one more', async () => {
    const { sim, watch } = await setUp();
    sim.resetStats();
    const [a, b, c] = [watch.check(), watch.check(), watch.check()];
    await Promise.all([a, b, c]);
    expect(b).toBe(c);
    // Two checks of 3 syncs each, not three.
    expect(sim.stats().syncs).toBe(6);
  });
});

describe('worksheets.onActivated in the simulator', () => {
  it('fires once per change of the active sheet, with its id, for API and user activation, until removed', async () => {
    const sim = salesSimulator();
    const seen: string[] = [];
    const reg = await sim.run(async (ctx) => {
      const r = ctx.workbook.worksheets.onActivated.add(async (args) => { seen.push(`${args.type}:${args.worksheetId}`); });
      await ctx.sync();
      return r;
    });
    const ids = await sim.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets.load('items/id, items/name');
      await ctx.sync();
      return new Map(sheets.items.map((s) => [s.name, s.id]));
    });
    await showDashboardSheet(sim.run, 'Data'); // already active: no event
    sim.activate('Data');
    await sim.eventsDelivered();
    expect(seen).toEqual([]);
    await sim.run(async (ctx) => { ctx.workbook.worksheets.add('Other').activate(); });
    await sim.eventsDelivered();
    await new Promise((r) => setTimeout(r, 0));
    const other = await sim.run(async (ctx) => { const s = ctx.workbook.worksheets.getItem('Other').load('id'); await ctx.sync(); return s.id; });
    expect(seen).toEqual([`WorksheetActivated:${other}`]);
    sim.activate('Data');
    await sim.eventsDelivered();
    await new Promise((r) => setTimeout(r, 0));
    expect(seen).toEqual([`WorksheetActivated:${other}`, `WorksheetActivated:${ids.get('Data')}`]);
    reg.remove();
    await reg.context.sync();
    sim.activate('Other');
    await sim.eventsDelivered();
    await new Promise((r) => setTimeout(r, 0));
    expect(seen).toHaveLength(2);
  });
});

describe('the dashboards pane\'s workbook use-cases', () => {
  it('lists the tables, reads a table\'s first rows, and words a missing table', async () => {
    const sim = salesSimulator();
    const tables = await dashboardTables(sim.run);
    expect(tables.map((t) => [t.name, t.sheet, t.rowCount])).toEqual([['Sales', 'Data', 10]]);
    const sample = await tableFieldSample(sim.run, 'Sales', 3);
    expect(sample.headers).toEqual(['Date', 'Region', 'Category', 'Product', 'Customer', 'Revenue']);
    expect(sample.rows).toHaveLength(3);
    await expect(tableFieldSample(sim.run, 'Orders')).rejects.toThrow(/^PivotDeck could not read the columns of the table "Orders" \(.+\)\. Check that the table is still in the workbook, then choose it again\.$/);
    await expect(showDashboardSheet(sim.run, 'Nope')).rejects.toThrow(/go to the sheet "Nope"/);
  });
});

describe('badge words', () => {
  it('says up to date only when checked current; names what changed; says when, where nothing compares', () => {
    const summary = { lastRefresh: { at: '2026-01-15T09:30:00Z', ok: true }, problems: [] };
    expect(statusWords(summary, undefined, { state: 'current' })).toEqual({ text: 'Up to date', tone: 'success' });
    expect(statusWords(summary, undefined, { state: 'outOfDate', changed: ['Orders'] })).toEqual({ text: 'Out of date — Orders changed', tone: 'warning' });
    expect(statusWords({ ...summary, lastRefresh: { ...summary.lastRefresh, ok: false } }, undefined, { state: 'current' })).toEqual({ text: 'Some tiles are out of date', tone: 'warning' });
    expect(freshnessWords({ state: 'unknown', refreshedAt: '2026-01-15T09:30:00Z' })).toEqual({ text: 'Refreshed at Jan 15, 2026, 9:30 AM', tone: 'informative' });
    expect(freshnessWords({ state: 'never' })).toBeUndefined();
  });
});
