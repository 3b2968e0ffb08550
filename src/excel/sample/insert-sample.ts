/**
 * Carries out a sample plan in the user's workbook through the Excel API subset (src/excel/api),
 * so it runs the same in Excel and in the simulator: a new sheet, the table, a PivotTable over it.
 */
import type { ExcelRun } from '../api';
import { planSampleInsert, type SampleData, SAMPLE_DATA, type SampleInsertPlan } from './sample-plan';

/** What was inserted, for the pane to point the user at (e.g. preselect the pivot to extend). */
export interface SampleInserted {
  sheet: string;
  table: string;
  pivot: string;
  syncs: number;
}

/**
 * Inserts the sample table and its PivotTable on a new sheet and shows that sheet. Two syncs:
 * one to read the names in use, one to write. Nothing of the user's is touched: the sheet is new
 * and every name is fresh.
 *
 * @example
 * const inserted = await insertSample(host.run);
 * // { sheet: 'PivotDeck sample', table: 'SampleSales', pivot: 'SamplePivot', syncs: 2 }
 */
export async function insertSample(run: ExcelRun, data: SampleData = SAMPLE_DATA): Promise<SampleInserted> {
  return run(async (context) => {
    const wb = context.workbook;
    const sheets = wb.worksheets.load('items/name');
    const tables = wb.tables.load('items/name');
    const names = wb.names.load('items/name');
    const pivots = wb.pivotTables.load('items/name');
    await context.sync();
    const plan: SampleInsertPlan = planSampleInsert({
      sheets: sheets.items.map((s) => s.name),
      tablesAndNames: [...tables.items.map((t) => t.name), ...names.items.map((n) => n.name)],
      pivots: pivots.items.map((x) => x.name),
    }, data);

    const sheet = wb.worksheets.add(plan.sheet);
    const { table: t, pivot: p } = plan;
    const whole = sheet.getRange(t.address);
    // Formats first: a text cell formatted "@" keeps "=..." as text when the values arrive.
    sheet.getRangeByIndexes(0, 0, 1, t.header.length).numberFormat = [t.header.map(() => '@')];
    t.columnFormats.forEach((format, c) => {
      sheet.getRangeByIndexes(1, c, t.rows.length, 1).numberFormat = t.rows.map(() => [format]);
    });
    whole.values = [t.header, ...t.rows];
    const table = wb.tables.add(whole, true);
    table.name = t.name;
    const pivot = wb.pivotTables.add(p.name, table, sheet.getRange(p.anchor));
    for (const field of p.rows) pivot.rowHierarchies.add(pivot.hierarchies.getItem(field));
    for (const v of p.values) {
      const data = pivot.dataHierarchies.add(pivot.hierarchies.getItem(v.field));
      data.numberFormat = v.numberFormat;
    }
    sheet.activate();
    await context.sync();
    return { sheet: plan.sheet, table: t.name, pivot: p.name, syncs: 2 };
  });
}
