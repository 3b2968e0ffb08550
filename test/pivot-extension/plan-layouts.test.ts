/**
 * Every layout and subtotal placement, rendered by the simulator's independent renderer, mapped
 * and extended by PivotDeck; expected numbers are computed by hand from hand-data.ts:
 *
 * Revenue numbers per group (blank and text cells skipped):
 *   North/Bikes [100,50,150]  North/Cars [300,500]  North [100,50,150,300,500]
 *   South/Bikes [200]         South/Cars [400,400]  South [200,400,400]
 *   West/Bikes = West [250]   (blank)/Bikes = (blank) [80]
 *   Grand total: 50,80,100,150,200,250,300,400,400,500
 */
import { describe, expect, it } from 'vitest';
import { planExtension, type ExtensionMeasure, type RowRole } from '../../src/engine/pivot-extension';
import type { PivotModel } from '../../src/simulator/model';
import { pivotModel, renderedSnapshot, sourceTable } from './hand-data';

const M = (kind: ExtensionMeasure['kind'], extra: Partial<ExtensionMeasure> = {}): ExtensionMeasure => ({ id: kind + (extra.p ?? ''), label: kind, kind, field: 'Revenue', ...extra });

/** Hand-computed expectations keyed by group: NB = North/Bikes, N = North, X = (blank), G = grand. */
const EXPECTED: Record<string, Record<string, number | string>> = {
  median: { NB: 100, NC: 400, N: 150, SB: 200, SC: 400, S: 400, WB: 250, W: 250, XB: 80, X: 80, G: 225 },
  // PERCENTILE.INC(0.9): h = 0.9(n-1); NB h=1.8 → 100+0.8·50; N h=3.6 → 300+0.6·200; G h=8.1 → 400+0.1·100
  percentile0_9: { NB: 140, NC: 480, N: 420, SB: 200, SC: 400, S: 400, WB: 250, W: 250, XB: 80, X: 80, G: 410 },
  // QUARTILE.INC(1): NB h=0.5 → 75; NC h=0.25 → 350; N h=1 → 100; S h=0.5 → 300; G h=2.25 → 112.5
  quartile0_25: { NB: 75, NC: 350, N: 100, SB: 200, SC: 400, S: 300, WB: 250, W: 250, XB: 80, X: 80, G: 112.5 },
  distinctCount: { NB: 2, NC: 2, N: 3, SB: 2, SC: 2, S: 3, WB: 1, W: 1, XB: 1, X: 1, G: 5 },
  mode: { NB: '#N/A', NC: '#N/A', N: '#N/A', SB: '#N/A', SC: 400, S: 400, WB: '#N/A', W: '#N/A', XB: '#N/A', X: '#N/A', G: 400 },
  stdevSample: { NB: 50, NC: Math.sqrt(20000), N: Math.sqrt(133000 / 4), SB: '#DIV/0!', SC: 0, S: Math.sqrt((40000 / 3) * 2 / 2), WB: '#DIV/0!', W: '#DIV/0!', XB: '#DIV/0!', X: '#DIV/0!', G: Math.sqrt(213410 / 9) },
  varPopulation: { NB: 5000 / 3, NC: 10000, N: 133000 / 5, SB: 0, SC: 0, S: (80000 / 3) / 3, WB: 0, W: 0, XB: 0, X: 0, G: 21341 },
  first: { NB: 100, NC: 300, N: 100, SB: 200, SC: 400, S: 200, WB: 250, W: 250, XB: 80, X: 80, G: 100 },
  last: { NB: 150, NC: 500, N: 500, SB: '', SC: 400, S: 400, WB: 250, W: 250, XB: 80, X: 80, G: 80 },
  weightedAverage: { NB: 700 / 6, NC: 1300 / 3, N: 2000 / 9, SB: 200, SC: 400, S: 1600 / 6, WB: 250, W: 250, XB: 80, X: 80, G: 4930 / 21 },
  ratioOfSums: { NB: 50, NC: 800 / 3, N: 1100 / 9, SB: 50, SC: 200, S: 125, WB: 50, W: 50, XB: 80, X: 80, G: 2430 / 23 },
  count: { NB: 3, NC: 2, N: 5, SB: 1, SC: 3, S: 4, WB: 1, W: 1, XB: 1, X: 1, G: 11 },
  countNumbers: { NB: 3, NC: 2, N: 5, SB: 1, SC: 2, S: 3, WB: 1, W: 1, XB: 1, X: 1, G: 10 },
  average: { NB: 100, NC: 400, N: 220, SB: 200, SC: 400, S: 1000 / 3, WB: 250, W: 250, XB: 80, X: 80, G: 243 },
  min: { NB: 50, NC: 300, N: 50, SB: 200, SC: 400, S: 200, WB: 250, W: 250, XB: 80, X: 80, G: 50 },
  max: { NB: 150, NC: 500, N: 500, SB: 200, SC: 400, S: 400, WB: 250, W: 250, XB: 80, X: 80, G: 500 },
  product: { NB: 750000, NC: 150000, N: 750000 * 150000, SB: 200, SC: 160000, S: 200 * 160000, WB: 250, W: 250, XB: 80, X: 80, G: 750000 * 150000 * 200 * 160000 * 250 * 80 },
  // Show-as over Sum of Revenue: NB 300, NC 800, N 1100, SB 200, SC 800, S 1000, W 250, X 80, G 2430
  percentOfGrandTotal: { NB: 300 / 2430, NC: 800 / 2430, N: 1100 / 2430, SB: 200 / 2430, SC: 800 / 2430, S: 1000 / 2430, WB: 250 / 2430, W: 250 / 2430, XB: 80 / 2430, X: 80 / 2430, G: 1 },
  percentOfParentRow: { NB: 300 / 1100, NC: 800 / 1100, N: 1100 / 2430, SB: 0.2, SC: 0.8, S: 1000 / 2430, WB: 1, W: 250 / 2430, XB: 1, X: 80 / 2430, G: 1 },
  runningTotal: { NB: 300, NC: 1100, N: 1100, SB: 200, SC: 1000, S: 2100, WB: 250, W: 2350, XB: 80, X: 2430, G: '' },
  rankInParent: { NB: 2, NC: 1, N: 1, SB: 2, SC: 1, S: 2, WB: 1, W: 3, XB: 1, X: 4, G: '' },
  differenceFromPrevious: { NB: '', NC: 500, N: '', SB: '', SC: 600, S: -100, WB: '', W: -750, XB: '', X: -170, G: '' },
  percentDifferenceFromPrevious: { NB: '', NC: 500 / 300, N: '', SB: '', SC: 3, S: -100 / 1100, WB: '', W: -750 / 1000, XB: '', X: -170 / 250, G: '' },
};

