/**
 * Calculates one worksheet formula. The simulator resolves every reference itself (A1, structured,
 * defined names, table names; see formula-tokens.ts) into plain A1 text, then hands the text to
 * fast-formula-parser (MIT), whose functions are Excel's; the ones it lacks (SUMIFS, COUNTIFS,
 * AVERAGEIFS, MATCH, MAXIFS, MINIFS) come from @formulajs/formulajs (MIT). XLOOKUP, which neither
 * library has, is formulajs's MATCH (exact) and INDEX composed, with Excel's if_not_found argument;
 * other match modes give #VALUE! rather than a guess.
 */
import FormulaParser, { type FunctionArg } from 'fast-formula-parser';
import * as formulajs from '@formulajs/formulajs';
import type { CellValue } from '../../excel/api';
import { type Area, columnName } from '../../engine/address/a1';
import { type FormulaPart, formatA1, formulaSheet, tokenizeFormula } from './formula-tokens';
import { type TableShape, parseStructuredSpec, resolveStructured } from './structured-ref';

/** What the calculation reads from the workbook. */
export interface CalcHost {
  /** Stored value of a cell ("" = empty), or undefined when the sheet does not exist. */
  cell(sheet: string, row: number, column: number): CellValue | undefined;
  table(name: string): (TableShape & { sheet: string }) | undefined;
  /** The table holding a cell (for `[@Amount]` written inside a table). */
  tableAt(sheet: string, row: number, column: number): (TableShape & { sheet: string }) | undefined;
  /** A defined name's reference text ("=Data!$A$1:$B$3"), scope first. */
  name(name: string, sheet: string): string | undefined;
}

const { FormulaError } = FormulaParser;

/** The parser context fast-formula-parser passes to the functions on its context list. */
interface ParserContext { utils: { extractRefValue(x: unknown): { val: unknown } } }
const ERROR_TEXT = /^#(N\/A|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|NULL!|SPILL!|CALC!)$/;

let host: CalcHost | undefined;

function read(sheet: string | undefined, row: number, col: number): unknown {
  const v = host && sheet !== undefined ? host.cell(sheet, row - 1, col - 1) : undefined;
  if (v === undefined) return FormulaError.REF; // no such sheet
  if (v === '') return null;
  if (typeof v === 'string' && ERROR_TEXT.test(v)) return new FormulaError(v);
  return v;
}

/** formulajs's function over the argument values; its Error results become Excel errors. */
function fromFormulajs(fn: (...args: unknown[]) => unknown) {
  return (...args: FunctionArg[]) => {
    const result = fn(...args.map((a) => a.value));
    if (result instanceof Error) return new FormulaError(result.message.startsWith('#') ? result.message : '#VALUE!');
    return result;
  };
}

const fj = formulajs as unknown as Record<string, (...args: unknown[]) => unknown>;

const parser = new FormulaParser({
  functions: {
    SUMIFS: fromFormulajs(fj.SUMIFS!),
    COUNTIFS: fromFormulajs(fj.COUNTIFS!),
    AVERAGEIFS: fromFormulajs(fj.AVERAGEIFS!),
    MAXIFS: fromFormulajs(fj.MAXIFS!),
    MINIFS: fromFormulajs(fj.MINIFS!),
    MATCH: fromFormulajs(fj.MATCH!),
    // Excel's AVERAGE ignores text, booleans and blanks inside ranges and is #DIV/0! with no
    // number at all; fast-formula-parser answers #VALUE! for an all-blank range.
    AVERAGE: (...args: FunctionArg[]) => {
      const numbers: unknown[] = [];
      for (const a of args) {
        if (Array.isArray(a.value)) for (const row of a.value as unknown[][]) for (const v of row) { if (typeof v === 'number') numbers.push(v); else if (v instanceof FormulaError) return v; }
        else if (!a.omitted) numbers.push(a.value);
      }
      return fromFormulajs(fj.AVERAGE!)(...numbers.map((value) => ({ value, isArray: false })));
    },
    // fast-formula-parser's INDEX returns a reference without its sheet (read on the formula's
    // own sheet); formulajs's returns the value, which is what INDEX/MATCH lookups need.
    // fast-formula-parser's INDEX returns a reference without its sheet (so it is read on the
    // formula's own sheet); formulajs's INDEX returns the value, which INDEX/MATCH lookups need.
    // The parser hands INDEX its context and unread references (it is on its no-retrieve list).
    INDEX: ((context: ParserContext, array: unknown, rowNum: unknown, colNum?: unknown) => {
      const arg = (x: unknown): FunctionArg => ({ value: context.utils.extractRefValue(x).val, isArray: false });
      const rows = arg(array).value;
      const grid = Array.isArray(rows) ? (rows as unknown[][]) : [[rows]];
      const one: FunctionArg = { value: 1, isArray: false };
      // Excel: without a column number, a single row is indexed along its columns.
      if (colNum === undefined || colNum === null) {
        return grid.length === 1 && grid[0]!.length > 1
          ? fromFormulajs(fj.INDEX!)({ value: grid, isArray: true }, one, arg(rowNum))
          : fromFormulajs(fj.INDEX!)({ value: grid, isArray: true }, arg(rowNum), one);
      }
      return fromFormulajs(fj.INDEX!)({ value: grid, isArray: true }, arg(rowNum), arg(colNum));
    }) as unknown as (...args: FunctionArg[]) => unknown,
    XLOOKUP: (lookup: FunctionArg, lookupArray: FunctionArg, returnArray: FunctionArg, ifNotFound?: FunctionArg, matchMode?: FunctionArg) => {
      if (matchMode && !matchMode.omitted && matchMode.value !== 0) return FormulaError.VALUE;
      const at = fj.MATCH!(lookup.value, lookupArray.value, 0);
      if (at instanceof Error) return ifNotFound && !ifNotFound.omitted ? ifNotFound.value : FormulaError.NA;
      const rows = returnArray.value as unknown[][];
      // A vertical lookup array picks a row of the return array, a horizontal one a column.
      const vertical = (lookupArray.value as unknown[][]).length > 1;
      const picked = vertical ? rows[(at as number) - 1]?.[0] : rows[0]?.[(at as number) - 1];
      return picked ?? 0;
    },
  },
  onCell: (ref) => read(ref.sheet, ref.row, ref.col),
  onRange: (ref) => {
    const out: unknown[][] = [];
    for (let r = ref.from.row; r <= ref.to.row; r++) {
      const line: unknown[] = [];
      for (let c = ref.from.col; c <= ref.to.col; c++) line.push(read(ref.sheet, r, c));
      out.push(line);
    }
    return out;
  },
});

