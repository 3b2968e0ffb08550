/**
 * A dashboard write that Excel stops halfway puts the sheet's look back too (issue 14 follow-up):
 * fills, fonts, alignment and merged cells, not only values, charts and names. Excel fails each
 * sync of a refresh in turn (the simulator runs the batch's queued operations, then fails the
 * sync, with no rollback, as Excel does). After every failure the dashboard sheet is exactly as
 * before — including a fill and italics the user gave a cell of a KPI card —
 * and after every success exactly what a refresh without a fault writes. On an Excel below the
 * requirement sets that can read formats (ExcelApi 1.9) or merges (1.13), the values still come
 * back and the message says what waits for the next refresh.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { buildFromTemplate } from '../../src/dashboards';
import { emptyDocument, type PivotDeckDocument } from '../../src/model';
import { createDashboard, refreshDashboard, type DashboardDeps } from '../../src/refresh/dashboards';
import { createSimulator, type Simulator } from '../../src/simulator';
import type { CellStyleModel, WorkbookModel } from '../../src/simulator/model';
import { FIELDS, salesSimulator, serial } from '../dashboards/fixtures';
import { faultyRun } from '../landing/helpers';

const SHEET = 'Sales overview';
const NOW = new Date(2026, 0, 15, 9, 30);
const deps = (sim: Simulator): DashboardDeps => ({ run: sim.run, now: () => NOW });

/** How a cell looks, with Excel's defaults written out (a default set explicitly looks the same). */
function look(s: CellStyleModel | undefined): string {
  const x = s ?? {};
  return JSON.stringify([
    x.fill ?? 'none', x.bold ?? false, x.italic ?? false, x.fontColor ?? '#000000', x.size ?? 11, x.fontName ?? 'Calibri',
    x.horizontalAlignment ?? 'General', x.verticalAlignment ?? 'Bottom', x.wrapText ?? false,
  ]);
}
const PLAIN = look(undefined);

/** The dashboard sheet as a user sees it: values, number formats, each cell's look, merges, charts. */
function sheetState(sim: Simulator) {
  const s = sim.toModel().sheets.find((x) => x.name === SHEET)!;
  const cells: Record<string, unknown> = {};
  for (const [k, c] of Object.entries(s.cells)) {
    const l = look(c.style);
    if ((c.value === '' || c.value === undefined) && l === PLAIN) continue;
    cells[k] = [c.value ?? '', c.numberFormat ?? 'General', l];
  }
  const charts = (s.charts ?? []).map((c) => ({ id: c.id, name: c.name, type: c.chartType, title: c.title.text, series: c.series.map((x) => [x.valuesRef, x.categoriesRef]) }));
  return { cells, merges: [...(s.merges ?? [])].sort(), charts };
}

/** Values and number formats only (what comes back on every Excel). */
function contents(cells: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, c] of Object.entries(cells)) {
    const [value, format] = c as [unknown, string];
    if (value !== '' || format !== 'General') out[k] = [value, format];
  }
  return out;
}

/** The Sales overview dashboard, refreshed once, with the user's own touches on it. */
async function prepared(sim: Simulator): Promise<{ doc: PivotDeckDocument; before: ReturnType<typeof sheetState> }> {
  const built = await createDashboard(deps(sim), emptyDocument(), { label: SHEET, tiles: buildFromTemplate('salesOverview', { kind: 'table', name: 'Sales' }, FIELDS) });
  expect(built.outcome.status).toBe('written');
  expect(sim.setCellAsUser(SHEET, 'D2', 'All')).toEqual({ ok: true });
  const again = await refreshDashboard(deps(sim), built.document, 'd1');
  expect(again.outcome.status).toBe('written');
  const start = sheetState(sim);
  // The write merged and filled cells of its own: the test would prove nothing otherwise.
  expect(start.merges.length).toBeGreaterThan(0);
  expect(Object.values(start.cells).some((c) => !String((c as unknown[])[2]).startsWith('["none"'))).toBe(true);
  // A new month and a new region make the next write longer, wider and different.
  await sim.run(async (ctx) => {
    // (Overwriting the last row rather than adding one: Table.resize needs ExcelApi 1.13.)
    ctx.workbook.worksheets.getItem('Data').getRange('A11:F11').values = [[serial(2026, 4, 5), 'Nord-Ost', 'Parts', 'Bell', 'Z', 7]];
  });
  return { doc: built.document, before: sheetState(sim) };
}

