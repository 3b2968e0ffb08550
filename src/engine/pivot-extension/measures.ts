import { parseFormula } from '../formula/parse';

import { EXCEL_FUNCTION, NUMERIC_KINDS, SHOW_AS_KINDS, type MeasureKind } from '../measures/vocabulary';

/** The kinds, show-as set, numeric set and Excel functions come from the one measure vocabulary. */
export { EXCEL_FUNCTION, NUMERIC_KINDS, SHOW_AS_KINDS, type MeasureKind };

/**
 * A measure PivotDeck adds to a pivot. Shape-compatible with the model's `MeasureDef`
 * (src/model/schema.ts) without importing it: the engine imports nothing of ours.
 */
export interface ExtensionMeasure {
  id: string;
  label: string;
  kind: MeasureKind;
  field?: string;
  /** Weight (weightedAverage), denominator (ratioOfSums) or order field (first/last). */
  otherField?: string;
  /** Percentile in [0, 1]; quartiles are stored as 0.25 / 0.5 / 0.75. */
  p?: number;
  /** Show-as measures: id of the measure they are based on; default Sum of `field`. */
  of?: string;
  formula?: string;
  numberFormat?: string;
}

/**
 * The number format a measure's column gets: the user's choice, else the source field's format
 * for measures in the field's own unit, whole numbers for counts and ranks, 0.0% for shares.
 *
 * @example measureFormat({ kind: 'median', ... }, '#,##0.00') // '#,##0.00'
 * @example measureFormat({ kind: 'distinctCount', ... }, '#,##0.00') // '0'
 * @example measureFormat({ kind: 'formula', formula: 'SUM([Revenue]) / SUM([Units])', ... }, undefined) // '#,##0.00'
 */
export function measureFormat(measure: ExtensionMeasure, fieldFormat: string | undefined): string {
  if (measure.numberFormat) return measure.numberFormat;
  switch (measure.kind) {
    case 'count': case 'countNumbers': case 'distinctCount': case 'rankInParent': return '0';
    case 'percentOfGrandTotal': case 'percentOfParentRow': case 'percentOfColumnTotal': case 'percentDifferenceFromPrevious': return '0.0%';
    case 'median': case 'percentile': case 'quartile': case 'min': case 'max': case 'first': case 'last':
    case 'weightedAverage': case 'mode': case 'average': case 'sum': case 'runningTotal': case 'differenceFromPrevious':
      return fieldFormat || 'General';
    case 'formula': return formulaFormat(measure.formula);
    default: return 'General';
  }
}

const COUNTS = new Set(['COUNT', 'COUNTA', 'COUNTDISTINCT']);

/**
 * A custom formula's unit is unknown: a count is a whole number, anything else (ratios,
 * differences) gets two decimals rather than General's ragged 18.10292504.
 */
function formulaFormat(formula: string | undefined): string {
  try {
    const root = parseFormula(formula ?? '').root;
    return root.kind === 'call' && COUNTS.has(root.name.toUpperCase()) ? '0' : '#,##0.00';
  } catch {
    return 'General';
  }
}
