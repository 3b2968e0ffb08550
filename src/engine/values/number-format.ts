/**
 * What an Excel number format shows a number as. Only the first section (the
 * one for positive numbers) decides, as Excel does when it types a cell.
 * - `date`: has day, month or year tokens ("yyyy-mm-dd", "mmm-yy", "d-mmm-yy")
 * - `datetime`: date tokens plus time tokens ("m/d/yyyy h:mm")
 * - `time`: clock time only ("h:mm AM/PM"): a fraction of a day, not a date
 * - `elapsed`: durations in brackets ("[h]:mm", "[mm]:ss"): never a date
 * - `text`: "@"; `general`: "General" or empty; `number`: everything else
 */
export type NumberFormatKind = 'date' | 'datetime' | 'time' | 'elapsed' | 'text' | 'general' | 'number';

/** Remove what cannot be a date token: quoted text, escapes, padding/fill, AM/PM. */
function stripLiterals(section: string): { body: string; elapsed: boolean } {
  let body = '';
  let elapsed = false;
  for (let i = 0; i < section.length; i++) {
    const ch = section[i];
    if (ch === '"') {
      const close = section.indexOf('"', i + 1);
      i = close < 0 ? section.length : close;
    } else if (ch === '\\' || ch === '_' || ch === '*') {
      i++; // the next character is a literal, a padding width or a fill
    } else if (ch === '[') {
      const close = section.indexOf(']', i + 1);
      const inner = section.slice(i + 1, close < 0 ? section.length : close);
      // [h], [mm], [ss] are elapsed time; [Red], [$-409], [>100] are not tokens.
      if (/^(h+|m+|s+)$/i.test(inner)) {
        elapsed = true;
        body += inner; // keep it as a token so '[h]:mm' reads mm as minutes
      }
      i = close < 0 ? section.length : close;
    } else {
      body += ch;
    }
  }
  body = body.replace(/AM\/PM|A\/P/gi, ' h ');
  return { body: body.toLowerCase(), elapsed };
}

/** Split on ';' outside quotes and brackets. */
function firstSection(format: string): string {
  let quoted = false;
  let bracket = false;
  for (let i = 0; i < format.length; i++) {
    const ch = format[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === '[') bracket = true;
    else if (!quoted && ch === ']') bracket = false;
    else if (!quoted && !bracket && ch === '\\') i++;
    else if (!quoted && !bracket && ch === ';') return format.slice(0, i);
  }
  return format;
}

/**
 * Classify an Excel number format string.
 * `m` means minutes right after an hour token or right before a seconds token,
 * otherwise month (Excel's rule).
 * @example numberFormatKind('yyyy-mm-dd') // 'date'
 * @example numberFormatKind('[$-409]mmmm d, yyyy') // 'date'
 * @example numberFormatKind('[h]:mm') // 'elapsed'
 * @example numberFormatKind('[Red]0') // 'number'
 */
export function numberFormatKind(format: string | null | undefined): NumberFormatKind {
  const raw = (format ?? '').trim();
  if (raw === '' || raw.toLowerCase() === 'general') return 'general';
  const section = firstSection(raw);
  if (section.trim() === '@') return 'text';
  const { body, elapsed } = stripLiterals(section);
  // Collapse runs into tokens: 'yyyy' -> 'y', 'mmm' -> 'm', in order of appearance.
  const tokens = (body.match(/y+|m+|d+|h+|s+|e+|b+|g+/g) ?? []).map((t) => t[0]);
  let date = false;
  let time = elapsed;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t === 'y' || t === 'd' || t === 'e' || t === 'b' || t === 'g') date = true;
    else if (t === 'h' || t === 's') time = true;
    else if (t === 'm') {
      const minutes = tokens[i - 1] === 'h' || tokens[i + 1] === 's';
      if (minutes) time = true;
      else date = true;
    }
  }
  // 'General' was handled; 'e' also appears in "0.00E+00", whose runs are not letters we keep.
  if (/e[+-]/.test(body)) return 'number';
  if (elapsed && !date) return 'elapsed';
  if (date) return time ? 'datetime' : 'date';
  return time ? 'time' : 'number';
}

/**
 * Does the format show numbers as calendar dates (with or without a time)?
 * Time-only and elapsed formats are not dates: their values are day fractions
 * or durations, and taking YEAR() of them would be meaningless.
 * @example isDateFormat('m/d/yyyy') // true
 * @example isDateFormat('0.00') // false
 * @example isDateFormat('[h]:mm') // false
 */
export function isDateFormat(format: string | null | undefined): boolean {
  const kind = numberFormatKind(format);
  return kind === 'date' || kind === 'datetime';
}
