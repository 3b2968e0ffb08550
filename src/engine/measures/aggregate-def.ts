/**
 * Aggregate definitions in Arquero's shape (init/add/value over a per-group
 * state object), written without importing Arquero so the same code runs in
 * Arquero's reducers (see compile/register-ops.ts) and in `aggregateValues`.
 *
 * Inputs arrive pre-cleaned: numeric inputs hold only finite numbers, value
 * inputs only non-blank values; everything else was skipped (and tallied)
 * before the aggregate sees it, the way Excel's functions skip text in ranges.
 * Arquero keeps `count` (rows) and `valid` (inputs that reached `add`) itself.
 */

/** Per-group state. Our fields carry a `pd_` prefix so they never collide with Arquero's own ops. */
export interface AggState {
  count: number;
  valid: number;
  pd_sum?: number;
  pd_min?: number;
  pd_max?: number;
  pd_prod?: number;
  pd_mean?: number;
  pd_m2?: number;
  pd_vals?: Float64Array;
  pd_len?: number;
  pd_sorted?: boolean;
  pd_sortedVals?: Float64Array;
  pd_counts?: Map<number, number>;
  pd_codes?: Float64Array;
  pd_ncodes?: number;
  pd_firstOrder?: number;
  pd_firstValue?: unknown;
  pd_lastOrder?: number;
  pd_lastValue?: unknown;
  pd_wsum?: number;
  pd_wxsum?: number;
}

/** The value of a measure: a number, text (FIRST/LAST of text), a logical, or an Excel error string. */
export type MeasureValue = number | string | boolean | null;

export interface AggOp {
  init(state: AggState): void;
  add(state: AggState, value: unknown, value2?: unknown): void;
  /** Arquero calls rem only for sliding windows, which we do not use. */
  rem(state: AggState, value: unknown, value2?: unknown): void;
  value(state: AggState): MeasureValue;
}

export interface AggDef {
  create(...params: number[]): AggOp;
  /** [number of field inputs, number of constant parameters] */
  param: [number, number];
  /** Ops this one relies on (they share the state). */
  req?: string[];
}

const noop = () => {};

/**
 * Build an op with no-op defaults, as Arquero's own `initOp` does.
 * @example makeOp({ value: (s) => s.valid })
 */
export function makeOp(op: Partial<AggOp> & Pick<AggOp, 'value'>): AggOp {
  return { init: op.init ?? noop, add: op.add ?? noop, rem: op.rem ?? noop, value: op.value };
}
