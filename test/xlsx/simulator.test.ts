/**
 * A loaded workbook in the Excel simulator: the pivot shows the cells the file stored, through the
 * same API as pivots the simulator creates; and the simulator's independent renderer, refreshed
 * from the Data sheet, draws exactly those hand-computed cells (so fixtures and renderer check
 * each other).
 */
import { describe, expect, it } from 'vitest';
import { createSimulator } from '../../src/simulator';
import { loadXlsx } from '../../src/simulator/xlsx';
import { salesWorkbook } from './salesFixture';
import { COMPACT_PIVOT, CROSS_PIVOT, OUTLINE_PIVOT, TABULAR_PIVOT } from './salesPivots';

const PIVOTS = { COMPACT_PIVOT, OUTLINE_PIVOT, TABULAR_PIVOT, CROSS_PIVOT };

describe.each(Object.entries(PIVOTS))('%s opened in the simulator', (_, spec) => {
  it('shows the stored cells and re-renders them identically on refresh', async () => {
    const { model } = await loadXlsx(salesWorkbook(spec));
    const pivot = model.pivots[0];
    const stored = pivot.rendered!.values;
    const sim = createSimulator(model);
    const opened = await sim.run(async (ctx) => {
      const p = ctx.workbook.pivotTables.getItem(pivot.name);
      const range = p.layout.getRange().load('values,address');
      const body = p.layout.getDataBodyRange().load('address');
      p.layout.load('layoutType');
      await ctx.sync();
      return { values: range.values, address: range.address, body: body.address, layout: p.layout.layoutType };
    });
    expect(opened.values).toEqual(stored);
    expect(opened.address).toBe(`Pivot!${pivot.rendered!.range}`);
    expect(opened.body).toBe(`Pivot!${pivot.rendered!.dataBodyRange}`);
    expect(opened.layout).toBe(pivot.layout);

    const refreshed = await sim.run(async (ctx) => {
      const p = ctx.workbook.pivotTables.getItem(pivot.name);
      p.refresh();
      const range = p.layout.getRange().load('values');
      await ctx.sync();
      return range.values;
    });
    expect(refreshed).toEqual(stored);
  });
});

it('a loaded pivot reports its range source', async () => {
  const { model } = await loadXlsx(salesWorkbook(COMPACT_PIVOT));
  const sim = createSimulator(model);
  const source = await sim.run(async (ctx) => {
    const s = ctx.workbook.pivotTables.getItem('PivotCompact').getDataSourceString();
    await ctx.sync();
    return s.value;
  });
  expect(source).toBe('Data!$A$1:$C$7');
});
