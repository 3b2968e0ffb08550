import type { ColumnTable } from 'arquero';
import type { ColumnSpec, ColumnType } from '../../connectors/types';
import type { CellValue } from '../api';
import { needsTextFormat } from '../text-cells';
import { LandingError } from './land-error';

/** Rows an Excel sheet holds, header included. */
export const EXCEL_MAX_ROWS = 1_048_576;
export const EXCEL_MAX_COLUMNS = 16_384;

/** Number formats the landed columns get; dates are Excel serials shown as dates. */
export const LANDING_FORMATS = {
  text: '@',
  number: 'General',
  boolean: 'General',
  date: 'yyyy-mm-dd',
  dateTime: 'yyyy-mm-dd hh:mm:ss',
} as const;

/** A pulled table turned into the cells of an Excel table, ready to write. */
export interface LandingBlock {
  /** Header names, unique ignoring case (Excel tables require it), never empty. */
  header: string[];
  types: ColumnType[];
  /** One number format per column. */
  formats: string[];
  /** Body rows: numbers, booleans, strings; "" for a blank. */
  rows: CellValue[][];
}

/**
 * Turns typed columns into Excel cells, entirely in memory, before Excel is touched: numbers stay
 * numbers (NaN/±Infinity become blanks, which Excel cannot hold), dates stay Excel serials with a
 * date format (with time when any value has one), booleans stay booleans, text is written under
 * the text format "@" so "00123" or "=1+1" arrive as typed. Refuses more rows than a sheet holds,
 * with the advice to keep the data out of the sheet.
 *
 * @example
 *   const block = landingBlock(aq.table({ d: [45000] }), [{ name: 'd', type: 'date', blanks: 0 }]);
 *   block.formats // ['yyyy-mm-dd']
 */
export function landingBlock(table: ColumnTable, columns: readonly ColumnSpec[]): LandingBlock {
  const rowCount = table.numRows();
  if (rowCount + 1 > EXCEL_MAX_ROWS) {
    throw new LandingError('tooManyRows',
      `This data has ${rowCount.toLocaleString('en-US')} rows, more than an Excel sheet can hold (${(EXCEL_MAX_ROWS - 1).toLocaleString('en-US')} below the header). Nothing was written. Keep the data out of the sheet and feed queries from it directly ("Don't land raw rows"); a query's summary fits easily.`);
  }
  if (columns.length > EXCEL_MAX_COLUMNS) {
    throw new LandingError('tooManyColumns', `This data has ${columns.length.toLocaleString('en-US')} columns; an Excel sheet holds ${EXCEL_MAX_COLUMNS.toLocaleString('en-US')}. Nothing was written. Choose fewer columns.`);
  }
  const header = uniqueHeader(columns.map((c) => c.name));
  const arrays = columns.map((c) => table.array(c.name) as ArrayLike<unknown>);
  const types = columns.map((c) => c.type);
  const formats = columns.map((c, i) => (c.type === 'date' ? (hasTime(arrays[i]!) ? LANDING_FORMATS.dateTime : LANDING_FORMATS.date) : LANDING_FORMATS[c.type]));
  const rows: CellValue[][] = new Array(rowCount);
  for (let r = 0; r < rowCount; r++) {
    const row: CellValue[] = new Array(columns.length);
    for (let c = 0; c < columns.length; c++) row[c] = cellOf(arrays[c]![r], types[c]!);
    rows[r] = row;
  }
  // A stray string in a number or date column ("=1+1", "+44 20 7946") would be parsed by Excel:
  // such a column is written under the text format too (numbers there stay numbers).
  for (let c = 0; c < columns.length; c++) {
    if (formats[c] === LANDING_FORMATS.text) continue;
    for (let r = 0; r < rowCount; r++) {
      if (needsTextFormat(rows[r]![c])) { formats[c] = LANDING_FORMATS.text; break; }
    }
  }
  return { header, types, formats, rows };
}

function cellOf(value: unknown, type: ColumnType): CellValue {
  if (value === null || value === undefined) return '';
  if (type === 'text') return String(value);
  if (typeof value === 'number') return Number.isFinite(value) ? value : '';
  if (typeof value === 'boolean') return value;
  if (value instanceof Date) return Number.isFinite(value.getTime()) ? value.getTime() / 86_400_000 + 25_569 : '';
  // A value the connector could not type (e.g. a stray string in a number column) lands as text.
  return String(value);
}

function hasTime(values: ArrayLike<unknown>): boolean {
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v === 'number' && Number.isFinite(v) && v !== Math.floor(v)) return true;
  }
  return false;
}

/** Excel table headers must be non-empty and unique ignoring case: "a", "A" → "a", "A2". */
function uniqueHeader(names: readonly string[]): string[] {
  const seen = new Set<string>();
  return names.map((raw, i) => {
    const base = raw.trim() === '' ? `Column${i + 1}` : raw;
    let name = base;
    for (let n = 2; seen.has(name.toLowerCase()); n++) name = `${base}${n}`;
    seen.add(name.toLowerCase());
    return name;
  });
}
