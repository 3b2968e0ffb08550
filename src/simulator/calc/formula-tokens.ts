/**
 * Splits a worksheet formula's text into the parts the simulator owns: A1 references (with their
 * sheet), structured references (`Orders[Amount]`, `[@Amount]`), bare names (defined names and
 * table names) and everything else (functions, operators, numbers, text literals), kept verbatim.
 *
 * Why our own: the simulator owns references (resolving, adjusting when rows move, turning them
 * into #REF! when what they point at is deleted), as Excel does; the calculation itself is done by
 * fast-formula-parser on a text in which every reference has been resolved to plain A1.
 */
import { columnIndex, columnName } from '../../engine/address/a1';

/** One A1 reference: a cell, a range, whole columns or whole rows; zero-based, inclusive ends. */
export interface A1Ref {
  kind: 'cell' | 'range' | 'columns' | 'rows';
  /** The sheet as written (unquoted), undefined = the formula's own sheet. */
  sheet?: string;
  r1: number; c1: number; r2: number; c2: number;
  /** $ anchors, kept when the reference is rewritten. */
  abs: [boolean, boolean, boolean, boolean];
}

export type FormulaPart =
  | { t: 'text'; text: string }
  | { t: 'ref'; ref: A1Ref }
  /** `table` undefined: an unqualified reference inside a table (`[@Amount]`). `spec` is inside the outer brackets. */
  | { t: 'struct'; table?: string; spec: string }
  | { t: 'name'; name: string };

