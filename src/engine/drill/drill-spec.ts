import type { Filter } from '../spec/filters';
import type { Measure } from '../spec/measures';
import type { QuerySpec } from '../spec/query-spec';

/**
 * The rows behind one number, in the query spec's own vocabulary: the query's source, lookups and
 * derived fields, and a list of filters (the query's own, then one per row/column item of the
 * cell). Every executor that runs a query spec can run it: the local engine over a workbook table
 * or a kept-out source (selectRows), and the warehouse (planRows: one SELECT … WHERE … LIMIT).
 */
export interface RowsSpec {
  version: QuerySpec['version'];
  source: QuerySpec['source'];
  lookups?: QuerySpec['lookups'];
  derived?: QuerySpec['derived'];
  filters: Filter[];
}

/** One item of the cell on an axis: which field, which item (null is "(blank)"). */
export interface DrillItem {
  field: string;
  item: unknown;
}

/** How Excel recomputes the measure over the drilled rows, or why it cannot. */
export type ExcelRecompute =
  | {
      kind: 'function';
      /** Excel's function(s) used, for the words ("MEDIAN", "ROWS(UNIQUE(…))"). */
      functionName: string;
      /** The formula, with each column reference made by the caller (a structured reference). */
      formula: (column: (field: string) => string) => string;
      /** Why this formula and not another, when it is not obvious. */
      note?: string;
    }
  | { kind: 'none'; reason: string };

/** Everything "Show rows" needs for one cell. */
export interface Drill {
  /** The filters as a spec: run it with selectRows (local) or planRows (warehouse). */
  rows: RowsSpec;
  /** The cell's own items, outermost first (rows, then columns); empty for the grand total. */
  items: DrillItem[];
  /** The filters in words: "Region = West · Category = Bikes · Year = 2025 · and the query's own filters (…)". */
  words: string;
  measure: Measure;
  /** Measure label as the grid shows it. */
  measureLabel: string;
  excel: ExcelRecompute;
  /** Set when the cell shows the measure "as" something (share, rank…): the rows recompute the measure before that step. */
  showAsNote?: string;
}

/** A cell cannot be drilled; the message says why and what to do. */
export class DrillError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DrillError';
  }
}
