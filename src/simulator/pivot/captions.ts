/**
 * The English captions Excel writes into a PivotTable. The fixtures saved by a Russian Excel
 * ("Названия строк", "Общий итог", "Сумма") confirm the positions; these are the en-US strings.
 */
import type { SummarizeBy } from '../model';

export const ROW_LABELS = 'Row Labels';
export const COLUMN_LABELS = 'Column Labels';
export const GRAND_TOTAL = 'Grand Total';
/** Caption of the Σ Values pseudo-field ("dataCaption" in the file). */
export const VALUES = 'Values';
/** Word after an item in an automatic subtotal row ("Books Total"), before a data field ("Total Sum of Cost"). */
export const TOTAL = 'Total';
export const ALL_ITEMS = '(All)';
export const MULTIPLE_ITEMS = '(Multiple Items)';

/**
 * Function names as the Value Field Settings / Field Settings lists show them; a custom
 * subtotal row reads "<item> <name>", e.g. "Sweet Average".
 */
export const FUNCTION_CAPTION: Record<SummarizeBy, string> = {
  Sum: 'Sum',
  Count: 'Count',
  Average: 'Average',
  Max: 'Max',
  Min: 'Min',
  Product: 'Product',
  CountNumbers: 'Count Numbers',
  StandardDeviation: 'StdDev',
  StandardDeviationP: 'StdDevp',
  Variance: 'Var',
  VarianceP: 'Varp',
};
