/**
 * A small evaluator for the formulas conditional formats and data-validation rules hold:
 * `=B5<0`, `=$C$2`, `=B5>=Thresholds!C2`, `=AND(B5<>"",B5<C5*0.9)`.
 *
 * Why our own: the simulator does not calculate worksheet formulas, but Excel evaluates these
 * rule formulas for every cell it draws, so the workbench and tests need their results.
 *
 * Supported (document for add-in authors): numbers, "text", TRUE/FALSE, cell references with
 * optional sheet ('My Sheet'!A1) and $ anchors, the operators = <> < > <= >= + - * / & and unary -,
 * parentheses, and the functions AND, OR, NOT, IF, ABS, ISBLANK, ISNUMBER, ISTEXT.
 * References are relative to the rule's anchor cell (the top-left of the formatted range) as in
 * Excel: `=B5<0` on B5:B9 reads B7 for the cell B7. Ranges (A1:B3) and other functions are
 * refused when the rule is set, with a message naming the part, instead of being guessed.
 * Comparisons follow Excel: blank equals 0 / "" / FALSE, numbers < text < booleans, text compares
 * case-insensitively. An error inside (e.g. text in arithmetic) makes the rule false for that cell.
 */
import type { CellValue } from '../../excel/api';
import { columnIndex } from '../../engine/address/a1';

export type FormulaNode =
  | { k: 'num'; v: number }
  | { k: 'str'; v: string }
  | { k: 'bool'; v: boolean }
  | { k: 'ref'; sheet?: string; row: number; col: number; rowAbs: boolean; colAbs: boolean }
  | { k: 'neg'; a: FormulaNode }
  | { k: 'bin'; op: string; a: FormulaNode; b: FormulaNode }
  | { k: 'call'; name: string; args: FormulaNode[] };

/** Thrown for a formula the evaluator cannot read; the message names the offending part. */
export class FormulaSyntaxError extends Error {}

const FUNCTIONS = new Set(['AND', 'OR', 'NOT', 'IF', 'ABS', 'ISBLANK', 'ISNUMBER', 'ISTEXT']);

type Token = { t: 'num' | 'str' | 'ref' | 'name' | 'op'; v: string };

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  const ref = /^(?:('(?:[^']|'')+'|[A-Za-z_][A-Za-z0-9_.]*)!)?(\$?[A-Za-z]{1,3}\$?\d{1,7})(?![A-Za-z0-9_(])/;
  while (i < text.length) {
    const ch = text[i];
    if (ch === ' ') { i++; continue; }
    const rest = text.slice(i);
    const num = /^(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?%?/.exec(rest);
    if (num) {
      const pct = num[0].endsWith('%');
      const v = Number(pct ? num[0].slice(0, -1) : num[0]) / (pct ? 100 : 1);
      out.push({ t: 'num', v: String(v) });
      i += num[0].length;
      continue;
    }
    if (ch === '"') {
      let j = i + 1;
      let s = '';
      while (j < text.length) {
        if (text[j] === '"') {
          if (text[j + 1] === '"') { s += '"'; j += 2; continue; }
          break;
        }
        s += text[j++];
      }
      if (j >= text.length) throw new FormulaSyntaxError(`A text in "${text}" has no closing quote.`);
      out.push({ t: 'str', v: s });
      i = j + 1;
      continue;
    }
    const r = ref.exec(rest);
    if (r) {
      out.push({ t: 'ref', v: r[0] });
      i += r[0].length;
      continue;
    }
    const name = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(rest);
    if (name) {
      out.push({ t: 'name', v: name[0].toUpperCase() });
      i += name[0].length;
      continue;
    }
    const op = /^(<>|<=|>=|[=<>+\-*/&(),:])/.exec(rest);
    if (op) {
      out.push({ t: 'op', v: op[0] });
      i += op[0].length;
      continue;
    }
    throw new FormulaSyntaxError(`"${ch}" is not understood in "${text}".`);
  }
  return out;
}

function parseRef(text: string): FormulaNode {
  const bang = text.lastIndexOf('!');
  let sheet: string | undefined;
  let local = text;
  if (bang >= 0) {
    sheet = text.slice(0, bang);
    if (sheet.startsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
    local = text.slice(bang + 1);
  }
  const m = /^(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})$/.exec(local)!;
  return { k: 'ref', sheet, col: columnIndex(m[2]), colAbs: m[1] === '$', row: Number(m[4]) - 1, rowAbs: m[3] === '$' };
}

