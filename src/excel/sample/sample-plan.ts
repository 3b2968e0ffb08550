/**
 * The plan for "Try it on sample data": a small sales table and a PivotTable over it, placed on a
 * new sheet of the user's own workbook. Pure: names, addresses, values and formats are decided
 * here from what the workbook already holds; `insertSample` only carries the plan out.
 *
 * The rows are the same 160 orders as the public sample files (assets/sample-data/sales.json),
 * so what a user sees in the pane matches the reviewer notes and the sample workbook.
 */
import { freshSheetName } from '../../dashboards/names';
import type { CellValue } from '../api';
import { columnName } from '../../engine/address';
import salesJson from '../../../assets/sample-data/sales.json';

/** A data set as columns and rows; dates are ISO "yyyy-mm-dd" strings. */
export interface SampleData {
  columns: readonly string[];
  rows: ReadonlyArray<ReadonlyArray<string | number>>;
}

export interface SampleInsertPlan {
  /** A new sheet, named so it clashes with no existing sheet. */
  sheet: string;
  table: {
    /** Unique among the workbook's tables and names (Excel requires both). */
    name: string;
    /** Header and rows, e.g. "A1:H161". */
    address: string;
    header: string[];
    /** Dates already as Excel serial numbers. */
    rows: CellValue[][];
    /** One number format per column: "@" keeps text as text (a leading "=" is data, never a formula). */
    columnFormats: string[];
  };
  pivot: {
    name: string;
    /** Top-left cell of the PivotTable, on the same sheet, two columns right of the table. */
    anchor: string;
    rows: string[];
    values: Array<{ field: string; numberFormat: string }>;
  };
}

/** What the workbook already holds; names compare without case, as Excel's do. */
export interface ExistingNames {
  sheets: readonly string[];
  /** Table names and defined names: a new table may clash with neither. */
  tablesAndNames: readonly string[];
  /**
   * PivotTable names in the whole workbook. Excel only needs them unique per sheet, but a name
   * used once is one the user (and `workbook.pivotTables.getItem`) can find without ambiguity.
   */
  pivots?: readonly string[];
}

export const SAMPLE_SHEET = 'PivotDeck sample';
export const SAMPLE_TABLE = 'SampleSales';
export const SAMPLE_PIVOT = 'SamplePivot';

const DATE_FORMAT = 'yyyy-mm-dd';
const MONEY_FORMAT = '#,##0.00';
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The 160 sample orders shipped with PivotDeck. */
export const SAMPLE_DATA: SampleData = salesJson as SampleData;

/** Excel serial of a calendar date (1900 system; valid from 1900-03-01). */
function serialOf(iso: string): number {
  const m = ISO_DATE.exec(iso);
  if (!m) throw new Error(`"${iso}" is not a yyyy-mm-dd date`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 86_400_000 + 25_569;
}

/** `wanted`, or `wanted2`, `wanted3`… whichever is not taken yet. */
function freshName(taken: readonly string[], wanted: string): string {
  const lower = new Set(taken.map((t) => t.toLowerCase()));
  if (!lower.has(wanted.toLowerCase())) return wanted;
  for (let n = 2; ; n++) if (!lower.has(`${wanted}${n}`.toLowerCase())) return `${wanted}${n}`;
}

/** How a column is written: a date column holds only ISO dates, a number column only numbers. */
function columnKind(rows: SampleData['rows'], c: number): 'date' | 'number' | 'text' {
  if (rows.length > 0 && rows.every((r) => typeof r[c] === 'string' && ISO_DATE.test(r[c] as string))) return 'date';
  if (rows.length > 0 && rows.every((r) => typeof r[c] === 'number')) return 'number';
  return 'text';
}

/**
 * Plans the sample table and its PivotTable (Region on rows, Sum of Revenue) on a new sheet.
 *
 * @example
 * const plan = planSampleInsert({ sheets: ['Sheet1'], tablesAndNames: [] });
 * // plan.sheet === 'PivotDeck sample', plan.table.address === 'A1:H161', plan.pivot.anchor === 'J1'
 */
export function planSampleInsert(existing: ExistingNames, data: SampleData = SAMPLE_DATA): SampleInsertPlan {
  const region = data.columns.indexOf('Region');
  const revenue = data.columns.indexOf('Revenue');
  if (region < 0 || revenue < 0) throw new Error('The sample data needs a Region and a Revenue column.');
  const kinds = data.columns.map((_, c) => columnKind(data.rows, c));
  const rows = data.rows.map((r) => r.map((v, c) => (kinds[c] === 'date' ? serialOf(v as string) : v)));
  const columnFormats = kinds.map((k, c) => {
    if (k === 'date') return DATE_FORMAT;
    if (k === 'text') return '@';
    return data.rows.every((r) => Number.isInteger(r[c])) ? '0' : MONEY_FORMAT;
  });
  const lastColumn = columnName(data.columns.length - 1);
  return {
    sheet: freshSheetName(existing.sheets, SAMPLE_SHEET),
    table: {
      name: freshName(existing.tablesAndNames, SAMPLE_TABLE),
      address: `A1:${lastColumn}${data.rows.length + 1}`,
      header: [...data.columns],
      rows,
      columnFormats,
    },
    pivot: {
      name: freshName(existing.pivots ?? [], SAMPLE_PIVOT),
      anchor: `${columnName(data.columns.length + 1)}1`,
      rows: [data.columns[region]],
      values: [{ field: data.columns[revenue], numberFormat: MONEY_FORMAT }],
    },
  };
}
