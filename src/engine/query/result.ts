import type { MeasureValue } from '../measures/aggregate-def';
import type { SkippedCells } from '../measures/skipped';

/** A measure as it appears in the output. */
export interface ResultMeasure {
  id: string;
  label: string;
  /** Excel number format for its values. */
  numberFormat: string;
}

/**
 * One entry on the row or column axis of the grid:
 * - `item`: a full path (one label per field on the axis);
 * - `subtotal`: the total of an outer item (path shorter than the axis);
 * - `grandTotal`: the total over the whole axis (empty path).
 * Labels are Excel values; null is the "(blank)" item.
 */
export interface AxisItem {
  kind: 'item' | 'subtotal' | 'grandTotal';
  path: unknown[];
}

/**
 * The pivot-style result: row items × (column items × measures).
 * `values[r][c * measures.length + m]` is measure m at row item r and column item c
 * (null when no source row falls in that cell).
 */
export interface PivotGrid {
  rowFields: string[];
  columnFields: string[];
  measures: ResultMeasure[];
  rowItems: AxisItem[];
  columnItems: AxisItem[];
  values: MeasureValue[][];
}

/** The flat result: one row per group (row fields, column fields, measures), in display order. */
export interface FlatResult {
  header: string[];
  rows: Array<Array<MeasureValue>>;
  /** Number format per column ("General" for the keys). */
  numberFormats: string[];
}

export interface QueryResult {
  flat?: FlatResult;
  grid?: PivotGrid;
  /** Rows of the source (after lookups) and rows that passed every filter. */
  sourceRowCount: number;
  rowCount: number;
  /** Per measure id: cells its aggregates skipped (blank, text, logical, error). */
  skipped: Record<string, SkippedCells>;
}
