/**
 * Query outputs refreshed in place, all or nothing: a fault injected at each sync of a refresh,
 * in turn, puts the previous output back (a table exactly, with the user's calculated column and
 * the formulas on it; a grid's values, number formats and name), and a user's formula into the
 * output reads the same as before.
 */
import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../src/excel/api';
import { type OutputBlock, writeQueryOutput } from '../../src/excel/query-output';
import { createSimulator, modelFromRows, type Simulator } from '../../src/simulator';
import type { WorkbookModel } from '../../src/simulator/model';
import { faultyRun } from '../landing/helpers';

function block(layout: 'grid' | 'table', rows: CellValue[][]): OutputBlock {
  const values: CellValue[][] = [['Region', 'Amount'], ...rows];
  return {
    layout, values, rows: values.length, columns: 2, headerRows: 1, columnFormats: ['General', '#,##0.00'],
    boldRows: [], grandTotalRows: layout === 'grid' ? [{ start: values.length - 1, count: 1 }] : [], boldColumns: [], bandRows: [],
  };
}

/** The workbook without what PivotDeck re-applies on the next refresh (cell styles, column widths). */
function content(sim: Simulator): string {
  const model: WorkbookModel = sim.toModel();
  for (const s of model.sheets) {
    delete s.columnWidths;
    for (const c of Object.values(s.cells)) delete c.style;
  }
  return JSON.stringify(model);
}

const FIRST: CellValue[][] = [['Nord', 10], ['=Süd', -0], ['Total', 10]];
const SECOND: CellValue[][] = Array.from({ length: 40 }, (_, i) => [`R${i}`, i * 1.5]);

describe.each(['grid', 'table'] as const)('a query %s refreshed in place', (layout) => {
  async function prepared(): Promise<Simulator> {
    const sim = createSimulator(modelFromRows('Mine', [['']]));
    await writeQueryOutput(sim.run, block(layout, FIRST), { queryId: 'q', target: { kind: 'at', sheet: 'Out', cell: 'B2' } });
    await sim.run(async (ctx) => {
      if (layout === 'table') {
        const t = ctx.workbook.tables.getItem('PivotDeck_q');
        t.columns.add(null, undefined, 'Double');
        t.columns.getItem('Double').getDataBodyRange().formulas = [['=[@Amount]*2']];
        ctx.workbook.worksheets.getItem('Mine').getRange('A1').formulas = [['=SUM(PivotDeck_q[Double])']];
      } else {
        ctx.workbook.worksheets.getItem('Mine').getRange('A1').formulas = [['=SUM(Out!C3:C60)']];
      }
      await ctx.sync();
    });
    return sim;
  }

  it('a fault at each sync, in turn, puts the previous output back', async () => {
    const counting = faultyRun(await prepared(), 0);
    await writeQueryOutput(counting.run, block(layout, SECOND), { queryId: 'q', target: { kind: 'at', sheet: 'Out', cell: 'B2' } });
    const total = counting.syncs();
    expect(total).toBeGreaterThan(2);
    for (let k = 1; k <= total; k++) {
      const sim = await prepared();
      const before = content(sim);
      await expect(writeQueryOutput(faultyRun(sim, k).run, block(layout, SECOND), { queryId: 'q', target: { kind: 'at', sheet: 'Out', cell: 'B2' } })).rejects.toThrow();
      expect(content(sim), `fault at sync ${k} of ${total}`).toBe(before);
    }
  });

  it('a refresh that succeeds keeps the user formula on the output right', async () => {
    const sim = await prepared();
    await writeQueryOutput(sim.run, block(layout, SECOND), { queryId: 'q', target: { kind: 'at', sheet: 'Out', cell: 'B2' } });
    const [[v]] = await sim.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Mine').getRange('A1').load('values');
      await ctx.sync();
      return r.values;
    });
    const sumAmounts = SECOND.reduce((s, r) => s + Number(r[1]), 0);
    expect(v).toBeCloseTo(layout === 'table' ? 2 * sumAmounts : sumAmounts, 9);
    expect(sim.toModel().names.filter((n) => n.name === 'PivotDeck_q').length).toBe(layout === 'grid' ? 1 : 0);
  });
});
