/**
 * Data never becomes a formula (issue 13 part 4): every writer keeps text as text. The simulator
 * turns a string written through `values` into a formula as Excel does (a leading "="), so these
 * tests see the difference: each payload must come back exactly as received, with no formula.
 */
import * as aq from 'arquero';
import { describe, expect, it } from 'vitest';
import { flowLayout, type Tile } from '../../src/dashboards';
import { executeQuery, type QuerySpec } from '../../src/engine';
import type { CellValue } from '../../src/excel/api';
import { landingBlock, landTable } from '../../src/excel/land';
import { flatBlock, gridBlock, writeQueryOutput } from '../../src/excel/query-output';
import { needsTextFormat, textColumns, textFormatAreas } from '../../src/excel/text-cells';
import { emptyDocument } from '../../src/model';
import { createDashboard } from '../../src/refresh/dashboards';
import { extendPivot } from '../../src/refresh';
import { createSimulator, modelFromRows, type Simulator } from '../../src/simulator';
import { basePivot, handSimulator } from '../pivot-extension/sim-workbook';

// What attackers and ordinary data send: formulas (DDE-style too), signs, @-mentions, tab/CR,
// text that Excel would read as a number, a date or a boolean.
const PAYLOADS = ['=WEBSERVICE("http://127.0.0.1:9/x")', "=cmd|' /C calc'!A0", '+SUM(1,2)', '-2+3', '@SUM(1)', '\t=1+1', '\r=1', '00123', '1/2', 'TRUE', "'quoted"];

function formulaCells(sim: Simulator, sheet?: string): string[] {
  return sim.toModel().sheets.filter((s) => !sheet || s.name === sheet).flatMap((s) => Object.entries(s.cells).filter(([, c]) => c.formula !== undefined).map(([k, c]) => `${s.name}!${k} ${c.formula}`));
}

function values(sim: Simulator, sheet: string): CellValue[] {
  return Object.values(sim.toModel().sheets.find((s) => s.name === sheet)!.cells).map((c) => c.value);
}

describe('needsTextFormat', () => {
  it('flags every string Excel would not keep as written, and nothing else', () => {
    for (const p of PAYLOADS) expect(needsTextFormat(p), p).toBe(true);
    for (const more of ['(123)', 'Jan 5', '5-Jan', 'March 2024', '12:30', '2024-01-05', '5%', '$1,000', '#N/A']) expect(needsTextFormat(more), more).toBe(true);
    for (const ok of ['Nord', 'Süd', 'a=b', 'x+1', 'e-mail', '', 'Total 2024', 'Janet', 'May Ltd', '(note)']) expect(needsTextFormat(ok), ok).toBe(false);
    expect(needsTextFormat(-0)).toBe(false);
    expect(textFormatAreas([['=a', 1, '=b'], ['=c', 2, '=d'], ['x', 3, 'y']])).toEqual([
      { row: 0, column: 0, rows: 2, columns: 1 }, { row: 0, column: 2, rows: 2, columns: 1 },
    ]);
    expect(textColumns([['a', 1], ['b', '+1']], 2)).toEqual([false, true]);
  });
});

