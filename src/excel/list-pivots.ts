import type { ExcelRun, XClientResult, XPivotTable, XRequestContext } from './api';
import { explainExcelError } from './errors';
import type { PivotInfo, PivotSourceInfo } from './workbook-info';

export interface ListPivotsOptions {
  /**
   * Whether the host supports ExcelApi 1.15 (`getDataSourceString`). Pass
   * `host.isSetSupported('ExcelApi', '1.15')`; without it the source is reported as unavailable.
   */
  canReadDataSource: boolean;
}

/** Shown instead of a pivot's source on hosts older than ExcelApi 1.15. */
export const SOURCE_NEEDS_1_15 = 'needs Microsoft 365, Excel 2024 or Excel on the web (ExcelApi 1.15)';

const PIVOT_LOAD = [
  'items/name',
  'items/worksheet/name',
  'items/layout/layoutType',
  'items/rowHierarchies/items/name',
  'items/columnHierarchies/items/name',
  'items/filterHierarchies/items/name',
  'items/dataHierarchies/items/name',
  'items/dataHierarchies/items/summarizeBy',
  'items/dataHierarchies/items/field/name',
].join(', ');

/**
 * Lists every PivotTable with its sheet, fields, value fields and data source.
 *
 * One sync loads all pivots and their hierarchies through load paths; a second sync (only with
 * ExcelApi 1.15 and at least one pivot) fetches every data source string at once. If that
 * batch fails (a Data Model pivot can refuse), each pivot is asked alone so one bad pivot does
 * not hide the others' sources.
 *
 * @example
 * const pivots = await listPivots(host.run, { canReadDataSource: host.isSetSupported('ExcelApi', '1.15') });
 * // [{ name: 'PivotTable1', sheet: 'Summary', rows: ['Region', 'Category'],
 * //    values: [{ name: 'Sum of Revenue', summarizeBy: 'Sum', sourceField: 'Revenue' }], ... }]
 */
export async function listPivots(run: ExcelRun, options: ListPivotsOptions): Promise<PivotInfo[]> {
  return run(async (context) => {
    const pivots = context.workbook.pivotTables;
    pivots.load(PIVOT_LOAD);
    await context.sync();

    const items = pivots.items;
    const sources: PivotSourceInfo[] = options.canReadDataSource
      ? await readSources(context, items)
      : items.map(() => ({ kind: 'unavailable', reason: SOURCE_NEEDS_1_15 }));

    return items.map((pivot, i) => ({
      name: pivot.name,
      sheet: pivot.worksheet.name,
      source: sources[i],
      rows: pivot.rowHierarchies.items.map((h) => h.name),
      columns: pivot.columnHierarchies.items.map((h) => h.name),
      filters: pivot.filterHierarchies.items.map((h) => h.name),
      values: pivot.dataHierarchies.items.map((h) => ({
        name: h.name,
        sourceField: h.field.name,
        summarizeBy: h.summarizeBy,
      })),
      layout: pivot.layout.layoutType,
    }));
  });
}

async function readSources(context: XRequestContext, items: XPivotTable[]): Promise<PivotSourceInfo[]> {
  if (items.length === 0) return [];
  const results = items.map((pivot) => ({ text: pivot.getDataSourceString(), type: pivot.getDataSourceType() }));
  try {
    await context.sync();
    return results.map(({ text, type }) => ({ kind: 'known', text: text.value, type: type.value }));
  } catch {
    return readSourcesOneByOne(context, items);
  }
}

/** Error path only: isolates the pivot(s) whose source Excel refuses to describe. */
async function readSourcesOneByOne(context: XRequestContext, items: XPivotTable[]): Promise<PivotSourceInfo[]> {
  const out: PivotSourceInfo[] = [];
  for (const pivot of items) {
    const text: XClientResult<string> = pivot.getDataSourceString();
    try {
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- only after the batched sync failed, to find which pivot fails
      await context.sync();
      out.push({ kind: 'known', text: text.value });
    } catch (error) {
      out.push({ kind: 'error', reason: explainExcelError(error, `read the source of "${pivot.name}"`) });
    }
  }
  return out;
}
