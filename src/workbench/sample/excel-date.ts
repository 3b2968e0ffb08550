/**
 * Excel serial dates in the 1900 date system, as Excel stores them in cells.
 *
 * Why a separate helper: Excel's 1900 system counts 1900-02-29, a day that never existed (a Lotus
 * 1-2-3 compatibility bug). Serial 1 is 1900-01-01, serial 60 is the phantom 1900-02-29 and
 * serial 61 is 1900-03-01; from then on the serial is the number of days since 1899-12-30.
 * The sample only uses dates after 1900-03-01, but the conversion is exact across the boundary.
 */

const MS_PER_DAY = 86_400_000;
/** Day 0 of the serial count for dates on or after 1900-03-01. */
const EPOCH_1899_12_30 = Date.UTC(1899, 11, 30);

/**
 * Serial number of a calendar date (month 1-12).
 * @example
 * excelSerial(2024, 1, 1);  // 45292
 * excelSerial(1900, 3, 1);  // 61
 * excelSerial(1900, 1, 1);  // 1
 */
export function excelSerial(year: number, month: number, day: number): number {
  const ms = Date.UTC(year, month - 1, day);
  const days = Math.round((ms - EPOCH_1899_12_30) / MS_PER_DAY);
  // Before 1900-03-01 Excel has no phantom day yet, so its serials are one smaller.
  return days < 61 ? days - 1 : days;
}

/**
 * Calendar date of a whole serial number; serial 60 (which Excel shows as 1900-02-29) has no
 * real date and is refused.
 * @example
 * dateOfSerial(45292); // { year: 2024, month: 1, day: 1 }
 */
export function dateOfSerial(serial: number): { year: number; month: number; day: number } {
  if (!Number.isInteger(serial) || serial < 1) throw new Error(`${serial} is not a whole Excel date serial`);
  if (serial === 60) throw new Error('serial 60 is Excel\'s phantom 1900-02-29');
  const days = serial < 60 ? serial + 1 : serial;
  const d = new Date(EPOCH_1899_12_30 + days * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}