const MEASURES: ExtensionMeasure[] = [
  M('median'), M('percentile', { p: 0.9, id: 'percentile0_9' }), M('quartile', { p: 0.25, id: 'quartile0_25' }),
  M('distinctCount', { field: 'Customer' }), M('mode'), M('stdevSample'), M('varPopulation'),
  M('first', { otherField: 'Day' }), M('last', { otherField: 'Day' }), M('weightedAverage', { otherField: 'Units' }),
  M('ratioOfSums', { otherField: 'Units' }), M('count'), M('countNumbers'), M('average'), M('min'), M('max'), M('product'),
  M('percentOfGrandTotal'), M('percentOfParentRow'), M('runningTotal'), M('rankInParent'), M('differenceFromPrevious'), M('percentDifferenceFromPrevious'),
];

const GROUP: Record<string, string> = { 'north': 'N', 'south': 'S', 'west': 'W', '(blank)': 'X', 'bikes': 'B', 'cars': 'C' };
function groupCode(role: RowRole): string | undefined {
  if (role.kind === 'grand') return 'G';
  if (role.kind === 'item' || role.kind === 'subtotal') return role.path.map((k) => GROUP[k]).join('');
  return undefined;
}

type Shape = Array<[RowRole['kind'], string]>;
const leaves = (prefix: string, cats: string[]): Shape => cats.map((c) => ['item', prefix + c]);
const GROUPS: Array<[string, string[]]> = [['N', ['B', 'C']], ['S', ['B', 'C']], ['W', ['B']], ['X', ['B']]];

function expectedShape(kind: 'top' | 'bottom' | 'off' | 'tabular', customCount = 1): Shape {
  const shape: Shape = [];
  for (const [g, cats] of GROUPS) {
    if (kind === 'top') shape.push(['subtotal', g]);
    if (kind === 'bottom' || kind === 'off') shape.push(['header', g]);
    shape.push(...leaves(g, cats));
    if (kind === 'bottom' || kind === 'tabular') for (let i = 0; i < customCount; i++) shape.push(['subtotal', g]);
  }
  shape.push(['grand', 'G']);
  return shape;
}

function close(actual: unknown, expected: number | string, where: string) {
  if (typeof expected === 'number') {
    expect(typeof actual, where).toBe('number');
    expect(Math.abs((actual as number) - expected), where).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
  } else {
    expect(actual, where).toBe(expected);
  }
}