/**
 * Parses a rule formula ("=B5<0" or "0"; the leading "=" is optional).
 * @example parseRuleFormula('=B5<0') // { k: 'bin', op: '<', a: { k: 'ref', ... }, b: { k: 'num', v: 0 } }
 */
export function parseRuleFormula(formula: string): FormulaNode {
  const text = formula.startsWith('=') ? formula.slice(1) : formula;
  const tokens = tokenize(text);
  let pos = 0;
  const peek = () => tokens[pos];
  const isOp = (v: string) => peek()?.t === 'op' && peek().v === v;
  const expect = (v: string) => {
    if (!isOp(v)) throw new FormulaSyntaxError(`"${formula}" needs "${v}" at position ${pos + 1}.`);
    pos++;
  };
  const comparison = (): FormulaNode => {
    let a = concat();
    while (peek()?.t === 'op' && ['=', '<>', '<', '>', '<=', '>='].includes(peek().v)) {
      const op = tokens[pos++].v;
      a = { k: 'bin', op, a, b: concat() };
    }
    return a;
  };
  const concat = (): FormulaNode => {
    let a = additive();
    while (isOp('&')) { pos++; a = { k: 'bin', op: '&', a, b: additive() }; }
    return a;
  };
  const additive = (): FormulaNode => {
    let a = term();
    while (isOp('+') || isOp('-')) { const op = tokens[pos++].v; a = { k: 'bin', op, a, b: term() }; }
    return a;
  };
  const term = (): FormulaNode => {
    let a = unary();
    while (isOp('*') || isOp('/')) { const op = tokens[pos++].v; a = { k: 'bin', op, a, b: unary() }; }
    return a;
  };
  const unary = (): FormulaNode => {
    if (isOp('-')) { pos++; return { k: 'neg', a: unary() }; }
    if (isOp('+')) { pos++; return unary(); }
    return primary();
  };
  const primary = (): FormulaNode => {
    const tok = tokens[pos++];
    if (!tok) throw new FormulaSyntaxError(`"${formula}" ends too early.`);
    if (tok.t === 'num') return { k: 'num', v: Number(tok.v) };
    if (tok.t === 'str') return { k: 'str', v: tok.v };
    if (tok.t === 'ref') {
      if (isOp(':')) throw new FormulaSyntaxError(`"${formula}": ranges such as ${tok.v}:... are not supported in rule formulas here; refer to single cells.`);
      return parseRef(tok.v);
    }
    if (tok.t === 'name') {
      if (tok.v === 'TRUE' || tok.v === 'FALSE') {
        if (isOp('(')) { pos++; expect(')'); }
        return { k: 'bool', v: tok.v === 'TRUE' };
      }
      if (!isOp('(')) throw new FormulaSyntaxError(`"${formula}": the name ${tok.v} is not supported (use cell references).`);
      if (!FUNCTIONS.has(tok.v)) throw new FormulaSyntaxError(`"${formula}": the function ${tok.v} is not supported; use ${[...FUNCTIONS].join(', ')}.`);
      pos++;
      const args: FormulaNode[] = [];
      if (!isOp(')')) {
        args.push(comparison());
        while (isOp(',')) { pos++; args.push(comparison()); }
      }
      expect(')');
      return { k: 'call', name: tok.v, args };
    }
    if (tok.v === '(') {
      const inner = comparison();
      expect(')');
      return inner;
    }
    throw new FormulaSyntaxError(`"${formula}": "${tok.v}" is not expected at position ${pos}.`);
  };
  const node = comparison();
  if (pos < tokens.length) throw new FormulaSyntaxError(`"${formula}": "${tokens[pos].v}" is not expected at position ${pos + 1}.`);
  return node;
}

/** Reads a cell: sheet undefined = the rule's own sheet. "" is a blank cell. */
export type CellReader = (sheet: string | undefined, row: number, column: number) => CellValue;

/** A value during evaluation: null = blank cell. */
type V = number | string | boolean | null;

class EvalError extends Error {}

function toNumber(v: V): number {
  if (v === null) return 0;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  const t = v.trim();
  if (t !== '' && Number.isFinite(Number(t))) return Number(t);
  throw new EvalError('#VALUE!');
}