const realOffice = (globalThis as { Office?: unknown }).Office;
afterEach(() => { (globalThis as { Office?: unknown }).Office = realOffice; });

/** Office's requirement check as the running "Excel" (the simulator) answers it. */
function hostIs(sim: Simulator): void {
  (globalThis as { Office?: unknown }).Office = { context: { requirements: { isSetSupported: (set: string, v: string) => set === 'ExcelApi' && sim.isSetSupported('ExcelApi', v) } } };
}

describe.each([
  ['ExcelApi 1.17 (formats and merges read)', '1.17', /PivotDeck put the previous values, colours, merged cells, charts and names back as they were\./, true, true],
  ['ExcelApi 1.12 (formats read, merges not)', '1.12', /values, charts and names back as they were \(the tiles' merged cells come back with the next refresh\)/, true, false],
  ['ExcelApi 1.8 (neither)', '1.8', /values, charts and names back as they were \(the tiles' colours and merged cells come back with the next refresh\)/, false, false],
] as const)('a dashboard refresh that Excel stops at each sync in turn, on %s', (_, version, message, formatsBack, mergesBack) => {
  it('leaves the sheet exactly as before, or exactly as a good refresh writes it', async () => {
    const make = () => createSimulator(JSON.parse(JSON.stringify(salesSimulator().toModel())) as WorkbookModel, { supportedApiVersion: version });
    // The same refresh without a fault: how many syncs it makes and what it writes.
    const good = make();
    hostIs(good);
    const g = await prepared(good);
    const counting = faultyRun(good, Number.POSITIVE_INFINITY);
    expect((await refreshDashboard({ ...deps(good), run: counting.run }, g.doc, 'd1')).outcome.status).toBe('written');
    const written = sheetState(good);
    const syncs = counting.syncs();
    expect(syncs).toBeGreaterThanOrEqual(5);
    expect(written).not.toEqual(g.before);

    let failedWrites = 0;
    for (let k = 1; k <= syncs; k++) {
      const sim = make();
      hostIs(sim);
      const { doc } = await prepared(sim);
      // The user's own touches inside the dashboard's blocks: a fill on the KPI card, a merge.
      await sim.run(async (ctx) => {
        const s = ctx.workbook.worksheets.getItem(SHEET);
        s.getRange('B5').format.fill.color = '#FFC000';
        s.getRange('B5').format.font.italic = true;
        await ctx.sync();
      });
      const before = sheetState(sim);
      const r = await refreshDashboard({ ...deps(sim), run: faultyRun(sim, k).run }, doc, 'd1');
      const after = sheetState(sim);
      const when = `failing sync ${k} of ${syncs}: ${r.outcome.message ?? ''}`;
      if (r.outcome.status === 'written') {
        expect(after, when).toEqual(written);
        continue;
      }
      if (!/Excel stopped while writing the dashboard/.test(r.outcome.message ?? '')) {
        // Stopped before writing: nothing changed; or the tiles' reads failed and the refresh
        // wrote only their "kept previous values" state, a complete write of its own.
        if (r.outcome.status === 'failed') expect(after, when).toEqual(before);
        else expect(r.outcome.message, when).toMatch(/kept their previous values/);
        continue;
      }
      failedWrites++;
      expect(r.outcome.message, when).toMatch(message);
      expect(contents(after.cells), when).toEqual(contents(before.cells));
      expect(after.charts, when).toEqual(before.charts);
      if (formatsBack) expect(after.cells, when).toEqual(before.cells);
      if (mergesBack) expect(after.merges, when).toEqual(before.merges);
      if (formatsBack && mergesBack) expect(after, when).toEqual(before);
    }
    // At least the write's own sync failed halfway and was put back.
    expect(failedWrites).toBeGreaterThanOrEqual(1);
  });
});
