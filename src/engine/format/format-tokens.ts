/**
 * The lexical layer of Excel number format codes: sections split on ';' and each section split
 * into literal text and code units ("yyyy", "mm", "AM/PM", "0", "."), honouring quotes,
 * backslash escapes and [..] brackets.
 */

export type Token = { kind: 'literal'; text: string } | { kind: 'code'; text: string };

/**
 * Splits a format section into literal text and code units ("yyyy", "mm", "AM/PM", "0", ".")
 * honouring quotes, \\x escapes and [..] brackets.
 *
 * @example tokenize('0.0%').map((t) => t.text) // ['0', '.', '0', '%']
 */
export function tokenize(section: string): Token[] {
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

/**
 * Splits a format on ';' outside quotes: positive; negative; zero; text.
 * @example sections('0;(0);"zero"') // ['0', '(0)', '"zero"']
 */
export function sections(format: string): string[] {
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

