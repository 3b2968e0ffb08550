import { partsToSerial, serialToParts } from './serial-date';

/**
 * Date parts of Excel serials, with the results of Excel's YEAR, MONTH, DAY,
 * WEEKDAY(serial, 1) and ISOWEEKNUM. Each returns null when the serial is
 * not a valid date (negative or past 9999-12-31); callers map that to #NUM!.
 */

let lastDay = NaN;
let lastYmd = 0;

/**
 * year*10000 + month*100 + day of a serial, or -1 when it is not a date.
 * Hot path of date-part derivations (millions of rows): no object per call,
 * and a one-entry cache because real date columns come in runs of one day.
 */
function ymd(serial: number): number {
  if (!(serial >= 0 && serial < 2_958_466)) return -1;
  const whole = Math.floor(serial);
  // A time within half a millisecond of midnight rounds up to the next day (as serialToParts does).
  const day = serial - whole >= 1 - 0.5 / 86_400_000 ? whole + 1 : whole;
  if (day === lastDay) return lastYmd;
  const p = serialToParts(day);
  lastDay = day;
  lastYmd = p ? p.year * 10000 + p.month * 100 + p.day : -1;
  return lastYmd;
}

/**
 * Year, like Excel's YEAR.
 * @example serialYear(45292) // 2024
 */
export function serialYear(serial: number): number | null {
  const v = ymd(serial);
  return v < 0 ? null : Math.floor(v / 10000);
}

/**
 * Month 1-12, like Excel's MONTH.
 * @example serialMonth(45292) // 1
 */
export function serialMonth(serial: number): number | null {
  const v = ymd(serial);
  return v < 0 ? null : Math.floor(v / 100) % 100;
}

/**
 * Calendar quarter 1-4 (Excel has no QUARTER function; this is ROUNDUP(MONTH/3, 0)).
 * @example serialQuarter(partsToSerial(2024, 5, 1)) // 2
 */
export function serialQuarter(serial: number): number | null {
  const m = serialMonth(serial);
  return m == null ? null : Math.ceil(m / 3);
}

/**
 * Day of month, like Excel's DAY (0 for serial 0, 29 for serial 60).
 * @example serialDay(60) // 29
 */
export function serialDay(serial: number): number | null {
  const v = ymd(serial);
  return v < 0 ? null : v % 100;
}

/**
 * Weekday like Excel's WEEKDAY(serial, type): type 1 (default) Sunday=1..Saturday=7,
 * type 2 Monday=1..Sunday=7, type 3 Monday=0..Sunday=6. Serials before 61 follow
 * Excel's own calendar, in which 1900-01-01 was a Sunday.
 * @example serialWeekday(45292) // 2 (2024-01-01 was a Monday)
 * @example serialWeekday(45292, 2) // 1
 */
export function serialWeekday(serial: number, type: 1 | 2 | 3 = 1): number | null {
  if (serialToParts(serial) == null) return null;
  // Excel counts weekdays straight from serial 0, fictitious leap day included.
  const sunday1 = ((((Math.floor(serial) - 1) % 7) + 7) % 7) + 1;
  if (type === 1) return sunday1;
  const monday1 = sunday1 === 1 ? 7 : sunday1 - 1;
  return type === 2 ? monday1 : monday1 - 1;
}

/**
 * ISO 8601 week number 1-53, like Excel's ISOWEEKNUM (weeks start on Monday;
 * week 1 holds the year's first Thursday).
 * @example serialIsoWeek(45292) // 1
 * @example serialIsoWeek(partsToSerial(2021, 1, 3)) // 53 (belongs to 2020's last week)
 */
export function serialIsoWeek(serial: number): number | null {
  const parts = serialToParts(serial);
  if (!parts) return null;
  const isoWeekday = serialWeekday(serial, 2) as number;
  const thursday = Math.floor(serial) - isoWeekday + 4;
  const thursdayParts = serialToParts(thursday);
  // The Thursday of this ISO week fixes the ISO year; count its weeks from Jan 1.
  const isoYear = thursdayParts ? thursdayParts.year : parts.year - 1;
  // Excel's calendar runs 1900-01-01 back as a Sunday; its 1899 starts 365 days earlier.
  const jan1 = isoYear === 1899 ? 1 - 365 : partsToSerial(isoYear, 1, 1);
  return Math.floor((thursday - jan1) / 7) + 1;
}

