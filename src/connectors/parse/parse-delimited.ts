/**
 * Delimited text (CSV, TSV, semicolon, pipe) → typed columns, in one streaming pass over d3-dsv's
 * rows: the first rows decide the header and each column's type, then every later cell is
 * converted as it is parsed, so no array of rows is ever kept. If a later cell does not fit its
 * column's guessed type, that column is read again as text in a second pass (rare, and correct:
 * we never turn numbers back into strings and lose their original spelling).
 */
import { dsvFormat, type DSV } from 'd3-dsv';
import { SourceError } from '../errors';
import { throwIfCancelled } from '../http/signals';
import type { ColumnSpec, ColumnType, PullWarning } from '../types';
import { parseBooleanText, parseIsoDate, parseNumberText, parseSlashDate, type DateOrder } from './cell-text';
import { columnNames } from './column-names';
import { detectDelimiter } from './detect-delimiter';
import { inferTextPlan, type TextPlan } from './infer-text-type';
import { emptyRecord, ownValue } from './own-keys';

export interface DelimitedOptions {
  /** Force a delimiter; otherwise detected (with `delimiterHint` from the URL or content type). */
  delimiter?: string;
  delimiterHint?: string;
  /** Is the first row a header? 'auto' (default) decides from the types. */
  header?: boolean | 'auto';
  /** Slash dates that fit both orders are read this way (default month first). */
  dateOrder?: DateOrder;
  /** Types chosen by the user, by column name; cells that do not convert become blank. */
  types?: Record<string, ColumnType>;
  maxRows?: number;
  signal?: AbortSignal;
  onRows?: (rows: number) => void;
  /**
   * Number and date columns with blanks stay Float64Array, NaN for a blank (instead of an array
   * with null): what a worker transfers without visiting a cell (parse-csv-body.ts).
   */
  blanksAsNaN?: boolean;
}

export type ColumnData = Float64Array | (number | null)[] | (string | null)[] | (boolean | null)[];

export interface TypedColumns {
  columns: ColumnSpec[];
  data: Record<string, ColumnData>;
  rowCount: number;
  warnings: PullWarning[];
  delimiter: string;
  header: boolean;
}

const SAMPLE_ROWS = 1000;
const K_TEXT = 0;
const K_NUMBER = 1;
const K_ISO = 2;
const K_MDY = 3;
const K_DMY = 4;
const K_BOOL = 5;

/**
 * Parse delimited text into typed columns.
 * @example parseDelimited('a,b\n1,x\n2,y').columns // [{ name: 'a', type: 'number', blanks: 0 }, { name: 'b', type: 'text', blanks: 0 }]
 */
export function parseDelimited(text: string, options: DelimitedOptions = {}): TypedColumns {
  const delimiter = options.delimiter ?? detectDelimiter(text.slice(0, 65_536), options.delimiterHint);
  const format = dsvFormat(delimiter);
  let asText = new Set<number>();
  for (;;) {
    const pass = runPass(text, format, options, asText);
    if (pass.demoted.size === 0) return { ...pass.result, delimiter };
    asText = new Set([...asText, ...pass.demoted]);
  }
}

function kindOf(plan: TextPlan): number {
  if (plan.type === 'number') return K_NUMBER;
  if (plan.type === 'boolean') return K_BOOL;
  if (plan.type === 'date') return plan.date === 'iso' ? K_ISO : plan.date === 'dmy' ? K_DMY : K_MDY;
  return K_TEXT;
}

function typeOfKind(kind: number): ColumnType {
  return kind === K_NUMBER ? 'number' : kind === K_BOOL ? 'boolean' : kind === K_TEXT ? 'text' : 'date';
}

/** Read one cell under a column kind: number (NaN = does not fit), boolean, or the text itself. */
function readCell(kind: number, v: string): number | boolean | null {
  switch (kind) {
    case K_NUMBER:
      return parseNumberText(v);
    case K_ISO:
      return parseIsoDate(v);
    case K_MDY:
      return parseSlashDate(v, 'mdy');
    case K_DMY:
      return parseSlashDate(v, 'dmy');
    case K_BOOL:
      return parseBooleanText(v);
    default:
      return null;
  }
}

