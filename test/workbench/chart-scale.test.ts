import { describe, expect, test } from 'vitest';
import { chartFamily, niceScale, stackValues } from '../../src/workbench/charts/chart-scale';
import { mergeLayout } from '../../src/workbench/sheet-layout';

describe('chart scales', () => {
  test('round steps that cover the data; zero when the range is wide, as Excel', () => {
    expect(niceScale(3, 97, true)).toEqual({ min: 0, max: 100, ticks: [0, 20, 40, 60, 80, 100] });
    // 120..171: 120 < 5/6 × 171 = 142.5, so Excel starts at zero.
    expect(niceScale(120, 171, false).min).toBe(0);
    // 150..171: 150 ≥ 142.5, the axis starts near the data.
    const tight = niceScale(150, 171, false);
    expect(tight.min).toBe(150);
    expect(tight.max).toBe(175);
    expect(niceScale(-4, 12, true).ticks).toEqual([-5, 0, 5, 10, 15]);
  });

  test('stacks: positives up, negatives down; 100% stacks sum to 100', () => {
    expect(stackValues([[1, 2], [3, -1]], false)).toEqual([[[0, 1], [0, 2]], [[1, 4], [0, -1]]]);
    const pct = stackValues([[1, 3], [3, 1]], true);
    expect(pct.map((s) => s.map(([, top]) => top))).toEqual([[25, 75], [100, 100]]);
  });

  test('chart families by type name', () => {
    expect(chartFamily('ColumnStacked100')).toEqual({ family: 'column', stacked: true, percent: true, markers: false });
    expect(chartFamily('LineMarkers').markers).toBe(true);
    expect(chartFamily('Doughnut').family).toBe('doughnut');
    expect(chartFamily('BarClustered').family).toBe('bar');
  });

  test('merged areas: the top-left cell spans the pixel size of its columns and rows', () => {
    const m = mergeLayout(['B2:D3'], { widths: [64, 80, 70, 90], columnPoints: () => undefined, rowHeight: (r) => (r === 2 ? 40 : 20), rowPoints: () => undefined });
    expect(m.spans.get('1,1')).toEqual({ width: 80 + 70 + 90, height: 20 + 40 });
    expect(m.covered.has('2,3')).toBe(true);
    expect(m.covered.has('1,1')).toBe(false);
  });
});
