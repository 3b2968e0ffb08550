/**
 * Display text of a cell value under an Excel number format code: what the grid shows, what
 * Excel's `range.text` would return. A sensible subset of Excel's format language:
 *
 * - "General"; numeric codes built from 0 # ? . , % with literal prefixes and suffixes
 *   ("$#,##0.00", "0.0%", "#,##0,"), quoted text, backslash escapes, `_x` spaces, `[Red]`-style
 *   colours and `[$-409]` locales (ignored), scientific "0.00E+00";
 * - up to four sections: positive;negative;zero;text, with "@" standing for the text;
 * - dates and times from serial numbers (1900 date system, with Excel's phantom 1900-02-29):
 *   yyyy yy m mm mmm mmmm d dd ddd dddd h hh m mm (minutes after h / before s) s ss AM/PM.
 *
 * Not covered: fractions ("# ?/?"), conditions ("[>100]"), elapsed time ("[h]"), fill ("*").
 */
import type { CellValue } from '../excel/api';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/**
 * Formats a value as Excel displays it.
 * @example formatValue(1234.5, '$#,##0.00') // "$1,234.50"
 * @example formatValue(45306, 'yyyy-mm-dd')   // "2024-01-15"
 * @example formatValue(0.125, '0.0%')         // "12.5%"
 */
export function formatValue(value: CellValue, numberFormat: string | undefined): string {
  const code = numberFormat && numberFormat.trim() !== '' ? numberFormat : 'General';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  const sections = splitSections(code);
  if (typeof value === 'string') {
    const textSection = sections.length >= 4 ? sections[3] : sections.find((s) => s.includes('@'));
    if (textSection === undefined || value.startsWith('#')) return value;
    return renderLiteral(textSection, value);
  }
  if (!Number.isFinite(value)) return '#NUM!';
  let section = sections[0];
  let number = value;
  if (value < 0 && sections.length >= 2) {
    section = sections[1];
    number = -value;
  } else if (value === 0 && sections.length >= 3) {
    section = sections[2];
  }
  // A number in a Text-formatted cell (typed before the format was set) shows as General.
  if (/^(general|@)$/i.test(section.trim())) return formatGeneral(number);
  if (isDateFormat(section)) return formatDate(number, section);
  const text = formatNumber(number, section);
  return text;
}

