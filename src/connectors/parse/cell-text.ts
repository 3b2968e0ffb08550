/**
 * Reading one text cell as a number, date or boolean. These run once per cell of a large CSV, so
 * they test character codes instead of running regular expressions on the common shapes.
 * Each returns NaN (numbers, dates) or null (booleans) when the text is not of that type.
 */
import { partsToSerial } from '../../engine';

/** Day-month order for slash dates such as 03/04/2024. */
export type DateOrder = 'mdy' | 'dmy';

const THOUSANDS = /^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/;

/**
 * A number as a spreadsheet user means it, or NaN. Leading zeros ("02134") stay text because they
 * are identifiers (ZIP codes, account numbers); hex, Infinity and thousands-grouped text with
 * other separators are not numbers.
 * @example parseNumberText('-12.5e3') // -12500
 * @example parseNumberText('1,234.5') // 1234.5
 * @example parseNumberText('02134') // NaN
 */
export function parseNumberText(s: string): number {
  const n = s.length;
  if (n === 0) return NaN;
  const c = s.charCodeAt(0);
  if (!((c >= 48 && c <= 57) || c === 45 || c === 43 || c === 46)) return NaN;
  if (c === 48 && n > 1) {
    const d = s.charCodeAt(1);
    if ((d >= 48 && d <= 57) || d === 120 || d === 88 || d === 98 || d === 66 || d === 111 || d === 79) return NaN;
  }
  const v = +s;
  if (v === v) return Number.isFinite(v) && s.charCodeAt(n - 1) !== 32 ? v : NaN;
  return THOUSANDS.test(s) ? +s.replaceAll(',', '') : NaN;
}

const digit = (s: string, i: number) => {
  const d = s.charCodeAt(i) - 48;
  return d >= 0 && d <= 9 ? d : -1000;
};
const two = (s: string, i: number) => digit(s, i) * 10 + digit(s, i + 1);

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function serialOf(y: number, mo: number, d: number, h: number, mi: number, sec: number, ms: number, offsetMin: number): number {
  if (y < 1900 || y > 9999 || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return NaN;
  if (h < 0 || h > 23 || mi < 0 || mi > 59 || sec < 0 || sec > 59) return NaN;
  const serial = partsToSerial(y, mo, d, h, mi, sec, ms);
  return offsetMin === 0 ? serial : serial - offsetMin / 1440;
}

/**
 * An ISO 8601 date or date-time as an Excel serial (wall clock; an explicit Z or offset is
 * converted to UTC), or NaN.
 * @example parseIsoDate('2024-01-01') // 45292
 * @example parseIsoDate('2001-01-01 06:00:00') // 36892.25
 */
export function parseIsoDate(s: string): number {
  const n = s.length;
  if (n < 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return NaN;
  const y = digit(s, 0) * 1000 + digit(s, 1) * 100 + two(s, 2);
  const mo = two(s, 5);
  const d = two(s, 8);
  if (y < 0 || mo < 0 || d < 0) return NaN;
  if (n === 10) return serialOf(y, mo, d, 0, 0, 0, 0, 0);
  const sep = s.charCodeAt(10);
  if ((sep !== 84 && sep !== 32) || n < 16 || s.charCodeAt(13) !== 58) return NaN;
  const h = two(s, 11);
  const mi = two(s, 14);
  let sec = 0;
  let ms = 0;
  let i = 16;
  if (i < n && s.charCodeAt(i) === 58) {
    sec = two(s, i + 1);
    i += 3;
    if (i < n && s.charCodeAt(i) === 46) {
      let scale = 100;
      i++;
      while (i < n && digit(s, i) >= 0) {
        ms += digit(s, i) * scale;
        scale /= 10;
        i++;
      }
      ms = Math.round(ms);
    }
  }
  let offset = 0;
  if (i < n) {
    const z = s.charCodeAt(i);
    if (z === 90 && i === n - 1) offset = 0;
    else if ((z === 43 || z === 45) && (n - i === 6 || n - i === 5)) {
      const oh = two(s, i + 1);
      const om = n - i === 6 && s.charCodeAt(i + 3) === 58 ? two(s, i + 4) : two(s, i + 3);
      if (oh < 0 || om < 0) return NaN;
      offset = (z === 45 ? -1 : 1) * (oh * 60 + om);
    } else return NaN;
  }
  if (h < 0 || mi < 0 || sec < 0) return NaN;
  return serialOf(y, mo, d, h, mi, sec, ms, offset);
}

const SLASH_DATE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?)?$/;

/** The two leading parts of a slash date (for telling day-first from month-first), or null. */
export function slashDateParts(s: string): [number, number] | null {
  const m = SLASH_DATE.exec(s);
  return m ? [Number(m[1]), Number(m[2])] : null;
}

/**
 * A locale date such as 3/31/2024 (mdy) or 31.03.2024 (dmy), optionally with a time and AM/PM,
 * as an Excel serial, or NaN.
 * @example parseSlashDate('3/31/2024', 'mdy') // 45382
 * @example parseSlashDate('31/03/2024 2:30 PM', 'dmy') // 45382.604166...
 */
export function parseSlashDate(s: string, order: DateOrder): number {
  const m = SLASH_DATE.exec(s);
  if (!m) return NaN;
  const a = Number(m[1]);
  const b = Number(m[2]);
  let h = m[4] ? Number(m[4]) : 0;
  const ampm = m[7]?.toLowerCase();
  if (ampm) {
    if (h < 1 || h > 12) return NaN;
    h = (h % 12) + (ampm === 'pm' ? 12 : 0);
  }
  const [mo, d] = order === 'mdy' ? [a, b] : [b, a];
  return serialOf(Number(m[3]), mo, d, h, m[5] ? Number(m[5]) : 0, m[6] ? Number(m[6]) : 0, 0, 0);
}

/**
 * TRUE/FALSE in any case, or null.
 * @example parseBooleanText('True') // true
 */
export function parseBooleanText(s: string): boolean | null {
  if (s.length === 4 && s.toLowerCase() === 'true') return true;
  if (s.length === 5 && s.toLowerCase() === 'false') return false;
  return null;
}