function runPass(text: string, format: DSV, options: DelimitedOptions, asText: Set<number>) {
  const maxRows = options.maxRows ?? Infinity;
  const sample: string[][] = [];
  let planned = false;
  let width = 0;
  let names: string[] = [];
  let header = false;
  let kinds = new Int8Array(0);
  let userTyped: boolean[] = [];
  let numeric: Float64Array[] = [];
  let other: (string | boolean | null)[][] = [];
  let blanks = new Int32Array(0);
  let invalid = new Int32Array(0);
  let capacity = 0;
  let rowCount = 0;
  let sampledChars = 0;
  const demoted = new Set<number>();
  const ragged: number[] = [];
  let raggedCount = 0;
  const ambiguous: string[] = [];
  let renamed = false;
  let lastRow: string[] | undefined;
  let lastIndex = -1;

  const plan = () => {
    planned = true;
    width = sample.reduce((w, r) => Math.max(w, r.length), 0);
    const body = (skipFirst: boolean) => (skipFirst ? sample.slice(1) : sample);
    const plansFor = (rows: string[][]) =>
      Array.from({ length: width }, (_, j) => inferTextPlan(rows.map((r) => r[j] ?? ''), options.dateOrder));
    if (options.header === true || options.header === false) header = options.header;
    else {
      const plans = plansFor(body(true));
      const first = sample[0] ?? [];
      const typed = plans.some((p) => p.type !== 'text');
      const firstFits = plans.every((p, j) => {
        const v = first[j] ?? '';
        if (p.type === 'text' || v === '') return true;
        const x = readCell(kindOf(p), v);
        return typeof x === 'boolean' || (typeof x === 'number' && x === x);
      });
      header = sample.length === 1 || !(typed && firstFits);
    }
    // The header row, not the widest ragged row, says how many columns there are.
    if (header && sample[0]) width = sample[0].length;
    const plans = plansFor(body(header));
    const named = columnNames(header ? Array.from({ length: width }, (_, j) => sample[0]?.[j]) : Array.from({ length: width }, () => ''));
    names = named.names;
    renamed = named.renamed;
    kinds = new Int8Array(width);
    userTyped = new Array(width).fill(false);
    for (let j = 0; j < width; j++) {
      const chosen = ownValue(options.types, names[j]!);
      if (chosen) {
        userTyped[j] = true;
        kinds[j] = chosen === 'date' ? (plans[j]!.date === 'dmy' ? K_DMY : plans[j]!.date === 'mdy' ? K_MDY : K_ISO) : kindOf({ type: chosen });
      } else kinds[j] = asText.has(j) ? K_TEXT : kindOf(plans[j]!);
      if (!userTyped[j] && plans[j]!.ambiguous && kinds[j] !== K_TEXT) ambiguous.push(names[j]!);
    }
    const dataRows = sample.length - (header ? 1 : 0);
    const avg = dataRows > 0 ? sampledChars / sample.length : 64;
    capacity = Math.max(16, Math.ceil((text.length / Math.max(1, avg)) * 1.05) + 16);
    numeric = Array.from({ length: width }, (_, j) => (isNumericKind(kinds[j]!) ? new Float64Array(capacity) : new Float64Array(0)));
    other = Array.from({ length: width }, () => []);
    blanks = new Int32Array(width);
    invalid = new Int32Array(width);
    sample.forEach((row, i) => {
      if (!(header && i === 0)) push(row, i);
    });
    sample.length = 0;
  };

  const grow = () => {
    capacity = Math.ceil(capacity * 1.5) + 16;
    numeric = numeric.map((col, j) => {
      if (!isNumericKind(kinds[j]!)) return col;
      const bigger = new Float64Array(capacity);
      bigger.set(col);
      return bigger;
    });
  };

  const push = (row: string[], index: number) => {
    if (row.length === 1 && row[0] === '' && width > 0) return; // blank line
    if (row.length !== width) {
      raggedCount++;
      if (ragged.length < 5) ragged.push(index);
    }
    if (rowCount >= maxRows) {
      throw new SourceError('tooManyRows', `This file has more than ${maxRows.toLocaleString('en-US')} rows, the most this pull allows. Filter it at the source, or keep it out of the sheet and feed a query instead.`);
    }
    if (rowCount >= capacity) grow();
    const r = rowCount++;
    for (let j = 0; j < width; j++) {
      const v = row[j] ?? '';
      const kind = kinds[j]!;
      if (kind === K_TEXT) {
        if (v === '') {
          other[j]!.push(null);
          blanks[j]!++;
        } else other[j]!.push(v);
        continue;
      }
      if (v === '') {
        blanks[j]!++;
        if (kind === K_BOOL) other[j]!.push(null);
        else numeric[j]![r] = NaN;
        continue;
      }
      if (kind === K_BOOL) {
        const b = parseBooleanText(v);
        if (b === null) miss(j);
        other[j]!.push(b);
        continue;
      }
      const x = readCell(kind, v) as number;
      if (x !== x) miss(j);
      numeric[j]![r] = x;
    }
    if ((rowCount & 0xffff) === 0) {
      throwIfCancelled(options.signal);
      options.onRows?.(rowCount);
    }
  };

  const miss = (j: number) => {
    if (userTyped[j]) invalid[j]!++;
    else demoted.add(j);
  };

  format.parseRows(text, (row, index) => {
    lastRow = row;
    lastIndex = index;
    if (planned) push(row, index);
    else {
      sample.push(row);
      for (const cell of row) sampledChars += cell.length + 1;
      if (sample.length >= SAMPLE_ROWS + 1) plan();
    }
    return null;
  });
  if (!planned) plan();

  if (lastRow && (lastRow.length < width || lastRow.some((cell) => cell.includes('\n'))) && oddQuotes(text)) {
    const [line] = lineNumbers(text, format, [lastIndex]);
    throw new SourceError(
      'malformed',
      `The file ends inside a quoted value that starts on line ${line}: a closing quote (") is missing, or the download was cut short. Fix the file or refresh again.`,
      { line },
    );
  }

  const warnings: PullWarning[] = [];
  if (raggedCount > 0) {
    const lines = lineNumbers(text, format, ragged);
    warnings.push({
      code: 'raggedRows',
      message: `${raggedCount.toLocaleString('en-US')} row${raggedCount === 1 ? ' has' : 's have'} a different number of values than the header (${width}), first on line${lines.length > 1 ? 's' : ''} ${lines.join(', ')}. Missing values were left blank and extra values dropped.`,
    });
  }
  if (ambiguous.length > 0) {
    warnings.push({
      code: 'ambiguousDates',
      message: `Dates in ${ambiguous.join(', ')} could be day-first or month-first; PivotDeck read them ${(options.dateOrder ?? 'mdy') === 'mdy' ? 'month first (3/4 = March 4)' : 'day first (3/4 = 3 April)'}. Change the date order if that is wrong.`,
    });
  }
  if (renamed) warnings.push({ code: 'duplicateColumns', message: 'Some header cells were blank or repeated; PivotDeck named them so each column is unique.' });
  invalid.forEach((count, j) => {
    if (count > 0) {
      warnings.push({
        code: 'precisionLoss',
        message: `${count.toLocaleString('en-US')} value${count === 1 ? '' : 's'} in ${names[j]} could not be read as ${typeOfKind(kinds[j]!)} and were left blank.`,
      });
    }
  });

  const data = emptyRecord<ColumnData>();
  const columns: ColumnSpec[] = [];
  for (let j = 0; j < width; j++) {
    const kind = kinds[j]!;
    const name = names[j]!;
    const missing = blanks[j]! + invalid[j]!;
    if (isNumericKind(kind)) {
      const col = numeric[j]!.subarray(0, rowCount);
      if (missing > 0 && !options.blanksAsNaN) data[name] = Array.from(col, (x) => (x === x ? x : null));
      else data[name] = capacity - rowCount > 1024 ? col.slice() : col;
    } else data[name] = other[j] as ColumnData;
    columns.push({ name, type: typeOfKind(kind), blanks: missing });
  }
  return { demoted, result: { columns, data, rowCount, warnings, header } };
}

/** An odd number of quote characters means a quoted value was never closed. */
function oddQuotes(text: string): boolean {
  let count = 0;
  for (let i = text.indexOf('"'); i !== -1; i = text.indexOf('"', i + 1)) count++;
  return count % 2 === 1;
}

function isNumericKind(kind: number): boolean {
  return kind === K_NUMBER || kind === K_ISO || kind === K_MDY || kind === K_DMY;
}

/**
 * 1-based line numbers where the given rows start (quoted values may span lines).
 * @example lineNumbers('a\n"x\ny"\nz', dsvFormat(','), [2]) // [4]
 */
export function lineNumbers(text: string, format: DSV, rowIndexes: readonly number[]): number[] {
  const wanted = new Set(rowIndexes);
  const found = new Map<number, number>();
  let line = 1;
  format.parseRows(text, (row, index) => {
    if (wanted.has(index)) found.set(index, line);
    line += 1;
    for (const cell of row) for (let i = cell.indexOf('\n'); i !== -1; i = cell.indexOf('\n', i + 1)) line++;
    return null;
  });
  return rowIndexes.map((i) => found.get(i) ?? line);
}
