/**
 * Wording of the pane's lists, as pure functions so tests can pin it down and the workbench's
 * browser tests can rely on it.
 */
import type { PivotInfo, PivotValueField, TableInfo } from '../excel/workbook-info';

const count = new Intl.NumberFormat('en-US');

/** "1 row", "20,000 rows". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${count.format(n)} ${n === 1 ? one : many}`;
}

/**
 * @example tableSize({ rowCount: 20000, columnCount: 11 }) // '20,000 rows × 11 columns'
 */
export function tableSize(table: Pick<TableInfo, 'rowCount' | 'columnCount'>): string {
  return `${plural(table.rowCount, 'row')} × ${plural(table.columnCount, 'column')}`;
}

/**
 * @example valueFieldLabel({ name: 'Sum of Revenue', summarizeBy: 'Sum' }) // 'Sum of Revenue (Sum)'
 */
export function valueFieldLabel(field: PivotValueField): string {
  return `${field.name} (${summarizeByLabel(field.summarizeBy)})`;
}

const SUMMARIZE_LABELS: Record<string, string> = {
  CountNumbers: 'Count Numbers',
  StandardDeviation: 'StdDev',
  StandardDeviationP: 'StdDevP',
  Variance: 'Var',
  VarianceP: 'VarP',
};

/** Excel's own captions for summarizeBy values ("StandardDeviation" → "StdDev"). */
export function summarizeByLabel(summarizeBy: string): string {
  return SUMMARIZE_LABELS[summarizeBy] ?? summarizeBy;
}

/** The source line of a pivot card. */
export function pivotSourceText(pivot: Pick<PivotInfo, 'source'>): string {
  const { source } = pivot;
  if (source.kind === 'known') return source.text;
  return source.reason;
}

/** "Region, Category" or "none". */
export function fieldList(fields: string[]): string {
  return fields.length > 0 ? fields.join(', ') : 'none';
}

/** Caption above a preview: "First 50 of 20,000 rows" or "All 12 rows". */
export function previewCaption(shown: number, total: number): string {
  if (total === 0) return 'The table has no data rows yet.';
  return shown >= total ? `All ${plural(total, 'row')}` : `First ${count.format(shown)} of ${plural(total, 'row')}`;
}

export const EMPTY_TABLES = 'This workbook has no tables yet — select your data and press Ctrl+T.';
export const EMPTY_PIVOTS =
  'This workbook has no PivotTables yet — select a table and choose Insert > PivotTable.';
