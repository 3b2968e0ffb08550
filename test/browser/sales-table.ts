/**
 * What browser tests compare the pane's numbers with: the workbench's Sales table as the
 * simulator holds it, and Excel's PERCENTILE.INC (MEDIAN is p = 0.5) by its definition. Plain
 * code, independent of the engine under test.
 */
import type { Page } from 'playwright-core';

/** One cell as Range.values gives it ('' for a blank). */
export type Cell = string | number | boolean;

/** Header and data rows of the workbench's Sales table, read through the simulator. */
export async function readSalesTable(page: Page): Promise<{ headers: string[]; rows: Cell[][] }> {
  return page.evaluate(async () => {
    const sim = window.__pivotdeck!.sim;
    return sim.run(async (ctx) => {
      const t = ctx.workbook.tables.getItem('Sales');
      const head = t.getHeaderRowRange().load('values');
      const body = t.getDataBodyRange().load('values');
      await ctx.sync();
      return { headers: head.values[0] as string[], rows: body.values as Array<Array<string | number | boolean>> };
    });
  });
}

/**
 * Excel's PERCENTILE.INC: sort, then interpolate at (n − 1) · p.
 * @example percentileInc([1, 2, 3, 4], 0.5) // 2.5
 */
export function percentileInc(numbers: number[], p: number): number {
  const xs = [...numbers].sort((a, b) => a - b);
  const at = (xs.length - 1) * p;
  const lo = Math.floor(at);
  return lo + 1 < xs.length ? xs[lo]! + (at - lo) * (xs[lo + 1]! - xs[lo]!) : xs[lo]!;
}
