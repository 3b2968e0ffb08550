import type { ColumnType } from '../types';
import { parseBooleanText, parseIsoDate, parseNumberText, slashDateParts, type DateOrder } from './cell-text';

/** How a text column's cells are read: the type and, for dates, the text shape. */
export interface TextPlan {
  type: ColumnType;
  date?: 'iso' | DateOrder;
  /** True when every slash date fitted both day and month first. */
  ambiguous?: boolean;
}

/**
 * The narrowest type that reads every non-empty sample cell: boolean, number, date, else text.
 * Slash dates are day-first when some first part exceeds 12, month-first when some second part
 * does, else `preferredOrder` (marked ambiguous so the user is told).
 * @example inferTextPlan(['1', '2.5', '']) // { type: 'number' }
 * @example inferTextPlan(['31/01/2024', '01/02/2024']) // { type: 'date', date: 'dmy' }
 */
export function inferTextPlan(cells: readonly string[], preferredOrder: DateOrder = 'mdy'): TextPlan {
  let bool = true;
  let num = true;
  let iso = true;
  let slash = true;
  let firstOver12 = false;
  let secondOver12 = false;
  let seen = 0;
  for (const cell of cells) {
    if (cell === '') continue;
    seen++;
    if (bool && parseBooleanText(cell) === null) bool = false;
    if (num && Number.isNaN(parseNumberText(cell))) num = false;
    if (iso && Number.isNaN(parseIsoDate(cell))) iso = false;
    if (slash) {
      const parts = slashDateParts(cell);
      if (!parts) slash = false;
      else {
        if (parts[0] > 12) firstOver12 = true;
        if (parts[1] > 12) secondOver12 = true;
      }
    }
    if (!bool && !num && !iso && !slash) return { type: 'text' };
  }
  if (seen === 0) return { type: 'text' };
  if (bool) return { type: 'boolean' };
  if (num) return { type: 'number' };
  if (iso) return { type: 'date', date: 'iso' };
  if (slash && !(firstOver12 && secondOver12)) {
    if (firstOver12) return { type: 'date', date: 'dmy' };
    if (secondOver12) return { type: 'date', date: 'mdy' };
    return { type: 'date', date: preferredOrder, ambiguous: true };
  }
  return { type: 'text' };
}
