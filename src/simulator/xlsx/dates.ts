/** Excel 1900 date system: serial 1 = 1900-01-01, with Excel's phantom 1900-02-29 (serial 60). */

const MS_PER_DAY = 86_400_000;
// 1899-12-30 makes serials ≥ 61 right; dates before 1900-03-01 are one day off because of the
// leap-year bug Excel keeps for Lotus compatibility.
const EPOCH = Date.UTC(1899, 11, 30);

/**
 * ISO 8601 date-time as written in `<c t="d">` or pivot cache `<d v>` → Excel serial number.
 * Times without a zone are wall-clock times (Excel has no time zones). Returns undefined when
 * the text is not a date.
 *
 * @example
 * isoToSerial('2024-01-31T00:00:00') // 45322
 */
export function isoToSerial(iso: string, date1904 = false): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?Z?$/.exec(iso.trim());
  if (!m) return undefined;
  const ms = Date.UTC(+m[1], +m[2] - 1, +m[3], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0), Math.round(Number(m[7] ?? 0) * 1000));
  let serial = (ms - EPOCH) / MS_PER_DAY;
  if (serial < 61) serial -= 1;
  if (date1904) serial -= 1462;
  return serial;
}
