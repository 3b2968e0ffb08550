/**
 * Custom formula measures computed per pivot row (leaves, subtotals, grand total) through the
 * engine's formula compile. Source and expected values are worked out by hand below.
 *
 *  # Region Category Customer Channel Units Revenue Cost
 *  1 North  Bikes    Ann      Online  2     100     60
 *  2 North  Bikes    Bob      Store   1     50      20
 *  3 North  Cars     Ann      Online  3     300     200
 *  4 North  Cars     Cid      Online  1     (blank) 90
 *  5 South  Bikes    Dan      Store   4     200     150
 *  6 South  Bikes    Ann      Online  2     120     70
 *  7 South  Cars     Eve      Online  1     400     n/a   (text: skipped by MEDIAN)
 *  8 South  Cars     Dan      Online  5     250     100
 */
import { describe, expect, it } from 'vitest';
import { planExtension, ExtensionError, type ExtensionMeasure } from '../../src/engine/pivot-extension';
import type { CellValue } from '../../src/excel/api';
import { extendPivot } from '../../src/refresh';
import { pivotModel, renderedSnapshot, sourceTable } from './hand-data';
import { createSimulator } from '../../src/simulator';
import { basePivot, sheetWith } from './sim-workbook';

const HEADER = ['Region', 'Category', 'Customer', 'Channel', 'Units', 'Revenue', 'Cost'];
const ROWS: CellValue[][] = [
  ['North', 'Bikes', 'Ann', 'Online', 2, 100, 60],
  ['North', 'Bikes', 'Bob', 'Store', 1, 50, 20],
  ['North', 'Cars', 'Ann', 'Online', 3, 300, 200],
  ['North', 'Cars', 'Cid', 'Online', 1, '', 90],
  ['South', 'Bikes', 'Dan', 'Store', 4, 200, 150],
  ['South', 'Bikes', 'Ann', 'Online', 2, 120, 70],
  ['South', 'Cars', 'Eve', 'Online', 1, 400, 'n/a'],
  ['South', 'Cars', 'Dan', 'Online', 5, 250, 100],
];

const F = (id: string, formula: string): ExtensionMeasure => ({ id, label: id, kind: 'formula', formula });
const MEASURES = [
  F('perUnit', 'SUM([Revenue]) / SUM([Units])'),
  F('medianMargin', 'MEDIAN([Revenue]) - MEDIAN([Cost])'),
  F('onlineCustomers', 'COUNTDISTINCT(IF([Channel]="Online", [Customer]))'),
];

// Compact, subtotals at top: North, N/Bikes, N/Cars, South, S/Bikes, S/Cars, Grand Total.
const EXPECTED = {
  // Revenue / Units: N/B 150/3, N/C 300/4, N 450/7, S/B 320/6, S/C 650/6, S 970/12, G 1420/19
  perUnit: [450 / 7, 50, 75, 970 / 12, 320 / 6, 650 / 6, 1420 / 19],
  // MEDIAN(Revenue) - MEDIAN(Cost): N/B 75-40, N/C 300-145, N 100-75, S/B 160-110, S/C 325-100, S 225-100, G 200-90
  medianMargin: [25, 35, 155, 125, 50, 225, 110],
  // Online customers: N/B {Ann}, N/C {Ann, Cid}, N {Ann, Cid}, S/B {Ann}, S/C {Eve, Dan}, S {Ann, Eve, Dan}, G {Ann, Cid, Eve, Dan}
  onlineCustomers: [2, 1, 2, 3, 1, 2, 4],
};

function plan(measures: ExtensionMeasure[]) {
  const { snapshot } = renderedSnapshot(pivotModel({ source: { kind: 'range', sheet: 'Data', address: 'A1:G9' }, data: [{ field: 'Revenue', name: 'Sum of Revenue', summarizeBy: 'Sum' }] }), ROWS, HEADER);
  return planExtension({ snapshot, source: sourceTable(ROWS, HEADER), measures });
}

describe('custom formula measures', () => {
  it('compute per pivot row at every level, matching hand computation', () => {
    const p = plan(MEASURES);
    expect(p.reconciliation.ok).toBe(true);
    expect(p.roles.map((r) => r.kind)).toEqual(['subtotal', 'item', 'item', 'subtotal', 'item', 'item', 'grand']);
    MEASURES.forEach((m, k) => {
      const got = p.columns[k].values;
      const want = EXPECTED[m.id as keyof typeof EXPECTED];
      expect(got.length).toBe(want.length);
      got.forEach((v, r) => {
        expect(typeof v, `${m.id} row ${r}`).toBe('number');
        expect(Math.abs((v as number) - want[r]), `${m.id} row ${r}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(want[r])));
      });
    });
  });

  it('divides by zero like Excel: #DIV/0! where a group has no units', () => {
    const rows = ROWS.map((r) => (r[0] === 'North' && r[1] === 'Cars' ? [...r.slice(0, 4), '', ...r.slice(5)] : r));
    const { snapshot } = renderedSnapshot(pivotModel({ data: [{ field: 'Revenue', name: 'Sum of Revenue', summarizeBy: 'Sum' }] }), rows, HEADER);
    const p = planExtension({ snapshot, source: sourceTable(rows, HEADER), measures: [MEASURES[0]] });
    // N/C units are blank: SUM = 0 → #DIV/0!; North 450 / 3 = 150.
    expect(p.columns[0].values.slice(0, 3)).toEqual([150, 50, '#DIV/0!']);
  });

  it('an unknown field or function is refused with the engine\'s positioned message', () => {
    expect(() => plan([F('bad field', 'SUM([Revnue]) / SUM([Units])')])).toThrow(ExtensionError);
    expect(() => plan([F('bad field', 'SUM([Revnue]) / SUM([Units])')])).toThrow(/^"bad field": Unknown field \[?Revnue\]? at 1:5.*Revenue/);
    expect(() => plan([F('bad fn', 'MEDIN([Revenue])')])).toThrow('"bad fn": Unknown function MEDIN at 1:1 — did you mean MEDIAN?');
  });

  it('refuses through extendPivot with the message and writes nothing', async () => {
    const sim = createSimulator({
      sheets: [sheetWith('Data', [HEADER, ...ROWS]), { name: 'Pivot', cells: {} }],
      tables: [], names: [], settings: {},
      pivots: [basePivot({ source: { kind: 'range', sheet: 'Data', address: 'A1:G9' } })],
    });
    const outcome = await extendPivot({ run: sim.run, canReadDataSource: true }, { extensionId: 'f', pivotName: 'P', measures: [F('Bad', 'MEDIN([Revenue])')], placement: { kind: 'beside' } });
    expect(outcome).toEqual({ status: 'refused', code: 'measure', message: '"Bad": Unknown function MEDIN at 1:1 — did you mean MEDIAN?' });
    const written = await sim.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Pivot').getRange('D3:D12').load('values');
      await ctx.sync();
      return r.values.flat();
    });
    expect(written.every((v) => v === '')).toBe(true);
  });
});

describe('custom formula number formats', () => {
  it('counts are whole numbers, other formulas get two decimals', () => {
    const p = plan([F('ratio', 'SUM([Revenue]) / SUM([Units])'), F('n', 'COUNTDISTINCT([Customer])')]);
    expect(p.columns.map((c) => c.numberFormat)).toEqual(['#,##0.00', '0']);
  });
});
