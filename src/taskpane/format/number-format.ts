/**
 * A small reader of Excel number format codes: enough to show table previews the way the sheet
 * shows them (dates, times, thousands, decimals, percentages, currency, scientific). Not a
 * complete implementation: conditions like [>100] and fill/padding characters are ignored, and
 * separators are shown en-US style.
 */
import { serialToParts } from './serial-date';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

type Token = { kind: 'literal'; text: string } | { kind: 'code'; text: string };

/**
 * Splits a format section into literal text and code units ("yyyy", "mm", "AM/PM", "0", ".")
 * honouring quotes, \\x escapes and [..] brackets.
 */
function tokenize(section: string): Token[] {
  const out: Token[] = [];
  const literal = (text: string): void => {
    const last = out[out.length - 1];
    if (last && last.kind === 'literal') last.text += text;
    else out.push({ kind: 'literal', text });
  };
  for (let i = 0; i < section.length; i++) {
    const ch = section[i];
    const ampm = /^(AM\/PM|A\/P|E[+-])/i.exec(section.slice(i));
    if (ampm) {
      out.push({ kind: 'code', text: ampm[0] });
      i += ampm[0].length - 1;
    } else if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      literal(section.slice(i + 1, end < 0 ? undefined : end));
      i = end < 0 ? section.length : end;
    } else if (ch === '\\') {
      literal(section[i + 1] ?? '');
      i++;
    } else if (ch === '[') {
      const end = section.indexOf(']', i + 1);
      const inner = section.slice(i + 1, end < 0 ? undefined : end);
      // [$€-407] is a currency symbol with a locale; [h], [mm] are elapsed time; colours/conditions drop.
      if (inner.startsWith('$')) literal(inner.slice(1).split('-')[0]);
      else if (/^(h+|m+|s+)$/i.test(inner)) out.push({ kind: 'code', text: inner });
      i = end < 0 ? section.length : end;
    } else if (ch === '_' || ch === '*') {
      i++; // padding/fill: skip the next character
      if (ch === '_') literal(' ');
    } else if (/[$\-+/():!^&'~{}<>= ,]/.test(ch) && !(ch === ',' && /[0#?]/.test(section[i - 1] ?? '') && /[0#?]/.test(section[i + 1] ?? ''))) {
      literal(ch);
    } else if (/[ymdhs]/i.test(ch)) {
      let j = i;
      while (j + 1 < section.length && section[j + 1].toLowerCase() === ch.toLowerCase()) j++;
      out.push({ kind: 'code', text: section.slice(i, j + 1) });
      i = j;
    } else {
      out.push({ kind: 'code', text: ch });
    }
  }
  return out;
}

/** Splits on ';' outside quotes. */
function sections(format: string): string[] {
  const out: string[] = [];
  let current = '', quoted = false;
  for (let i = 0; i < format.length; i++) {
    const ch = format[i];
    if (ch === '"') quoted = !quoted;
    if (ch === '\\' && !quoted) { current += ch + (format[i + 1] ?? ''); i++; continue; }
    if (ch === ';' && !quoted) { out.push(current); current = ''; continue; }
    current += ch;
  }
  out.push(current);
  return out;
}

/** True when the format shows numbers as dates or times. */
export function isDateFormat(format: string | undefined): boolean {
  if (!format || /^general$/i.test(format)) return false;
  const code = tokenize(sections(format)[0]).filter((t) => t.kind === 'code').map((t) => t.text).join('');
  return /[ydhs]/i.test(code) || (/m/i.test(code) && !/[0#?]/.test(code));
}

/** Excel's General format, approximately: up to 11 characters, then fewer decimals or scientific. */
export function formatGeneral(value: number): string {
  if (!Number.isFinite(value)) return '#NUM!';
  if (value === 0) return '0';
  const abs = Math.abs(value);
  if (abs >= 1e11 || abs < 1e-9) return scientific(value, 5, true);
  const digits = Math.max(1, Math.floor(Math.log10(abs)) + 1);
  return String(Number(value.toFixed(Math.max(0, Math.min(9, 10 - digits)))));
}

/** 12345 → "1.23E+04"; `trim` drops trailing zeros of the mantissa as General does. */
function scientific(value: number, decimals: number, trim: boolean): string {
  const [m, e] = value.toExponential(decimals).split('e');
  const mantissa = trim ? m.replace(/\.?0+$/, '') : m;
  return `${mantissa}E${Number(e) < 0 ? '-' : '+'}${String(Math.abs(Number(e))).padStart(2, '0')}`;
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
  return isDateFormat(section) ? formatDate(shown, tokens) : formatDecimal(shown, tokens);
}

function formatDecimal(value: number, tokens: Token[]): string {
  const code = tokens.filter((t) => t.kind === 'code').map((t) => t.text).join('');
  const firstCode = tokens.findIndex((t) => t.kind === 'code' && /[0#?]/.test(t.text));
  const prefix = tokens.slice(0, Math.max(0, firstCode)).map((t) => t.text).join('');
  const suffix = firstCode < 0 ? '' : tokens.slice(firstCode + 1).filter((t) => t.kind === 'literal').map((t) => t.text).join('');
  if (firstCode < 0) return tokens.map((t) => (t.kind === 'literal' ? t.text : '')).join('');
  let n = value;
  const percent = (code.match(/%/g) ?? []).length;
  n *= 100 ** percent;
  const body = code.replace(/%/g, '');
  const expo = /E[+-]/i.exec(body);
  const mantissa = expo ? body.slice(0, expo.index) : body;
  const dot = mantissa.indexOf('.');
  const decimals = dot < 0 ? 0 : (mantissa.slice(dot + 1).match(/[0#?]/g) ?? []).length;
  let text: string;
  if (expo) {
    text = scientific(n, decimals, false);
  } else {
    text = Math.abs(n).toFixed(decimals);
    if (/[0#?],[0#?]/.test(mantissa)) {
      const [int, frac] = text.split('.');
      text = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (frac !== undefined ? `.${frac}` : '');
    }
    // '#' placeholders drop trailing zeros; '0' keeps them.
    const fracCode = dot < 0 ? '' : mantissa.slice(dot + 1);
    if (fracCode && !fracCode.includes('0')) text = text.replace(/\.?0+$/, '');
    if (/^#/.test(mantissa) && text.startsWith('0.') ) text = text.slice(1);
    if (n < 0 && Number(text.replace(/,/g, '')) !== 0) text = `-${text}`;
  }
  return `${prefix}${text}${'%'.repeat(percent)}${suffix}`;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function formatDate(serial: number, tokens: Token[]): string {
  const p = serialToParts(serial);
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
    else if (c === 'd') out += lower.length >= 4 ? DAYS[p.weekday] : lower.length === 3 ? DAYS[p.weekday].slice(0, 3) : lower.length === 2 ? pad(p.day, 2) : String(p.day);
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
