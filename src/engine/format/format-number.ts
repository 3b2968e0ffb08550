/**
 * Excel number formats rendered as the sheet shows them, for any PivotDeck surface (task pane
 * previews, the simulator's view): dates, times, thousands, decimals, percentages, currency,
 * scientific. Built on src/engine/values for the 1900 date system. Not a complete
 * implementation: conditions like [>100] and fill/padding characters are ignored, and
 * separators are shown en-US style.
 */
import { serialWeekday } from '../values/date-parts';
import { numberFormatKind } from '../values/number-format';
import { serialToParts } from '../values/serial-date';
import { formatGeneral, scientific } from './format-general';
import { sections, tokenize, type Token } from './format-tokens';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/**
 * True when the format shows numbers as a date, a time of day or an elapsed time ([h]:mm).
 * @example showsDateOrTime('m/d/yyyy') // true
 * @example showsDateOrTime('[h]:mm') // true
 * @example showsDateOrTime('"days" 0') // false
 */
export function showsDateOrTime(format: string | undefined): boolean {
  const kind = numberFormatKind(format);
  return kind === 'date' || kind === 'datetime' || kind === 'time' || kind === 'elapsed';
}

/**
 * Formats a number with an Excel number format code.
 *
 * @example formatNumber(45292, 'yyyy-mm-dd') // '2024-01-01'
 * @example formatNumber(1234.5, '#,##0.00')  // '1,234.50'
 * @example formatNumber(0.125, '0.0%')       // '12.5%'
 */
export function formatNumber(value: number, format: string | undefined): string {
  if (!format || /^general$/i.test(format) || format === '@') return formatGeneral(value);
  const parts = sections(format);
  let section = parts[0];
  let shown = value;
  if (value < 0 && parts.length > 1) { section = parts[1]; shown = -value; }
  else if (value === 0 && parts.length > 2) section = parts[2];
  if (/^general$/i.test(section.trim())) return formatGeneral(value);
  const tokens = tokenize(section);
  return showsDateOrTime(section) ? formatDate(value, tokens) : formatDecimal(shown, tokens);
}

function formatDecimal(value: number, tokens: Token[]): string {
  const code = tokens.filter((t) => t.kind === 'code').map((t) => t.text).join('');
  const firstCode = tokens.findIndex((t) => t.kind === 'code' && /^[0#?.]$/.test(t.text));
  if (firstCode < 0) return tokens.map((t) => (t.kind === 'literal' ? t.text : '')).join('');
  const prefix = tokens.slice(0, firstCode).map((t) => t.text).join('');
  const after = tokens.slice(firstCode + 1).filter((t) => t.kind === 'literal').map((t) => t.text).join('');
  // Commas right after the last digit placeholder scale by a thousand each ('#,##0,"K"', '0.0,,"M"').
  const scaling = /^,+/.exec(after)?.[0].length ?? 0;
  const suffix = after.slice(scaling);
  let n = value / 1000 ** scaling;
  const percent = (code.match(/%/g) ?? []).length;
  n *= 100 ** percent;
  const body = code.replace(/%/g, '');
  const expo = /E[+-]/i.exec(body);
  const mantissa = expo ? body.slice(0, expo.index) : body;
  const dot = mantissa.indexOf('.');
  const decimals = dot < 0 ? 0 : (mantissa.slice(dot + 1).match(/[0#?]/g) ?? []).length;
  let text: string;
  if (expo) {
    text = scientific(Math.abs(n), decimals, false);
  } else {
    text = Math.abs(n).toFixed(decimals);
    if (/[0#?],[0#?]/.test(mantissa)) {
      const [int, frac] = text.split('.');
      text = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (frac !== undefined ? `.${frac}` : '');
    }
    // '#' placeholders drop trailing zeros; '0' keeps them.
    const fracCode = dot < 0 ? '' : mantissa.slice(dot + 1);
    if (fracCode && !fracCode.includes('0')) text = text.replace(/\.?0+$/, '');
    // Without a '0' in the integer part (".00", "#.##") Excel shows no leading zero: 0.5 → ".5".
    const intCode = dot < 0 ? mantissa : mantissa.slice(0, dot);
    if (!intCode.includes('0') && text.startsWith('0')) text = text.slice(1);
  }
  // One section: the minus sign goes in front of everything, currency included ("-$1.00").
  // A value that rounds to zero shows no sign ("0.00", not "-0.00").
  const negative = n < 0 && /[1-9]/.test(text);
  return `${negative ? '-' : ''}${prefix}${text}${'%'.repeat(percent)}${suffix}`;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function formatDate(serial: number, tokens: Token[]): string {
  // Displayed to the second: round first, so 0.99999999 of a day shows as the next midnight.
  const rounded = Math.round(serial * 86_400) / 86_400;
  const p = serialToParts(rounded);
  // Excel fills the cell with # for a negative or too-large date.
  if (!p) return '########';
  // serialWeekday: 1 = Sunday; it knows serial 60 (the phantom 1900-02-29) is a Wednesday.
  const weekday = (serialWeekday(rounded) ?? 1) - 1;
  const joined: Array<{ code: string; literal?: string }> = tokens.map((t) =>
    t.kind === 'literal' ? { code: '', literal: t.text } : { code: t.text });
  const twelveHour = joined.some((c) => /^(AM\/PM|A\/P)$/i.test(c.code));
  let out = '';
  for (let i = 0; i < joined.length; i++) {
    const { code, literal } = joined[i];
    if (literal !== undefined) { out += literal; continue; }
    const lower = code.toLowerCase();
    const c = lower[0];
    if (c === 'y') out += lower.length <= 2 ? pad(p.year % 100, 2) : String(p.year);
    else if (c === 'm' && isMinutes(joined, i)) out += lower.length >= 2 ? pad(p.minutes, 2) : String(p.minutes);
    else if (c === 'm') out += lower.length >= 5 ? MONTHS[p.month - 1][0] : lower.length === 4 ? MONTHS[p.month - 1] : lower.length === 3 ? MONTHS[p.month - 1].slice(0, 3) : lower.length === 2 ? pad(p.month, 2) : String(p.month);
    else if (c === 'd') out += lower.length >= 4 ? DAYS[weekday] : lower.length === 3 ? DAYS[weekday].slice(0, 3) : lower.length === 2 ? pad(p.day, 2) : String(p.day);
    else if (c === 'h') {
      const h = twelveHour ? ((p.hours + 11) % 12) + 1 : p.hours;
      out += lower.length >= 2 ? pad(h, 2) : String(h);
    } else if (c === 's') out += lower.length >= 2 ? pad(p.seconds, 2) : String(p.seconds);
    else if (/^(am\/pm|a\/p)$/.test(lower)) {
      const pm = p.hours >= 12;
      out += lower === 'am/pm' ? (pm ? 'PM' : 'AM') : (pm ? 'P' : 'A');
    } else if (c === '.') out += ''; // fractional seconds: shown rounded away
    else out += code;
  }
  return out;
}

/** "m" means minutes right after an hour code or right before a seconds code. */
function isMinutes(codes: Array<{ code: string; literal?: string }>, at: number): boolean {
  for (let i = at - 1; i >= 0; i--) {
    const c = codes[i].code.toLowerCase();
    if (!c) continue;
    if (c[0] === 'h') return true;
    break;
  }
  for (let i = at + 1; i < codes.length; i++) {
    const c = codes[i].code.toLowerCase();
    if (!c) continue;
    return c[0] === 's';
  }
  return false;
}