function areaText(sheet: string, a: Area): string {
  const first = `$${columnName(a.column)}$${a.row + 1}`;
  const one = a.rows === 1 && a.columns === 1;
  return `${formulaSheet(sheet)}!${first}${one ? '' : `:$${columnName(a.column + a.columns - 1)}$${a.row + a.rows}`}`;
}

/** The formula with every reference resolved to A1 text, as fast-formula-parser reads it. */
export function resolveReferences(parts: FormulaPart[], calc: CalcHost, sheet: string, row: number, column: number, depth = 0): string {
  return parts.map((p) => {
    if (p.t === 'text') return p.text;
    if (p.t === 'ref') return formatA1({ ...p.ref, sheet: p.ref.sheet ?? sheet });
    if (p.t === 'struct') {
      const table = p.table === undefined ? calc.tableAt(sheet, row, column) : calc.table(p.table);
      const spec = parseStructuredSpec(p.spec);
      if (!table || !spec) return '#REF!';
      const area = resolveStructured(spec, table, row);
      return typeof area === 'string' ? area : areaText(table.sheet, area);
    }
    const named = calc.name(p.name, sheet);
    // A name's own reference may hold structured references or other names (depth-limited: a
    // name that refers to itself is #REF!).
    if (named !== undefined) return depth > 8 ? '#REF!' : `(${resolveReferences(tokenizeFormula(named), calc, sheet, row, column, depth + 1)})`;
    const table = calc.table(p.name);
    if (table) {
      const area = resolveStructured({ rows: 'data', columns: [] }, table, row);
      return typeof area === 'string' ? area : areaText(table.sheet, area);
    }
    return p.name;
  }).join('');
}

/**
 * The value Excel shows for `formula` in the cell (sheet, row, column): a number, text, boolean,
 * or an error text such as "#REF!". Returns undefined when the formula uses something neither
 * library implements (the caller keeps the value it had, e.g. a loaded file's cached result).
 *
 * @example evaluateFormula('=SUM(Orders[Amount])', 'Report', 0, 0, host) // 1234.5
 */
export function evaluateFormula(formula: string, sheet: string, row: number, column: number, calc: CalcHost): CellValue | undefined {
  const text = resolveReferences(tokenizeFormula(formula), calc, sheet, row, column);
  // A #REF! reference makes the formula #REF! (Excel passes the error through every function but
  // the error-testing ones); fast-formula-parser's lookups would answer #N/A instead.
  const code = text.replace(/"(?:[^"]|"")*"/g, '""');
  if (code.includes('#REF!') && !/\b(IFERROR|IFNA|ISERROR|ISERR|ISREF|ERROR\.TYPE)\s*\(/i.test(code)) return '#REF!';
  host = calc;
  try {
    return toCell(parser.parse(text, { row: row + 1, col: column + 1, sheet }));
  } catch (error) {
    if (error instanceof FormulaError) {
      // A function Excel has and the libraries lack: keep the value the cell had (a loaded
      // file's cached result) rather than invent an error Excel would not show.
      if (/is not implemented/.test((error as Error).message)) return undefined;
      const code = (error as InstanceType<typeof FormulaError>).error;
      return ERROR_TEXT.test(code) ? code : /#REF!/.test(text) ? '#REF!' : undefined;
    }
    return undefined;
  } finally {
    host = undefined;
  }
}

function toCell(result: unknown): CellValue {
  let v = result;
  while (Array.isArray(v)) v = v[0];
  if (v instanceof FormulaError) return (v as InstanceType<typeof FormulaError>).error;
  if (v === null || v === undefined) return 0;
  if (typeof v === 'number') return Object.is(v, -0) ? 0 : v;
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  return '#VALUE!';
}