const NAME_START = /[A-Za-z_\\\u00C0-\uFFFF]/;
const NAME_CHAR = /[A-Za-z0-9_.\\\u00C0-\uFFFF]/;
const CELL = /^(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})/;
const COLUMN = /^(\$?)([A-Za-z]{1,3})(?![A-Za-z0-9_(!])/;
const ROW = /^(\$?)(\d{1,7})(?![0-9.A-Za-z(])/;

/**
 * Parts of a formula (with or without its leading "=").
 * @example tokenizeFormula('=SUM(Orders[Amount])+Sheet2!A1')
 *   // [text 'SUM(', struct Orders/Amount, text ')+', ref Sheet2!A1]
 */
export function tokenizeFormula(formula: string): FormulaPart[] {
  const hit = cache.get(formula);
  if (hit) return hit;
  const parts = tokenize(formula);
  // A calculated column repeats one formula down thousands of rows: read it once.
  if (cache.size > 5_000) cache.clear();
  cache.set(formula, parts);
  return parts;
}

/** Parts are never mutated by callers (they map to new arrays), so sharing them is safe. */
const cache = new Map<string, FormulaPart[]>();

function tokenize(formula: string): FormulaPart[] {
  const src = formula.startsWith('=') ? formula.slice(1) : formula;
  const out: FormulaPart[] = [];
  let text = '';
  const flush = () => { if (text) out.push({ t: 'text', text }); text = ''; };
  let i = 0;
  while (i < src.length) {
    const ch = src[i]!;
    if (ch === '"') {
      let j = i + 1;
      while (j < src.length) {
        if (src[j] === '"') { if (src[j + 1] === '"') { j += 2; continue; } break; }
        j++;
      }
      text += src.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (ch === '#') {
      // Error literals (#REF!, #N/A ...) stay text.
      const m = /^#(REF!|N\/A|DIV\/0!|VALUE!|NAME\?|NUM!|NULL!)/.exec(src.slice(i));
      if (m) { text += m[0]; i += m[0].length; continue; }
    }
    if (ch === '[') {
      const end = closingBracket(src, i);
      flush();
      out.push({ t: 'struct', spec: src.slice(i + 1, end) });
      i = end + 1;
      continue;
    }
    if (ch === "'") {
      // 'My Sheet'!A1
      let j = i + 1;
      while (j < src.length) {
        if (src[j] === "'") { if (src[j + 1] === "'") { j += 2; continue; } break; }
        j++;
      }
      if (src[j + 1] === '!') {
        const sheet = src.slice(i + 1, j).replace(/''/g, "'");
        const ref = readA1(src, j + 2);
        if (ref) { flush(); out.push({ t: 'ref', ref: { ...ref.ref, sheet } }); i = ref.end; continue; }
      }
      text += src.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    const prev = i > 0 ? src[i - 1]! : '';
    const boundary = !NAME_CHAR.test(prev) && prev !== '$';
    if (boundary && (ch === '$' || NAME_START.test(ch) || /\d/.test(ch))) {
      // A reference on this sheet?
      const ref = readA1(src, i);
      if (ref && !(ref.ref.kind === 'rows' && !/:/.test(src.slice(i, ref.end)))) {
        flush();
        out.push({ t: 'ref', ref: ref.ref });
        i = ref.end;
        continue;
      }
      if (/\d/.test(ch) || ch === '$') { text += ch; i++; continue; }
      let j = i;
      while (j < src.length && NAME_CHAR.test(src[j]!)) j++;
      const word = src.slice(i, j);
      if (src[j] === '!') {
        const sheetRef = readA1(src, j + 1);
        if (sheetRef) { flush(); out.push({ t: 'ref', ref: { ...sheetRef.ref, sheet: word } }); i = sheetRef.end; continue; }
      }
      if (src[j] === '[') {
        const end = closingBracket(src, j);
        flush();
        out.push({ t: 'struct', table: word, spec: src.slice(j + 1, end) });
        i = end + 1;
        continue;
      }
      if (src[j] === '(' || /^(TRUE|FALSE)$/i.test(word)) { text += word; i = j; continue; }
      flush();
      out.push({ t: 'name', name: word });
      i = j;
      continue;
    }
    text += ch;
    i++;
  }
  flush();
  return out;
}

/** Index of the bracket closing the one at `start` (Excel's ' escapes a bracket inside names). */
function closingBracket(src: string, start: number): number {
  let depth = 0;
  for (let i = start; i < src.length; i++) {
    const ch = src[i];
    if (ch === "'") { i++; continue; }
    if (ch === '[') depth++;
    else if (ch === ']') { depth--; if (depth === 0) return i; }
  }
  return src.length - 1;
}

/** An A1 reference starting at `i` ("A1", "$A$1:$B$3", "A:C", "2:5"), or undefined. */
function readA1(src: string, i: number): { ref: A1Ref; end: number } | undefined {
  const rest = src.slice(i);
  const cell = CELL.exec(rest);
  if (cell && !NAME_CHAR.test(rest[cell[0].length] ?? '') && rest[cell[0].length] !== '(' && rest[cell[0].length] !== '!' && rest[cell[0].length] !== '[') {
    const r1 = Number(cell[4]) - 1, c1 = columnIndex(cell[2]!);
    if (rest[cell[0].length] === ':') {
      const second = CELL.exec(rest.slice(cell[0].length + 1));
      if (second && !NAME_CHAR.test(rest[cell[0].length + 1 + second[0].length] ?? '')) {
        const r2 = Number(second[4]) - 1, c2 = columnIndex(second[2]!);
        return {
          ref: { kind: 'range', r1: Math.min(r1, r2), r2: Math.max(r1, r2), c1: Math.min(c1, c2), c2: Math.max(c1, c2), abs: [cell[1] === '$', cell[3] === '$', second[1] === '$', second[3] === '$'] },
          end: i + cell[0].length + 1 + second[0].length,
        };
      }
    }
    return { ref: { kind: 'cell', r1, c1, r2: r1, c2: c1, abs: [cell[1] === '$', cell[3] === '$', cell[1] === '$', cell[3] === '$'] }, end: i + cell[0].length };
  }
  const col = COLUMN.exec(rest);
  if (col && rest[col[0].length] === ':') {
    const second = COLUMN.exec(rest.slice(col[0].length + 1));
    if (second) {
      const c1 = columnIndex(col[2]!), c2 = columnIndex(second[2]!);
      return { ref: { kind: 'columns', r1: 0, r2: 1_048_575, c1: Math.min(c1, c2), c2: Math.max(c1, c2), abs: [false, col[1] === '$', false, second[1] === '$'] }, end: i + col[0].length + 1 + second[0].length };
    }
  }
  const row = ROW.exec(rest);
  if (row && rest[row[0].length] === ':') {
    const second = ROW.exec(rest.slice(row[0].length + 1));
    if (second) {
      const r1 = Number(row[2]) - 1, r2 = Number(second[2]) - 1;
      return { ref: { kind: 'rows', r1: Math.min(r1, r2), r2: Math.max(r1, r2), c1: 0, c2: 16_383, abs: [row[1] === '$', false, second[1] === '$', false] }, end: i + row[0].length + 1 + second[0].length };
    }
  }
  return undefined;
}

/** A sheet name as a formula writes it: quoted when it needs to be. */
export function formulaSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/**
 * The reference as formula text.
 * @example formatA1({ kind: 'range', sheet: 'Data', r1: 1, c1: 0, r2: 9, c2: 0, abs: [true, true, true, true] }) // "Data!$A$2:$A$10"
 */
export function formatA1(ref: A1Ref): string {
  const prefix = ref.sheet === undefined ? '' : `${formulaSheet(ref.sheet)}!`;
  const d = (b: boolean) => (b ? '$' : '');
  const [ar1, ac1, ar2, ac2] = ref.abs;
  if (ref.kind === 'columns') return `${prefix}${d(ac1)}${columnName(ref.c1)}:${d(ac2)}${columnName(ref.c2)}`;
  if (ref.kind === 'rows') return `${prefix}${d(ar1)}${ref.r1 + 1}:${d(ar2)}${ref.r2 + 1}`;
  const first = `${d(ac1)}${columnName(ref.c1)}${d(ar1)}${ref.r1 + 1}`;
  if (ref.kind === 'cell') return `${prefix}${first}`;
  return `${prefix}${first}:${d(ac2)}${columnName(ref.c2)}${d(ar2)}${ref.r2 + 1}`;
}

/** Parts back to formula text (with its leading "="). */
export function joinFormula(parts: FormulaPart[]): string {
  return `=${parts.map((p) => {
    if (p.t === 'text') return p.text;
    if (p.t === 'ref') return formatA1(p.ref);
    if (p.t === 'name') return p.name;
    return `${p.table ?? ''}[${p.spec}]`;
  }).join('')}`;
}
