import type { RelativeDateFilter } from '../spec/filters';
import { partsToSerial, serialToParts } from '../values/serial-date';

/**
 * The serial range [start, end) a relative-date filter keeps. Computed once
 * from the spec's `today`, so the SQL form is two constants.
 * @example relativeDateRange({ kind: 'relativeDate', field: 'd', unit: 'month', last: 3, today: partsToSerial(2024, 5, 17) })
 *   // { start: partsToSerial(2024, 3, 1), end: partsToSerial(2024, 6, 1) }
 */
export function relativeDateRange(f: RelativeDateFilter): { start: number; end: number } {
  const today = Math.floor(f.today);
  const current = f.includeCurrent ?? true;
  if (f.unit === 'day') return current ? { start: today - f.last + 1, end: today + 1 } : { start: today - f.last, end: today };
  const parts = serialToParts(today)!;
  if (f.unit === 'year') {
    const endYear = current ? parts.year + 1 : parts.year;
    return { start: partsToSerial(endYear - f.last, 1, 1), end: partsToSerial(endYear, 1, 1) };
  }
  // Months counted from year 0 so subtraction can cross years.
  const endMonth = parts.year * 12 + (parts.month - 1) + (current ? 1 : 0);
  const first = (m: number) => partsToSerial(Math.floor(m / 12), (m % 12) + 1, 1);
  return { start: first(endMonth - f.last), end: first(endMonth) };
}
