import { dateToSerial } from '../../engine';
import type { ColumnType } from '../types';
import { parseIsoDate } from './cell-text';
import type { ColumnData } from './parse-delimited';

export interface TypedColumn {
  type: ColumnType;
  data: ColumnData;
  blanks: number;
  /** Whole numbers beyond 2^53 that could not be kept exactly. */
  inexact: number;
}

const SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * Values that already carry types (JSON, Parquet, Arrow) → one typed column. A column is a number,
 * boolean or date column only when every non-blank value is one; ISO date strings count as dates;
 * anything mixed becomes text. Dates become Excel serials (UTC wall clock); blanks become null.
 * @example valuesToColumn([1, null, 2.5]) // { type: 'number', data: [1, null, 2.5], blanks: 1, inexact: 0 }
 * @example valuesToColumn(['2024-01-01']).data // Float64Array [45292]
 */
export function valuesToColumn(values: ArrayLike<unknown>, options: { forceType?: ColumnType } = {}): TypedColumn {
  const n = values.length;
  let numbers = 0;
  let booleans = 0;
  let dates = 0;
  let blanks = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v === null || v === undefined || v === '') blanks++;
    else if (typeof v === 'number') {
      if (Number.isFinite(v)) numbers++;
      else blanks++;
    } else if (typeof v === 'bigint') numbers++;
    else if (typeof v === 'boolean') booleans++;
    else if (v instanceof Date) dates++;
    else if (typeof v === 'string' && !Number.isNaN(parseIsoDate(v))) dates++;
  }
  const present = n - blanks;
  const type: ColumnType =
    options.forceType ?? (present === 0 ? 'text' : numbers === present ? 'number' : booleans === present ? 'boolean' : dates === present ? 'date' : 'text');

  let inexact = 0;
  let missing = 0;
  if (type === 'number' || type === 'date') {
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const v = values[i];
      let x = NaN;
      if (typeof v === 'number') x = v;
      else if (typeof v === 'bigint') {
        if (v > SAFE || v < -SAFE) inexact++;
        x = Number(v);
      } else if (v instanceof Date) x = Number.isNaN(v.getTime()) ? NaN : dateToSerial(v);
      else if (typeof v === 'string' && v !== '') x = type === 'date' ? parseIsoDate(v) : Number(v);
      else if (typeof v === 'boolean' && type === 'number') x = v ? 1 : 0;
      if (!Number.isFinite(x)) missing++;
      out[i] = Number.isFinite(x) ? x : NaN;
    }
    const data = missing > 0 ? Array.from(out, (x) => (x === x ? x : null)) : out;
    return { type, data, blanks: missing, inexact };
  }
  if (type === 'boolean') {
    const data = Array.from({ length: n }, (_, i) => {
      const v = values[i];
      const b = typeof v === 'boolean' ? v : typeof v === 'string' && /^(true|false)$/i.test(v) ? v.toLowerCase() === 'true' : null;
      if (b === null) missing++;
      return b;
    });
    return { type, data, blanks: missing, inexact };
  }
  const data = Array.from({ length: n }, (_, i) => {
    const t = asText(values[i]);
    if (t === null) missing++;
    return t;
  });
  return { type, data, blanks: missing, inexact };
}

function asText(v: unknown): string | null {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'string') return v;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.toISOString();
  if (typeof v === 'object') return JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? x.toString() : x));
  return String(v);
}
