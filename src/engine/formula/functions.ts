import { functionAliases } from './aliases';

/**
 * The function catalogue of the formula language: names, arity and kind.
 * Names and semantics follow Excel where Excel has the function; the few
 * additions (COUNTDISTINCT, AVERAGEWEIGHTED, FIRST, LAST, QUARTER) are named
 * so an Excel user can guess them. See docs/formula-language.md.
 */

/** `aggregate`: many rows -> one value per group. `row`: one value per row (or per group, over aggregates). */
export type FunctionKind = 'aggregate' | 'row';

/** How an aggregate reads its row inputs. */
export type AggregateInput =
  /** numbers only: blanks, text, logicals and errors are skipped and tallied (SUM, MEDIAN...) */
  | 'numeric'
  /** whether a cell is non-blank: blanks are skipped (COUNTA) */
  | 'presence'
  /** non-blank values, dictionary-encoded (text case-insensitively) to numbers: blanks skipped (COUNTDISTINCT) */
  | 'category'
  /** any non-blank value as is: blanks are skipped (FIRST, LAST) */
  | 'value';

export interface FunctionDef {
  /** Canonical Excel name, e.g. "PERCENTILE.INC". */
  name: string;
  kind: FunctionKind;
  minArgs: number;
  maxArgs: number;
  /** Aggregates: how many leading arguments are row-level inputs (the rest must be constants). */
  inputs?: number;
  /** Aggregates: how each input is read. */
  input?: AggregateInput[];
  /** One-line help for completion lists. */
  signature: string;
}

const agg = (name: string, signature: string, input: AggregateInput[], params = 0): FunctionDef => ({
  name,
  kind: 'aggregate',
  minArgs: input.length + params,
  maxArgs: input.length + params,
  inputs: input.length,
  input,
  signature,
});

const row = (name: string, minArgs: number, maxArgs: number, signature: string): FunctionDef => ({
  name,
  kind: 'row',
  minArgs,
  maxArgs,
  signature,
});

const N: AggregateInput = 'numeric';
const V: AggregateInput = 'value';
const P: AggregateInput = 'presence';
const C: AggregateInput = 'category';

const DEFS: FunctionDef[] = [
  agg('SUM', 'SUM(value): sum of the numbers', [N]),
  agg('COUNT', 'COUNT(value): how many numbers (Excel COUNT)', [N]),
  agg('COUNTA', 'COUNTA(value): how many non-blank cells (Excel COUNTA)', [P]),
  agg('COUNTDISTINCT', 'COUNTDISTINCT(value): how many different non-blank values (text ignores case)', [C]),
  agg('AVERAGE', 'AVERAGE(value): mean of the numbers', [N]),
  agg('MIN', 'MIN(value): smallest number (0 when there is none, as in Excel)', [N]),
  agg('MAX', 'MAX(value): largest number (0 when there is none, as in Excel)', [N]),
  agg('MEDIAN', 'MEDIAN(value): middle number', [N]),
  agg('PERCENTILE.INC', 'PERCENTILE.INC(value, p): p-th percentile, p from 0 to 1, interpolated as Excel does', [N], 1),
  agg('QUARTILE.INC', 'QUARTILE.INC(value, q): quartile q = 0..4', [N], 1),
  agg('MODE.SNGL', 'MODE.SNGL(value): most frequent number (first one on ties; #N/A if none repeats)', [N]),
  agg('STDEV.S', 'STDEV.S(value): sample standard deviation', [N]),
  agg('STDEV.P', 'STDEV.P(value): population standard deviation', [N]),
  agg('VAR.S', 'VAR.S(value): sample variance', [N]),
  agg('VAR.P', 'VAR.P(value): population variance', [N]),
  agg('PRODUCT', 'PRODUCT(value): product of the numbers', [N]),
  agg('AVERAGEWEIGHTED', 'AVERAGEWEIGHTED(value, weight): SUM(value*weight)/SUM(weight) over rows where both are numbers', [N, N]),
  agg('FIRST', 'FIRST(value, order): value on the row with the smallest order (first such row on ties)', [V, N]),
  agg('LAST', 'LAST(value, order): value on the row with the largest order (first such row on ties)', [V, N]),

  row('IF', 2, 3, 'IF(test, then, [else]): without else, a false test gives blank'),
  row('IFERROR', 2, 2, 'IFERROR(value, fallback)'),
  row('AND', 1, 30, 'AND(test1, ...)'),
  row('OR', 1, 30, 'OR(test1, ...)'),
  row('NOT', 1, 1, 'NOT(test)'),
  row('ISBLANK', 1, 1, 'ISBLANK(value)'),
  row('ISNUMBER', 1, 1, 'ISNUMBER(value)'),
  row('ISTEXT', 1, 1, 'ISTEXT(value)'),
  row('ISERROR', 1, 1, 'ISERROR(value)'),
  row('ABS', 1, 1, 'ABS(number)'),
  row('ROUND', 2, 2, 'ROUND(number, digits): halves away from zero'),
  row('FLOOR.MATH', 1, 2, 'FLOOR.MATH(number, [significance]): round down to a multiple of significance (default 1)'),
  row('YEAR', 1, 1, 'YEAR(date)'),
  row('QUARTER', 1, 1, 'QUARTER(date): 1-4'),
  row('MONTH', 1, 1, 'MONTH(date)'),
  row('DAY', 1, 1, 'DAY(date)'),
  row('WEEKDAY', 1, 2, 'WEEKDAY(date, [type]): type 1 Sun=1, 2 Mon=1, 3 Mon=0'),
  row('ISOWEEKNUM', 1, 1, 'ISOWEEKNUM(date)'),
  row('LEFT', 1, 2, 'LEFT(text, [count])'),
  row('RIGHT', 1, 2, 'RIGHT(text, [count])'),
  row('LEN', 1, 1, 'LEN(text)'),
  row('UPPER', 1, 1, 'UPPER(text)'),
  row('LOWER', 1, 1, 'LOWER(text)'),
  row('TRIM', 1, 1, 'TRIM(text): removes outer spaces and repeated inner spaces'),
  row('CONCAT', 1, 30, 'CONCAT(text1, ...)'),
];

// A Map, not an object: names like "constructor" or "__proto__" must not find anything. Renaming
// aliases (aliases.ts) find their function too, for ASTs built before the parser resolved them.
const BY_NAME: ReadonlyMap<string, FunctionDef> = new Map([
  ...DEFS.map((d) => [d.name, d] as const),
  ...functionAliases()
    .filter((a) => !a.noArguments)
    .map((a) => [a.name, DEFS.find((d) => d.name === a.readAs)!] as const),
]);

/**
 * Look a function up by name (case-insensitive, aliases from Excel and DAX accepted).
 * @example lookupFunction('percentile')?.name // 'PERCENTILE.INC'
 * @example lookupFunction('constructor') // undefined
 */
export function lookupFunction(name: string): FunctionDef | undefined {
  return BY_NAME.get(name.toUpperCase());
}

/**
 * Every function name the language accepts (canonical names and aliases), for completion.
 * @example functionNames().includes('MEDIAN') // true
 */
export function functionNames(): string[] {
  return [...BY_NAME.keys()];
}

/** The catalogue, canonical names only. */
export const FUNCTIONS: readonly FunctionDef[] = DEFS;