const CASES: Array<[string, Partial<PivotModel>, 'top' | 'bottom' | 'off' | 'tabular']> = [
  ['compact, subtotals at top', { layout: 'Compact', subtotalLocation: 'AtTop' }, 'top'],
  ['compact, subtotals at bottom', { layout: 'Compact', subtotalLocation: 'AtBottom' }, 'bottom'],
  ['compact, subtotals off', { layout: 'Compact', subtotalLocation: 'Off' }, 'off'],
  ['outline, subtotals at top', { layout: 'Outline', subtotalLocation: 'AtTop' }, 'top'],
  ['outline, subtotals at bottom', { layout: 'Outline', subtotalLocation: 'AtBottom' }, 'bottom'],
  ['outline, repeated labels, bottom', { layout: 'Outline', subtotalLocation: 'AtBottom', rows: [{ name: 'Region', repeatLabels: true }, { name: 'Category' }] }, 'bottom'],
  ['tabular', { layout: 'Tabular', subtotalLocation: 'AtBottom' }, 'tabular'],
  ['tabular, repeated labels', { layout: 'Tabular', subtotalLocation: 'AtBottom', rows: [{ name: 'Region', repeatLabels: true }, { name: 'Category' }] }, 'tabular'],
];

describe('planExtension maps every layout and computes hand-checked measures', () => {
  for (const [title, over, shape] of CASES) {
    it(title, () => {
      const { snapshot } = renderedSnapshot(pivotModel({
        ...over,
        data: [
          { field: 'Revenue', name: 'Sum of Revenue', summarizeBy: 'Sum' },
          { field: 'Revenue', name: 'Count of Revenue', summarizeBy: 'Count' },
        ],
      }));
      const plan = planExtension({ snapshot, source: sourceTable(), measures: MEASURES });
      expect(plan.roles.map((r) => [r.kind, groupCode(r) ?? (r.kind === 'header' ? r.path.map((k) => GROUP[k]).join('') : '')])).toEqual(expectedShape(shape));
      expect(plan.reconciliation.ok).toBe(true);
      expect(plan.reconciliation.checkedFields).toEqual(['Sum of Revenue', 'Count of Revenue']);
      plan.roles.forEach((role, r) => {
        const code = groupCode(role);
        MEASURES.forEach((m, k) => {
          const got = plan.columns[k].values[r];
          if (code === undefined) expect(got, `${m.id} header row ${r}`).toBe('');
          else close(got, EXPECTED[m.id][code], `${title} ${m.id} ${code}`);
        });
      });
    });
  }

  it('custom subtotals: one row per function in Excel order, each reconciled with its own function', () => {
    const { snapshot } = renderedSnapshot(pivotModel({
      layout: 'Outline', subtotalLocation: 'AtBottom',
      rows: [{ name: 'Region', subtotals: ['Sum', 'Count', 'Average'] }, { name: 'Category' }],
    }));
    const plan = planExtension({ snapshot, source: sourceTable(), measures: [M('median')] });
    expect(plan.roles.filter((r) => r.kind === 'subtotal').map((r) => (r.kind === 'subtotal' ? `${r.path[0]}:${r.fn}` : ''))).toEqual([
      'north:Sum', 'north:Count', 'north:Average', 'south:Sum', 'south:Count', 'south:Average',
      'west:Sum', 'west:Count', 'west:Average', '(blank):Sum', '(blank):Count', '(blank):Average',
    ]);
    expect(plan.reconciliation.ok).toBe(true);
    // The median is written on the first subtotal row of each group only.
    const northRows = plan.roles.flatMap((r, i) => (r.kind === 'subtotal' && r.path[0] === 'north' ? [i] : []));
    expect(northRows.map((i) => plan.columns[0].values[i])).toEqual([150, '', '']);
  });

  it('number formats: field format for median, "0" for counts, "0.0%" for shares; totals are bold rows', () => {
    const { snapshot } = renderedSnapshot(pivotModel());
    const plan = planExtension({ snapshot, source: sourceTable(), measures: [M('median'), M('distinctCount', { field: 'Customer' }), M('percentOfGrandTotal')] });
    expect(plan.columns.map((c) => c.numberFormat)).toEqual(['#,##0.00', '0', '0.0%']);
    expect(plan.totalRows).toEqual([0, 3, 6, 8, 10]);
  });

  it('reports skipped cells the way MEDIAN treats them', () => {
    const { snapshot } = renderedSnapshot(pivotModel());
    const plan = planExtension({ snapshot, source: sourceTable(), measures: [M('median')] });
    expect(plan.skipped).toEqual([{ field: 'Revenue', measure: 'median', excelFunction: 'MEDIAN', blank: 1, text: 1, logical: 0, errors: 0 }]);
  });
});
