import * as aq from 'arquero';
import type { CellValue } from '../values/classify';
import { isReservedName } from '../spec/names';

/** One column of a table built from Excel values: its safe name and the header it came from. */
export interface ColumnOrigin {
  /** Name of the column in the Arquero table (what specs and formulas refer to). */
  name: string;
  /** The header cell as Excel gave it (show this in the UI). */
  original: string;
  /** 0-based position in the range. */
  index: number;
  /** True when name differs from original. */
  renamed: boolean;
}

export interface ExcelTable {
  table: aq.ColumnTable;
  columns: ColumnOrigin[];
}

/**
 * Build an Arquero table from a header row and data rows as `Range.values`
 * returns them, making every column name safe and unique:
 * - an empty header becomes `Column<n>` (n = its 1-based position), as Excel names table columns;
 * - a name Arquero or plain objects cannot hold (`__proto__`, `constructor`,
 *   `toString`, ... every Object.prototype member) gets a number: `__proto__2`;
 * - a repeated name (ignoring case, as formulas match fields) gets the next free
 *   number: `Revenue`, `Revenue2`, like Excel does for table headers.
 * Renaming is deterministic (left to right), and `columns` maps each name back
 * to the header the user wrote. Short rows are padded with "" (blank).
 * @example tableFromExcelValues(['Region', '', 'Region'], [['N', 1, 2]]).columns.map((c) => c.name) // ['Region', 'Column2', 'Region2']
 */
export function tableFromExcelValues(header: readonly CellValue[], rows: readonly (readonly CellValue[])[]): ExcelTable {
  const width = header.length;
  const taken = new Set<string>();
  const columns: ColumnOrigin[] = [];
  // Claim the names that need no change first, so `a, a2, a` gives `a, a2, a3`, not `a, a2, a2`.
  const wanted = header.map((h, i) => {
    const original = h == null ? '' : String(h);
    const base = original.trim() === '' ? `Column${i + 1}` : original;
    return { original, base };
  });
  const claimed = wanted.map(({ base }) => {
    const key = base.toLowerCase();
    if (isReservedName(base) || taken.has(key)) return false;
    taken.add(key);
    return true;
  });
  wanted.forEach(({ original, base }, i) => {
    let name = base;
    if (!claimed[i]) {
      for (let k = 2; ; k++) {
        const candidate = `${base}${k}`;
        if (!isReservedName(candidate) && !taken.has(candidate.toLowerCase())) {
          name = candidate;
          break;
        }
      }
      taken.add(name.toLowerCase());
    }
    columns.push({ name, original, index: i, renamed: name !== original });
  });

  const data: unknown[][] = columns.map(() => new Array(rows.length));
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (row.length > width) throw new Error(`Row ${r + 1} has ${row.length} cells but the header has ${width}`);
    for (let c = 0; c < width; c++) data[c][r] = c < row.length ? (row[c] ?? '') : '';
  }
  // Names are safe now, but build the object without a prototype anyway (defence in depth).
  const obj: Record<string, unknown[]> = Object.create(null);
  columns.forEach((col, c) => (obj[col.name] = data[c]));
  return { table: aq.table(obj, columns.map((c) => c.name)), columns };
}