function toBool(v: V): boolean {
  if (v === null) return false;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  if (/^true$/i.test(v)) return true;
  if (/^false$/i.test(v)) return false;
  throw new EvalError('#VALUE!');
}

const rank = (v: number | string | boolean) => (typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : 2);

/**
 * Excel's comparison: a blank takes the other side's type; numbers < text < booleans.
 * @example compareExcel(null, 0) // 0
 * @example compareExcel('abc', 5) // 1
 */
export function compareExcel(a: V, b: V): number {
  const x: number | string | boolean = a ?? (b === null ? 0 : typeof b === 'number' ? 0 : typeof b === 'string' ? '' : false);
  const y: number | string | boolean = b ?? (typeof x === 'number' ? 0 : typeof x === 'string' ? '' : false);
  if (rank(x) !== rank(y)) return rank(x) - rank(y);
  if (typeof x === 'string') {
    const p = x.toLowerCase(), q = (y as string).toLowerCase();
    return p < q ? -1 : p > q ? 1 : 0;
  }
  const p = Number(x), q = Number(y);
  return p < q ? -1 : p > q ? 1 : 0;
}

function isErrorText(v: CellValue): boolean {
  return typeof v === 'string' && /^#(N\/A|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|NULL!|SPILL!|CALC!)$/.test(v);
}

function evaluate(node: FormulaNode, read: CellReader, dr: number, dc: number): V {
  switch (node.k) {
    case 'num': case 'str': case 'bool': return node.v;
    case 'ref': {
      const v = read(node.sheet, node.row + (node.rowAbs ? 0 : dr), node.col + (node.colAbs ? 0 : dc));
      if (isErrorText(v)) throw new EvalError(String(v));
      return v === '' ? null : v;
    }
    case 'neg': return -toNumber(evaluate(node.a, read, dr, dc));
    case 'bin': {
      const a = evaluate(node.a, read, dr, dc);
      const b = evaluate(node.b, read, dr, dc);
      switch (node.op) {
        case '+': return toNumber(a) + toNumber(b);
        case '-': return toNumber(a) - toNumber(b);
        case '*': return toNumber(a) * toNumber(b);
        case '/': {
          const d = toNumber(b);
          if (d === 0) throw new EvalError('#DIV/0!');
          return toNumber(a) / d;
        }
        case '&': return `${a ?? ''}${b ?? ''}`;
        case '=': return compareExcel(a, b) === 0;
        case '<>': return compareExcel(a, b) !== 0;
        case '<': return compareExcel(a, b) < 0;
        case '>': return compareExcel(a, b) > 0;
        case '<=': return compareExcel(a, b) <= 0;
        default: return compareExcel(a, b) >= 0;
      }
    }
    case 'call': {
      const args = node.args;
      const arg = (i: number) => evaluate(args[i], read, dr, dc);
      switch (node.name) {
        case 'AND': return args.every((_, i) => toBool(arg(i)));
        case 'OR': return args.some((_, i) => toBool(arg(i)));
        case 'NOT': return !toBool(arg(0));
        case 'IF': return toBool(arg(0)) ? (args.length > 1 ? arg(1) : true) : args.length > 2 ? arg(2) : false;
        case 'ABS': return Math.abs(toNumber(arg(0)));
        case 'ISBLANK': return arg(0) === null;
        case 'ISNUMBER': return typeof arg(0) === 'number';
        default: return typeof arg(0) === 'string';
      }
    }
  }
}

/**
 * Evaluates a parsed rule formula for the cell `dr` rows and `dc` columns away from the anchor.
 * Returns undefined when Excel's result would be an error.
 */
export function evaluateRuleFormula(node: FormulaNode, read: CellReader, dr = 0, dc = 0): V | undefined {
  try {
    return evaluate(node, read, dr, dc);
  } catch (error) {
    if (error instanceof EvalError) return undefined;
    throw error;
  }
}

/** True when the formula's result counts as TRUE for a rule (errors and text do not). */
export function ruleHolds(node: FormulaNode, read: CellReader, dr = 0, dc = 0): boolean {
  const v = evaluateRuleFormula(node, read, dr, dc);
  if (v === undefined || v === null || typeof v === 'string') return false;
  return typeof v === 'boolean' ? v : v !== 0;
}
