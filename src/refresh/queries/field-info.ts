/**
 * A source's fields as the query builder lists them (type, format, sample values), read from a
 * table's first rows. Lives with the builder's use-cases (source-fields.ts) that produce it.
 */
import { displayValue } from '../../engine/format';
import { showsDateOrTime } from '../../engine/format/format-number';
import type { CellValue } from '../../excel/api';

export type FieldType = 'number' | 'date' | 'text' | 'logical' | 'mixed' | 'empty';

/** A source field as the builder's field list shows it. */
export interface FieldInfo {
  name: string;
  type: FieldType;
  /** The number format of its first cell (dates and currency keep theirs in measures). */
  numberFormat: string;
  /** Up to three different values as the sheet shows them. */
  samples: string[];
  /** Shown instead of samples when there are none (a warehouse field: its type on the server). */
  note?: string;
}

/**
 * Field types and samples from a table's first rows and their number formats: numbers with a
 * date format are dates; a column with several kinds of values is "mixed".
 *
 * @example describeFields(['Date', 'Region'], [[45292, 'North']], [['yyyy-mm-dd', 'General']])[0].type // 'date'
 */
export function describeFields(headers: readonly string[], rows: readonly CellValue[][], formats: readonly string[][]): FieldInfo[] {
  return headers.map((name, c) => {
    const kinds = new Set<FieldType>();
    const samples: string[] = [];
    let numberFormat = 'General';
    rows.forEach((row, r) => {
      const v = row[c];
      if (v === '' || v === undefined) return;
      const format = formats[r]?.[c] ?? 'General';
      if (typeof v === 'number') {
        if (numberFormat === 'General') numberFormat = format;
        kinds.add(showsDateOrTime(format) ? 'date' : 'number');
      } else if (typeof v === 'boolean') kinds.add('logical');
      else if (!/^#[A-Z/0!?]+[!?A]?$/.test(v)) kinds.add('text');
      const shown = displayValue(v, format);
      if (samples.length < 3 && !samples.includes(shown)) samples.push(shown);
    });
    const type: FieldType = kinds.size === 0 ? 'empty' : kinds.size === 1 ? [...kinds][0] : 'mixed';
    return { name, type, numberFormat, samples };
  });
}