/** Excel's "General": up to 11 significant characters, scientific notation for very large/small. */
export function formatGeneral(value: number): string {
  if (value === 0) return '0';
  const abs = Math.abs(value);
  if (abs >= 1e11 || abs < 1e-9) {
    const [mantissa, exp] = value.toExponential(5).split('e');
    const m = mantissa.replace(/\.?0+$/, '');
    const e = Number(exp);
    return `${m}E${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  }
  const intDigits = Math.max(1, Math.floor(Math.log10(abs)) + 1);
  const decimals = Math.max(0, 10 - intDigits);
  const rounded = roundTo(value, decimals);
  let text = rounded.toFixed(decimals);
  if (text.includes('.')) text = text.replace(/\.?0+$/, '');
  return text === '-0' ? '0' : text;
}

/** True when a section renders a date/time (has date tokens and no digit placeholders). */
export function isDateFormat(code: string): boolean {
  const bare = stripLiterals(code).toLowerCase();
  if (/general/.test(bare)) return false;
  return /[ydhs]|m/.test(bare) && !/[0#?]/.test(bare.replace(/s\.0+/g, ''));
}

function splitSections(code: string): string[] {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < code.length; i++) {
    const ch = code[i];
    if (ch === '"') quoted = !quoted;
    if (ch === '\\' && !quoted && i + 1 < code.length) {
      current += ch + code[++i];
      continue;
    }
    if (ch === ';' && !quoted) {
      out.push(current);
      current = '';
      continue;
    }
    current += ch;
  }
  out.push(current);
  return out;
}

/** Removes quoted text, escapes, [..] blocks and _x / *x pairs, leaving format tokens only. */
function stripLiterals(code: string): string {
  return code
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/[_*]./g, '');
}

/** Renders a section's literal parts around a given core text ("@" or the number). */
function renderLiteral(section: string, core: string, corePattern?: RegExp): string {
  let out = '';
  let coreDone = false;
  for (let i = 0; i < section.length; i++) {
    const ch = section[i];
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      out += section.slice(i + 1, end < 0 ? undefined : end);
      i = end < 0 ? section.length : end;
    } else if (ch === '\\') {
      out += section[++i] ?? '';
    } else if (ch === '[') {
      const end = section.indexOf(']', i);
      i = end < 0 ? section.length : end;
    } else if (ch === '_') {
      out += ' ';
      i++;
    } else if (ch === '*') {
      i++;
    } else if (ch === '@' && !corePattern) {
      out += core;
    } else if (corePattern) {
      corePattern.lastIndex = i;
      const m = corePattern.exec(section);
      if (m && m.index === i) {
        if (!coreDone) out += core;
        coreDone = true;
        i += m[0].length - 1;
      } else if (ch !== '%') {
        out += ch;
      } else {
        out += '%';
      }
    } else {
      out += ch;
    }
  }
  return out;
}

function formatNumber(value: number, section: string): string {
  const tokens = stripLiterals(section);
  const percent = (tokens.match(/%/g) ?? []).length;
  let number = value * Math.pow(100, percent);
  const coreMatch = /[0#?][0#?,.]*(E[+-][0#]+)?|\.[0#?]+/i.exec(tokens);
  if (!coreMatch) return renderLiteral(section, '');
  const core = coreMatch[0];
  const scientific = /E[+-]/i.exec(core);
  let text: string;
  if (scientific) {
    const mant = core.slice(0, scientific.index);
    const expDigits = core.length - scientific.index - 2;
    const decimals = (mant.split('.')[1] ?? '').length;
    const [m, e] = Math.abs(number).toExponential(decimals).split('e');
    const exp = Number(e);
    text = `${m}E${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(expDigits, '0')}`;
  } else {
    // Trailing commas scale by thousands ("#,##0," shows 12,345 as 12).
    let scaled = core;
    while (scaled.endsWith(',')) {
      number /= 1000;
      scaled = scaled.slice(0, -1);
    }
    const [intPattern, decPattern = ''] = scaled.split('.');
    const maxDecimals = (decPattern.match(/[0#?]/g) ?? []).length;
    const minDecimals = (decPattern.match(/0/g) ?? []).length;
    const minInt = (intPattern.match(/0/g) ?? []).length;
    const grouping = intPattern.includes(',');
    const rounded = roundTo(Math.abs(number), maxDecimals);
    let [intText, decText = ''] = rounded.toFixed(maxDecimals).split('.');
    while (decText.length > minDecimals && decText.endsWith('0')) decText = decText.slice(0, -1);
    if (intText === '0' && minInt === 0) intText = '';
    intText = intText.padStart(minInt, '0');
    if (grouping) intText = intText.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    text = decPattern.length > 0 && (decText.length > 0 || scaled.includes('.')) ? `${intText}.${decText}` : intText;
    if (decText.length === 0 && maxDecimals > 0 && minDecimals === 0) text = `${intText}.`;
  }
  const negative = number < 0 && roundTo(Math.abs(number), 10) !== 0;
  const pattern = /[0#?][0#?,.]*(E[+-][0#]+)?|\.[0#?]+/iy;
  const body = renderLiteral(section, text, pattern);
  return negative ? `-${body}` : body;
}

function formatDate(serial: number, section: string): string {
  // Excel fills the cell with # for negative dates and for days after 9999-12-31 (serial 2958465).
  if (serial < 0 || serial >= 2958466) return '#'.repeat(11);
  const whole = Math.floor(serial);
  let seconds = Math.round((serial - whole) * 86400);
  let day = whole;
  if (seconds >= 86400) {
    day += 1;
    seconds -= 86400;
  }
  const { year, month, date, weekday } = serialToDate(day);
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const secs = seconds % 60;
  const ampm = /AM\/PM|A\/P/i.test(section);
  const tokens = tokenizeDate(section);
  let out = '';
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.literal !== undefined) {
      out += t.literal;
      continue;
    }
    const k = t.token.toLowerCase();
    if (k.startsWith('y')) out += k.length <= 2 ? String(year % 100).padStart(2, '0') : String(year);
    else if (k.startsWith('d')) {
      if (k.length === 1) out += String(date);
      else if (k.length === 2) out += String(date).padStart(2, '0');
      else if (k.length === 3) out += DAYS[weekday].slice(0, 3);
      else out += DAYS[weekday];
    } else if (k.startsWith('h')) {
      const h = ampm ? ((hours + 11) % 12) + 1 : hours;
      out += k.length >= 2 ? String(h).padStart(2, '0') : String(h);
    } else if (k.startsWith('s')) {
      out += k.length >= 2 ? String(secs).padStart(2, '0') : String(secs);
    } else if (k.startsWith('m')) {
      if (isMinute(tokens, i)) out += k.length >= 2 ? String(minutes).padStart(2, '0') : String(minutes);
      else if (k.length === 1) out += String(month + 1);
      else if (k.length === 2) out += String(month + 1).padStart(2, '0');
      else if (k.length === 3) out += MONTHS[month].slice(0, 3);
      else if (k.length === 5) out += MONTHS[month][0];
      else out += MONTHS[month];
    } else if (k === 'am/pm') out += hours < 12 ? 'AM' : 'PM';
    else if (k === 'a/p') out += hours < 12 ? 'A' : 'P';
  }
  return out;
}

type DateToken = { token: string; literal?: undefined } | { literal: string; token?: undefined };

function tokenizeDate(section: string): DateToken[] {
  const tokens: DateToken[] = [];
  for (let i = 0; i < section.length; i++) {
    const ch = section[i];
    const rest = section.slice(i);
    const ampm = /^(AM\/PM|A\/P)/i.exec(rest);
    if (ampm) {
      tokens.push({ token: ampm[0] });
      i += ampm[0].length - 1;
    } else if (/[ymdhs]/i.test(ch)) {
      let j = i;
      while (j < section.length && section[j].toLowerCase() === ch.toLowerCase()) j++;
      tokens.push({ token: section.slice(i, j) });
      i = j - 1;
    } else if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      tokens.push({ literal: section.slice(i + 1, end < 0 ? undefined : end) });
      i = end < 0 ? section.length : end;
    } else if (ch === '\\') {
      tokens.push({ literal: section[++i] ?? '' });
    } else if (ch === '[') {
      const end = section.indexOf(']', i);
      i = end < 0 ? section.length : end;
    } else if (ch === '_') {
      tokens.push({ literal: ' ' });
      i++;
    } else {
      tokens.push({ literal: ch });
    }
  }
  return tokens;
}

/** "m" means minutes right after an hour token or right before a seconds token. */
function isMinute(tokens: DateToken[], index: number): boolean {
  for (let j = index - 1; j >= 0; j--) {
    const t = tokens[j].token;
    if (t === undefined) continue;
    if (/^h/i.test(t)) return true;
    break;
  }
  for (let j = index + 1; j < tokens.length; j++) {
    const t = tokens[j].token;
    if (t === undefined) continue;
    return /^s/i.test(t);
  }
  return false;
}

/** Serial day (1900 system) → calendar parts. Serial 60 is Excel's phantom 1900-02-29. */
export function serialToDate(serial: number): { year: number; month: number; date: number; weekday: number } {
  if (serial === 60) return { year: 1900, month: 1, date: 29, weekday: 3 };
  // Serial 0 is Excel's "1900-01-00", a Saturday.
  if (serial === 0) return { year: 1900, month: 0, date: 0, weekday: 6 };
  const offset = serial < 60 ? serial : serial - 1;
  const ms = Date.UTC(1899, 11, 31) + offset * 86400000;
  const d = new Date(ms);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth(), date: d.getUTCDate(), weekday: d.getUTCDay() };
}

/** Half away from zero at `decimals` places, robust to binary representation (1.005 → 1.01). */
function roundTo(value: number, decimals: number): number {
  const abs = Math.abs(value);
  if (String(abs).includes('e')) return Math.round(value * 10 ** decimals) / 10 ** decimals;
  const shifted = Number(`${abs}e${decimals}`);
  const rounded = Number(`${Math.round(shifted)}e-${decimals}`);
  return value < 0 ? -rounded : rounded;
}