describe('writers keep text as text', () => {
  it('query grid and query table (first write and refresh in place)', async () => {
    const sim = createSimulator(modelFromRows('Sheet1', [['']]));
    const table = aq.table({ Label: PAYLOADS, Amount: PAYLOADS.map((_, i) => i) });
    const spec: QuerySpec = { version: 1, source: { kind: 'table', name: 'T' }, rows: ['Label'], columns: [], measures: [{ id: 'a', label: '=Amount', kind: 'sum', field: 'Amount' }] };
    for (let round = 0; round < 2; round++) {
      const result = executeQuery(spec, () => table);
      await writeQueryOutput(sim.run, gridBlock(result.grid!), { queryId: 'g', target: { kind: 'at', sheet: 'G', cell: 'A1' } });
      await writeQueryOutput(sim.run, flatBlock(result.flat!), { queryId: 't', target: { kind: 'at', sheet: 'T', cell: 'A1' } });
    }
    expect(formulaCells(sim)).toEqual([]);
    for (const sheet of ['G', 'T']) for (const p of PAYLOADS) expect(values(sim, sheet), `${sheet} ${JSON.stringify(p)}`).toContain(p);
    expect(values(sim, 'T')).toContain('=Amount');
  });

  it('landing: a stray string in a number column stays text too', async () => {
    const sim = createSimulator(modelFromRows('Sheet1', [['']]));
    const block = landingBlock(aq.table({ n: [1, '=1+1', 3], t: ['=2+2', '+1', '@x'] }), [
      { name: 'n', type: 'number', blanks: 0 }, { name: 't', type: 'text', blanks: 0 },
    ]);
    await landTable(sim.run, block, { sourceId: 's', tableName: 'S', sheet: 'S' });
    expect(formulaCells(sim)).toEqual([]);
    expect(values(sim, 'S')).toEqual(expect.arrayContaining(['=1+1', '=2+2', '+1', '@x', 1, 3]));
  });

  it('dashboard: a long dropdown list comes from a range PivotDeck owns, its items written as text', async () => {
    const regions = [...Array.from({ length: 60 }, (_, i) => `Region number ${i}`), ...PAYLOADS];
    const rows: CellValue[][] = [['Region', 'Amount'], ...regions.map((r, i) => [r, i])];
    const sim = createSimulator(modelFromRows('Data', rows));
    await sim.run(async (ctx) => { ctx.workbook.tables.add(`Data!A1:B${rows.length}`, true).name = 'Orders'; await ctx.sync(); });
    const source = { kind: 'table' as const, name: 'Orders' };
    const tiles: Tile[] = flowLayout([
      { version: 1, kind: 'header', id: 'header', title: '=Title', at: { row: 0, col: 0, rows: 3, cols: 12 }, parameters: [{ id: 'p', label: 'Region', kind: 'list', field: 'Region', source }] },
      { version: 1, kind: 'kpi', id: 'k', title: '+KPI', at: { row: 0, col: 0, rows: 4, cols: 3 }, source, measure: { id: 'a', kind: 'sum', field: 'Amount' } },
    ]);
    const r = await createDashboard({ run: sim.run }, emptyDocument(), { label: 'Dash', tiles });
    expect(r.outcome.status, r.outcome.message).toBe('written');
    expect(formulaCells(sim, 'Dash')).toEqual([]);
    for (const p of PAYLOADS) expect(values(sim, 'Dash'), JSON.stringify(p)).toContain(p);
    const dv = sim.toModel().sheets.find((s) => s.name === 'Dash')!.dataValidations!;
    // The list source is PivotDeck's own range, never text built from the data.
    expect(dv.map((d) => d.list?.source)).toEqual([expect.stringMatching(/^=\$[A-Z]+\$\d+:\$[A-Z]+\$\d+$/)]);
  });

  it('pivot extension: a caption and row labels written as text, on its own sheet and beside the pivot', async () => {
    const sim = handSimulator([basePivot({ rows: [{ name: 'Region' }], data: [{ field: 'Revenue', name: 'Sum of Revenue', summarizeBy: 'Sum' }] })]);
    for (const placement of [{ kind: 'beside' as const }, { kind: 'sheet' as const, sheet: 'Ext' }]) {
      const outcome = await extendPivot({ run: sim.run, canReadDataSource: true }, {
        extensionId: placement.kind, pivotName: 'P', placement,
        measures: [{ id: 'm', label: '=HYPERLINK("http://127.0.0.1/x")', kind: 'median', field: 'Revenue' }],
      });
      expect(outcome.status).toBe('written');
    }
    expect(formulaCells(sim)).toEqual([]);
    expect(values(sim, 'Pivot')).toContain('=HYPERLINK("http://127.0.0.1/x")');
    expect(values(sim, 'Ext')).toContain('=HYPERLINK("http://127.0.0.1/x")');
  });
});
