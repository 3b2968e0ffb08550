import type * as aq from 'arquero';
import { columnTable } from '../compile/column-table';
import type { CellValue } from '../values/classify';

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
 * - any other name is kept as written, `__proto__`, `constructor` or `toString` included (the
 *   table is built without plain-object column stores, see columnTable);
 * - a repeated name (ignoring case, as formulas match fields) gets the next free
 *   number: `Revenue`, `Revenue2`, like Excel does for table headers.
 * Renaming is deterministic (left to right), and `columns` maps each name back
 * to the header the user wrote. Short rows are padded with "" (blank).
 * @example tableFromExcelValues(['Region', '', 'Region'], [['N', 1, 2]]).columns.map((c) => c.name) // ['Region', 'Column2', 'Region2']
 */
export function tableFromExcelValues(header: readonly CellValue[], rows: readonly (readonly CellValue[])[]): ExcelTable {
  const width = header.length;
  const data: unknown[][] = Array.from({ length: width }, () => new Array(rows.length));
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (row.length > width) throw new Error(`Row ${r + 1} has ${row.length} cells but the header has ${width}`);
    for (let c = 0; c < width; c++) data[c][r] = c < row.length ? (row[c] ?? '') : '';
  }
  return tableFromExcelColumns(header, data);
}

/**
 * The same table as tableFromExcelValues, from data already in columns (`columns[c][r]`, one per
 * header cell, all of one length, blanks as ""): what the query worker has after unpacking the
 * columns the pane transferred. The arrays become the table's columns as they are (not copied).
 * @example tableFromExcelColumns(['Region', 'Revenue'], [['N', 'S'], [1, 2]]).table.numRows() // 2
 */
export function tableFromExcelColumns(header: readonly CellValue[], data: readonly unknown[][]): ExcelTable {
  const width = header.length;
  if (data.length !== width) throw new Error(`Internal error: ${data.length} columns for a header of ${width}`);
  const taken = new Set<string>();
  const columns: ColumnOrigin[] = [];
  // Claim the names that need no change first, so `a, a2, a` gives `a, a2, a3`, not `a, a2, a2`;
  // headers the user wrote before the names we make up for blanks, so a real "Column4" keeps its name.
  const wanted = header.map((h, i) => {
    const original = h == null ? '' : String(h);
    const blank = original.trim() === '';
    return { original, base: blank ? `Column${i + 1}` : original, blank };
  });
  const claimed: boolean[] = new Array(width).fill(false);
  for (const pass of [false, true]) {
    wanted.forEach(({ base, blank }, i) => {
      if (blank !== pass) return;
      const key = base.toLowerCase();
      if (taken.has(key)) return;
      taken.add(key);
      claimed[i] = true;
    });
  }
  wanted.forEach(({ original, base }, i) => {
    let name = base;
    if (!claimed[i]) {
      for (let k = 2; ; k++) {
        const candidate = `${base}${k}`;
        if (!taken.has(candidate.toLowerCase())) {
          name = candidate;
          break;
        }
      }
      taken.add(name.toLowerCase());
    }
    columns.push({ name, original, index: i, renamed: name !== original });
  });

  const byName = new Map<string, unknown[]>();
  columns.forEach((col, c) => byName.set(col.name, data[c]));
  return { table: columnTable(byName), columns };
}
