import type { PivotSnapshot } from './types';

/**
 * True when the pivot shows several value fields as rows (Σ Values in Rows). Excel lists the
 * Σ Values pseudo-field among the row fields, but the simulator and older hosts do not, and the
 * reader's shape test works only without a column field (the data body is then narrower than
 * the value fields). With a column field, the value fields' captions ("Sum of Revenue") among
 * the row labels give it away: with Σ Values in Columns they head the columns instead.
 *
 * @example valuesShownOnRows({ ...snapshot, columns: [year], data: [sumRevenue, sumUnits], rowLabels: { ...labels, values: [['North'], ['Sum of Revenue'], ['Sum of Units']] } }) // true
 */
export function valuesShownOnRows(snapshot: PivotSnapshot): boolean {
  if (snapshot.valuesOnRows) return true;
  if (snapshot.data.length < 2 || snapshot.rowLabels.values.length === 0) return false;
  const labels = new Set(snapshot.rowLabels.values.flat().map((v) => String(v).trim().toLowerCase()));
  return snapshot.data.every((d) => labels.has(d.name.trim().toLowerCase()));
}
