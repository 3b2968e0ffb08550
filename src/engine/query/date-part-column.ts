import type { DerivedField } from '../spec/derived';
import { serialDay, serialIsoWeek, serialMonth, serialQuarter, serialWeekday, serialYear } from '../values/date-parts';

type DatePart = Extract<DerivedField, { kind: 'datePart' }>['part'];

/** The date-part functions the formulas of spec-formulas.ts call (WEEKDAY with type 2). */
const PART_OF: Readonly<Record<DatePart, (serial: number) => number | null>> = {
  year: serialYear,
  quarter: serialQuarter,
  month: serialMonth,
  isoWeek: serialIsoWeek,
  weekday: (s) => serialWeekday(s, 2),
  day: serialDay,
};

/**
 * A date-part derived field computed in one loop, when every cell of its field is a number or
 * blank (the usual date column): the values the formula path gives for
 * `IF(ISBLANK([f]), "", MONTH([f]))` & co. (derivedFormula), without generating and running code
 * per row. Blank cells give "", a serial that is not a date (negative, past 9999, not finite) gives
 * #NUM! as MONTH does. Any other cell (text, a logical, an error) returns undefined: Excel's
 * coercions are the formula path's business.
 * @example datePartColumn([45292, '', -1], 'month') // [1, '', '#NUM!']
 * @example datePartColumn(['2024-01-01'], 'month') // undefined
 */
export function datePartColumn(values: ArrayLike<unknown>, part: DatePart): Array<number | string> | undefined {
  const fn = PART_OF[part];
  const n = values.length;
  const out = new Array<number | string>(n);
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (typeof v === 'number') {
      const r = Number.isFinite(v) ? fn(v) : null;
      out[i] = r == null ? '#NUM!' : r;
    } else if (v == null || v === '') out[i] = '';
    else return undefined;
  }
  return out;
}
