import { throwIfCancelled } from '../http/signals';
import type { ColumnSpec, ColumnType, PullWarning } from '../types';
import { flattenRecord } from './flatten-record';
import { emptyRecord, ownValue } from './own-keys';
import type { ColumnData } from './parse-delimited';
import { valuesToColumn } from './values-to-column';

/**
 * JSON records → typed columns: nested objects flattened to `a.b`, the union of keys in the order
 * they first appear, missing keys blank. `types` holds the user's choices from the preview.
 * @example recordsToColumns([{ a: 1, b: { c: 'x' } }, { a: 2 }]).columns.map((c) => c.name) // ['a', 'b.c']
 */
export function recordsToColumns(records: readonly unknown[], signal?: AbortSignal, types: Record<string, ColumnType> = {}): { columns: ColumnSpec[]; data: Record<string, ColumnData>; warnings: PullWarning[] } {
  const arrays = new Set<string>();
  const values = new Map<string, unknown[]>();
  const n = records.length;
  for (let i = 0; i < n; i++) {
    if ((i & 0x3fff) === 0) throwIfCancelled(signal);
    const flat = flattenRecord(records[i], arrays);
    for (const key in flat) {
      let column = values.get(key);
      if (!column) {
        column = new Array(n).fill(null);
        values.set(key, column);
      }
      column[i] = flat[key];
    }
  }
  const columns: ColumnSpec[] = [];
  const data = emptyRecord<ColumnData>();
  const warnings: PullWarning[] = [];
  let inexact = 0;
  for (const [name, column] of values) {
    const typed = valuesToColumn(column, { forceType: ownValue(types, name) });
    inexact += typed.inexact;
    columns.push({ name, type: typed.type, blanks: typed.blanks });
    data[name] = typed.data;
  }
  if (arrays.size > 0) {
    warnings.push({ code: 'nestedArrays', message: `${[...arrays].join(', ')} hold lists; each list was kept as JSON text in one cell.` });
  }
  if (inexact > 0) warnings.push({ code: 'precisionLoss', message: `${inexact} whole numbers are larger than Excel can hold exactly (15 digits) and were rounded.` });
  return { columns, data, warnings };
}
