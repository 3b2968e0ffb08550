/**
 * Excel 1900 date serials → calendar parts.
 *
 * Excel counts days from 1900-01-00 (serial 1 = 1900-01-01) and keeps Lotus 1-2-3's phantom
 * 1900-02-29 as serial 60, so serials above 60 are one day ahead of a plain day count.
 */
export interface DateParts {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  /** 0 = Sunday */
  weekday: number;
  hours: number;
  minutes: number;
  seconds: number;
}

const DAY_MS = 86_400_000;

/**
 * Splits a serial into date and time of day (time rounded to the second, as Excel displays it).
 *
 * @example serialToParts(45292.75) // { year: 2024, month: 1, day: 1, hours: 18, minutes: 0, ... }
 */
export function serialToParts(serial: number): DateParts {
  let days = Math.floor(serial);
  let secs = Math.round((serial - days) * 86_400);
  if (secs >= 86_400) { days += 1; secs -= 86_400; }
  const hours = Math.floor(secs / 3600), minutes = Math.floor((secs % 3600) / 60), seconds = secs % 60;
  if (days === 60) return { year: 1900, month: 2, day: 29, weekday: 3, hours, minutes, seconds };
  // Day 0 of the 1900 system is 1899-12-31; from serial 61 on the phantom leap day shifts by one.
  const epoch = days < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  const date = new Date(epoch + days * DAY_MS);
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    weekday: date.getUTCDay(),
    hours,
    minutes,
    seconds,
  };
}
