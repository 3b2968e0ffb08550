import * as aq from 'arquero';
import type { ColumnSpec } from '../../src/connectors/types';
import type { CellValue, ExcelRun, XRequestContext } from '../../src/excel/api';
import { createSimulator, modelFromRows, type Simulator } from '../../src/simulator';

export type Sim = Simulator;

/** A simulator with one sheet "Sheet1" holding `rows` from A1 (empty by default). */
export function emptySim(rows: CellValue[][] = [['']]): Sim {
  return createSimulator(modelFromRows('Sheet1', rows));
}

/** Typed columns from plain arrays (what a connector hands over), with specs. */
export function pulled(columns: Record<string, { type: ColumnSpec['type']; values: unknown[] }>) {
  const table = aq.table(Object.fromEntries(Object.entries(columns).map(([name, c]) => [name, c.values])));
  const specs: ColumnSpec[] = Object.entries(columns).map(([name, c]) => ({ name, type: c.type, blanks: c.values.filter((v) => v === null).length }));
  return { table, columns: specs };
}

/**
 * An ExcelRun over `sim` whose `failOnSync`-th sync (counted over all runs, 1-based) fails the
 * way Excel fails a batch halfway: the operations queued before still run, then one that cannot
 * (a load of a sheet that does not exist) rejects the sync with ItemNotFound. Excel does not roll
 * back, so this leaves the workbook half-written, as a real mid-write failure would.
 */
export function faultyRun(sim: Sim, failOnSync: number): { run: ExcelRun; syncs: () => number } {
  let count = 0;
  const run: ExcelRun = (batch) => sim.run((ctx) => {
    const wrapped: XRequestContext = {
      workbook: ctx.workbook,
      sync: () => {
        count++;
        if (count === failOnSync) ctx.workbook.worksheets.getItem('No such sheet (injected fault)').load('name');
        return ctx.sync();
      },
    };
    return batch(wrapped);
  });
  return { run, syncs: () => count };
}

/** Cell values of a table (header + body) read through the API, as a user would see them. */
export async function tableValues(sim: Sim, table: string): Promise<{ values: CellValue[][]; formats: string[][]; address: string }> {
  return sim.run(async (ctx) => {
    const r = ctx.workbook.tables.getItem(table).getRange().load('values, numberFormat, address');
    await ctx.sync();
    return { values: r.values, formats: r.numberFormat as string[][], address: r.address };
  });
}

/** A JSON snapshot of the whole workbook: equal snapshots mean nothing changed. */
export const snapshot = (sim: Sim): string => JSON.stringify(sim.toModel());
