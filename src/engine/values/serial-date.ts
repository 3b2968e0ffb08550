/**
 * Excel serial dates in the 1900 date system.
 *
 * A serial is a count of days: 1 = 1900-01-01, 59 = 1900-02-28, 60 = the
 * fictitious 1900-02-29 that Excel keeps for Lotus 1-2-3 compatibility, 61 =
 * 1900-03-01, and every later serial is days since 1899-12-30. 0 is Excel's
 * "1900-01-00". The fraction is the time of day. Serials are wall-clock values
 * without a time zone, so we map them to a Date's UTC fields: results never
 * depend on the machine's time zone.
 */

/** Calendar parts of a serial (month 1-12, day 0-31; day 0 only for serial 0). */
export interface SerialParts {
  year: number;
  month: number;
  day: number;
  hours: number;
  minutes: number;
  seconds: number;
  milliseconds: number;
}

/** Days between 1899-12-30 (serial 0 after the leap bug) and 1970-01-01. */
const UNIX_EPOCH_SERIAL = 25569;
const MS_PER_DAY = 86_400_000;
/** Largest serial Excel accepts: 9999-12-31. */
export const MAX_SERIAL = 2_958_465;

/**
 * Is `serial` a number Excel can show as a date (0 to 9999-12-31 inclusive)?
 * @example isValidSerial(45000) // true
 * @example isValidSerial(-1) // false
 */
export function isValidSerial(serial: number): boolean {
  return Number.isFinite(serial) && serial >= 0 && serial < MAX_SERIAL + 1;
}

/** Proleptic Gregorian civil date from days since 1970-01-01 (H. Hinnant's algorithm). */
function civilFromDays(days: number): [number, number, number] {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (month <= 2 ? 1 : 0), month, day];
}

/** Days since 1970-01-01 of a proleptic Gregorian date (inverse of civilFromDays). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = month > 2 ? month - 3 : month + 9;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/**
 * Split a serial into calendar and clock parts, Excel-style (serial 60 is
 * 1900-02-29). Returns null for serials Excel cannot display as a date.
 * Time is rounded to the millisecond, as Excel rounds to display.
 * @example serialToParts(45292) // { year: 2024, month: 1, day: 1, hours: 0, ... }
 * @example serialToParts(60).day // 29 (February 1900, Excel's fictitious leap day)
 */
export function serialToParts(serial: number): SerialParts | null {
  if (!isValidSerial(serial)) return null;
  let whole = Math.floor(serial);
  let ms = Math.round((serial - whole) * MS_PER_DAY);
  if (ms >= MS_PER_DAY) {
    whole += 1;
    ms -= MS_PER_DAY;
  }
  const time = {
    hours: Math.floor(ms / 3_600_000),
    minutes: Math.floor(ms / 60_000) % 60,
    seconds: Math.floor(ms / 1000) % 60,
    milliseconds: ms % 1000,
  };
  if (whole === 0) return { year: 1900, month: 1, day: 0, ...time };
  if (whole === 60) return { year: 1900, month: 2, day: 29, ...time };
  // Before the fictitious leap day Excel's serials are one day "late".
  const days = (whole < 60 ? whole + 1 : whole) - UNIX_EPOCH_SERIAL;
  const [year, month, day] = civilFromDays(days);
  return { year, month, day, ...time };
}

/**
 * The serial of a calendar date and time (like Excel's DATE()+TIME(), without
 * DATE's month/day overflow rules). 1900-02-29 gives 60.
 * @example partsToSerial(2024, 1, 1) // 45292
 * @example partsToSerial(1900, 3, 1) // 61
 */
export function partsToSerial(
  year: number,
  month: number,
  day: number,
  hours = 0,
  minutes = 0,
  seconds = 0,
  milliseconds = 0,
): number {
  const time = (((hours * 60 + minutes) * 60 + seconds) * 1000 + milliseconds) / MS_PER_DAY;
  if (year === 1900 && month === 2 && day === 29) return 60 + time;
  const days = daysFromCivil(year, month, day) + UNIX_EPOCH_SERIAL;
  // 1900-01-01 .. 1900-02-28 sit before the fictitious day: one less.
  return (days < 61 ? days - 1 : days) + time;
}

/**
 * A JavaScript Date whose UTC fields equal the serial's wall-clock time.
 * Serial 60 (1900-02-29 does not exist) maps to 1900-03-01, as JavaScript
 * cannot represent it; use serialToParts when the exact day matters.
 * @example serialToDate(45292).toISOString() // '2024-01-01T00:00:00.000Z'
 */
export function serialToDate(serial: number): Date | null {
  const p = serialToParts(serial);
  if (!p) return null;
  return new Date(Date.UTC(p.year, p.month - 1, p.day, p.hours, p.minutes, p.seconds, p.milliseconds));
}

/**
 * The serial of a Date's UTC wall-clock time (the inverse of serialToDate).
 * @example dateToSerial(new Date(Date.UTC(2024, 0, 1, 12))) // 45292.5
 */
export function dateToSerial(date: Date): number {
  return partsToSerial(
    date.getUTCFullYear(),
    date.getUTCMonth() + 1,
    date.getUTCDate(),
    date.getUTCHours(),
    date.getUTCMinutes(),
    date.getUTCSeconds(),
    date.getUTCMilliseconds(),
  );
}
