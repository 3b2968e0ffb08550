import { compareCodePoints } from '../values/code-point-order';
import { isExcelError } from '../values/errors';
import { serialDay, serialIsoWeek, serialMonth, serialQuarter, serialWeekday, serialYear } from '../values/date-parts';

/**
 * Row-level functions with Excel's coercion rules, registered in Arquero as
 * `op.pd_*` and called by the code we generate from formula ASTs. Values are
 * Excel values: number, text, logical, null/"" (blank) or an error string.
 * Errors propagate left to right; nothing throws.
 */
export type XValue = number | string | boolean | null | undefined;
type Num = number | string; // a number, or the error string that replaced it

const isErr = (v: unknown): v is string => typeof v === 'string' && isExcelError(v);
const blank = (v: XValue) => v == null || v === '';

/** Excel's arithmetic coercion: blank 0, TRUE 1, numeric text its number, other text #VALUE!. */
function num(v: XValue): Num {
  if (typeof v === 'number') return Number.isFinite(v) ? v : '#NUM!';
  if (v == null || v === '') return 0;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (isExcelError(v)) return v;
  const t = v.trim();
  const n = t === '' ? NaN : Number(t);
  return Number.isFinite(n) ? n : '#VALUE!';
}

/** Excel's text coercion; numbers print with 15 significant digits like the General format. */
function text(v: XValue): string {
  if (v == null) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'number') return String(Number(v.toPrecision(15)));
  return v;
}

/** Excel's logical coercion: numbers are TRUE unless 0; "TRUE"/"FALSE" text; other text #VALUE!. */
function bool(v: XValue): boolean | string {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  if (v == null || v === '') return false;
  if (isExcelError(v)) return v;
  const u = v.toUpperCase();
  return u === 'TRUE' ? true : u === 'FALSE' ? false : '#VALUE!';
}

const finite = (n: number): Num => (Number.isFinite(n) ? n : '#NUM!');

function arith(a: XValue, b: XValue, f: (x: number, y: number) => Num): Num {
  const x = num(a);
  if (typeof x === 'string') return x;
  const y = num(b);
  if (typeof y === 'string') return y;
  return f(x, y);
}

