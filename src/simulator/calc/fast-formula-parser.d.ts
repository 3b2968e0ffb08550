/**
 * Types for the parts of fast-formula-parser (MIT, ships no types) the simulator uses.
 * https://github.com/LesterLyu/fast-formula-parser
 */
declare module 'fast-formula-parser' {
  export interface CellRef { sheet?: string; row: number; col: number }
  export interface RangeRef { sheet?: string; from: { row: number; col: number }; to: { row: number; col: number } }
  /** What a function receives per argument once references are read. */
  export interface FunctionArg { value: unknown; isArray: boolean; isRangeRef?: boolean; isCellRef?: boolean; omitted?: boolean }
  export class FormulaError extends Error {
    constructor(error: string, msg?: string, details?: unknown);
    readonly error: string;
    static readonly NA: FormulaError;
    static readonly REF: FormulaError;
    static readonly VALUE: FormulaError;
    static readonly NAME: FormulaError;
    static readonly DIV0: FormulaError;
    static readonly NUM: FormulaError;
    static readonly NULL: FormulaError;
    toString(): string;
  }
  export interface ParserConfig {
    functions?: Record<string, (...args: FunctionArg[]) => unknown>;
    onCell?: (ref: CellRef) => unknown;
    onRange?: (ref: RangeRef) => unknown[][];
    onVariable?: (name: string, sheet: string) => CellRef | RangeRef | null;
  }
  export default class FormulaParser {
    static readonly FormulaError: typeof FormulaError;
    constructor(config?: ParserConfig);
    parse(formula: string, position: { row: number; col: number; sheet: string }, allowReturnArray?: boolean): unknown;
  }
}