/** Excel's ordering across types: numbers < text < logicals; text ignores case. Blank takes the other side's empty value. */
function compare(a: XValue, b: XValue): number | string {
  if (isErr(a)) return a;
  if (isErr(b)) return b;
  if (blank(a)) a = typeof b === 'number' ? 0 : typeof b === 'boolean' ? false : '';
  if (blank(b)) b = typeof a === 'number' ? 0 : typeof a === 'boolean' ? false : '';
  const rank = (v: XValue) => (typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : 2);
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  if (ra === 1) {
    // By code point, as the warehouse compares (shared semantic, issue 19).
    const c = compareCodePoints((a as string).toLowerCase(), (b as string).toLowerCase());
    return c < 0 ? -1 : c > 0 ? 1 : 0;
  }
  const x = Number(a);
  const y = Number(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

const cmp = (test: (c: number) => boolean) => (a: XValue, b: XValue) => {
  const c = compare(a, b);
  return typeof c === 'string' ? c : test(c);
};

function datePart(v: XValue, part: (serial: number) => number | null): Num {
  const x = num(v);
  if (typeof x === 'string') return x;
  const r = part(x);
  return r == null ? '#NUM!' : r;
}

/** Excel's ROUND: halves away from zero, with a decimal-string step so 2.675 rounds to 2.68 as in Excel. */
function round(x: number, digits: number): number {
  const d = Math.trunc(digits);
  const sign = x < 0 ? -1 : 1;
  const shifted = Number(`${Math.abs(x)}e${d}`);
  const r = Number(`${Math.round(Number(shifted.toPrecision(15)))}e${-d}`);
  return sign * r;
}

/**
 * Excel's cell limit: text longer than 32,767 characters is #VALUE!, as Excel's CONCAT and `&`
 * give (support.microsoft.com, CONCAT function: "If the resulting string exceeds 32767 characters
 * (cell limit), CONCAT returns the #VALUE! error"). It also bounds what one value can hold, so a
 * chain of derived fields that each double a text stops growing instead of exhausting memory.
 */
export const MAX_TEXT_LENGTH = 32_767;

/**
 * Characters of text `&` and CONCAT may build in one run (all derived fields of a query, or all
 * row expressions of one measure computation): about 200 MB, far above what real data needs
 * (a million rows joining two 30-character names is 60 million) and well below what crashes a tab.
 */
export const MAX_BUILT_TEXT = 100_000_000;

/** The current run's budget (see withTextBudget) and what is left of it. */
let textBudget = Infinity;
let textLeft = Infinity;

/** The text built by `&` and CONCAT in one run went over its budget; nothing was produced. */
export class TextBudgetError extends Error {
  readonly budget: number;

  constructor(budget: number) {
    super(
      `The formulas build more than ${budget.toLocaleString('en-US')} characters of text in all, more than PivotDeck can hold. ` +
        'Shorten the text they join (for example with LEFT), join fewer fields, or filter the source to fewer rows.',
    );
    this.name = 'TextBudgetError';
    this.budget = budget;
  }
}

/**
 * Run `work` with at most `chars` characters of text built by `&` and CONCAT across all rows;
 * over that, TextBudgetError is thrown. Evaluation is synchronous, so module variables scope it;
 * a run started inside another shares the outer one's budget.
 * @example withTextBudget(1_000_000, () => table.derive({ e0: 'op.pd_cat(d.c0,d.c1)' }))
 */
export function withTextBudget<T>(chars: number, work: () => T): T {
  // Inside a run already (a query computing its derived fields): share that run's budget.
  if (textBudget !== Infinity) return work();
  const saved = [textBudget, textLeft];
  textBudget = chars;
  textLeft = chars;
  try {
    return work();
  } finally {
    [textBudget, textLeft] = saved;
  }
}

/** Joined text, counted against the run's budget. */
function joined(s: string): string {
  textLeft -= s.length;
  if (textLeft < 0) throw new TextBudgetError(textBudget);
  return s;
}

function textFn(v: XValue, f: (s: string) => XValue): XValue {
  return isErr(v) ? v : f(text(v));
}

/**
 * The registered row functions. Keys are the names used in generated code
 * (`op.pd_add(...)`); see codegen.ts for which formula construct maps to which.
 */
export const ROW_FUNCTIONS = {
  pd_add: (a: XValue, b: XValue) => arith(a, b, (x, y) => finite(x + y)),
  pd_sub: (a: XValue, b: XValue) => arith(a, b, (x, y) => finite(x - y)),
  pd_mul: (a: XValue, b: XValue) => arith(a, b, (x, y) => finite(x * y)),
  pd_div: (a: XValue, b: XValue) => arith(a, b, (x, y) => (y === 0 ? '#DIV/0!' : finite(x / y))),
  pd_pow: (a: XValue, b: XValue) => arith(a, b, (x, y) => (x === 0 && y === 0 ? '#NUM!' : x === 0 && y < 0 ? '#DIV/0!' : finite(x ** y))),
  pd_neg: (a: XValue) => {
    const x = num(a);
    return typeof x === 'string' ? x : x === 0 ? 0 : -x;
  },
  pd_plus: (a: XValue) => a ?? null,
  pd_pct: (a: XValue) => {
    const x = num(a);
    return typeof x === 'string' ? x : x / 100;
  },
  pd_cat: (a: XValue, b: XValue) => {
    if (isErr(a)) return a;
    if (isErr(b)) return b;
    const x = text(a);
    const y = text(b);
    return x.length + y.length > MAX_TEXT_LENGTH ? '#VALUE!' : joined(x + y);
  },
  pd_eq: cmp((c) => c === 0),
  pd_ne: cmp((c) => c !== 0),
  pd_lt: cmp((c) => c < 0),
  pd_le: cmp((c) => c <= 0),
  pd_gt: cmp((c) => c > 0),
  pd_ge: cmp((c) => c >= 0),

  /** IF without an else gives blank (SQL's CASE without ELSE), so IF can pick rows inside aggregates. */
  pd_if: (c: XValue, a: XValue, b?: XValue) => {
    const t = bool(c);
    return typeof t === 'string' ? t : t ? (a ?? null) : (b ?? null);
  },
  pd_iferror: (a: XValue, b: XValue) => (isErr(a) ? (b ?? null) : (a ?? null)),
  pd_and: (...args: XValue[]) => {
    let r = true;
    for (const a of args) {
      const t = bool(a);
      if (typeof t === 'string') return t;
      r = r && t;
    }
    return r;
  },
  pd_or: (...args: XValue[]) => {
    let r = false;
    for (const a of args) {
      const t = bool(a);
      if (typeof t === 'string') return t;
      r = r || t;
    }
    return r;
  },
  pd_not: (a: XValue) => {
    const t = bool(a);
    return typeof t === 'string' ? t : !t;
  },
  pd_isblank: (a: XValue) => blank(a),
  pd_isnumber: (a: XValue) => typeof a === 'number',
  pd_istext: (a: XValue) => typeof a === 'string' && a !== '' && !isExcelError(a),
  pd_iserror: (a: XValue) => isErr(a),
  pd_abs: (a: XValue) => {
    const x = num(a);
    return typeof x === 'string' ? x : Math.abs(x);
  },
  pd_round: (a: XValue, d: XValue) => arith(a, d, (x, y) => finite(round(x, y))),
  /** Excel's FLOOR.MATH(x, s) (mode 0): toward minus infinity, s's sign ignored, s = 0 gives 0; x/s is read at 15 digits as Excel does, so FLOOR.MATH(0.3, 0.1) is 0.3. */
  pd_floor_math: (a: XValue, s?: XValue) =>
    arith(a, s == null ? 1 : s, (x, y) => {
      const step = Math.abs(y);
      if (step === 0) return 0;
      return finite(Number((Math.floor(Number((x / step).toPrecision(15))) * step).toPrecision(15)));
    }),
  pd_year: (a: XValue) => datePart(a, serialYear),
  pd_quarter: (a: XValue) => datePart(a, serialQuarter),
  pd_month: (a: XValue) => datePart(a, serialMonth),
  pd_day: (a: XValue) => datePart(a, serialDay),
  pd_weekday: (a: XValue, type?: XValue) => {
    const t = type == null ? 1 : num(type);
    if (typeof t === 'string') return t;
    if (t !== 1 && t !== 2 && t !== 3) return '#NUM!';
    return datePart(a, (s) => serialWeekday(s, t));
  },
  pd_isoweeknum: (a: XValue) => datePart(a, serialIsoWeek),
  pd_left: (a: XValue, n?: XValue) => {
    const k = n == null ? 1 : num(n);
    if (typeof k === 'string') return k;
    return k < 0 ? '#VALUE!' : textFn(a, (s) => s.slice(0, Math.trunc(k)));
  },
  pd_right: (a: XValue, n?: XValue) => {
    const k = n == null ? 1 : num(n);
    if (typeof k === 'string') return k;
    return k < 0 ? '#VALUE!' : textFn(a, (s) => (Math.trunc(k) === 0 ? '' : s.slice(-Math.trunc(k))));
  },
  pd_len: (a: XValue) => textFn(a, (s) => s.length),
  pd_upper: (a: XValue) => textFn(a, (s) => s.toUpperCase()),
  pd_lower: (a: XValue) => textFn(a, (s) => s.toLowerCase()),
  /** Excel's TRIM removes ASCII spaces at both ends and collapses inner runs to one. */
  pd_trim: (a: XValue) => textFn(a, (s) => s.replace(/ +/g, ' ').replace(/^ | $/g, '')),
  pd_concat: (...args: XValue[]) => {
    let length = 0;
    for (const a of args) {
      if (isErr(a)) return a;
      length += text(a).length;
    }
    if (length > MAX_TEXT_LENGTH) return '#VALUE!';
    let s = '';
    for (const a of args) s += text(a);
    return joined(s);
  },
  /** A filter keeps a row only when its test is TRUE (a non-zero number counts); errors drop the row. */
  pd_truthy: (a: XValue) => bool(a) === true,
} as const;

export type RowFunctionName = keyof typeof ROW_FUNCTIONS;
