import { materialize, withColumns } from '../compile/column-table';
import { type ColumnLike, columnValues } from '../compile/column-values';
import { deriveColumns } from '../compile/derive-fields';
import { MAX_BUILT_TEXT, withTextBudget } from '../compile/row-functions';
import { resolveField } from '../formula/check';
import { applyLookup, filterRows, QueryFieldError, type ResolveSource } from '../query/execute-query';
import { derivedFormula } from '../query/spec-formulas';
import type { RowsSpec } from './drill-spec';
import { DrillError } from './drill-spec';

/** The drilled rows: every column of the working table (source, lookups, derived), in source order. */
export interface DrilledRows {
  columns: string[];
  /** At most `limit` rows, each one value per column (blanks as null or ""). */
  rows: unknown[][];
  /** How many rows match in all (may be more than `rows.length`). */
  total: number;
}

/** Rows shown by default: enough to check a number, small enough to write quickly. */
export const DEFAULT_ROW_LIMIT = 10_000;

/**
 * Run a drill locally (a workbook table or a kept-out source, through the same ResolveSource the
 * query uses): lookups, derived fields, then the filters, keeping source order (MODE.SNGL breaks
 * ties by first occurrence, so order matters). Counts every match; returns the first `limit`.
 * @example selectRows(drill.rows, () => sales, 10_000) // { columns: ['Region', …], rows: [...], total: 52311 }
 */
export function selectRows(spec: RowsSpec, resolve: ResolveSource, limit = DEFAULT_ROW_LIMIT): DrilledRows {
  if (spec.filters.some((f) => f.kind === 'topN')) throw new DrillError('A drill cannot rank items itself; turn top/bottom N into the items it kept first (drillGridCell does).');
  return withTextBudget(MAX_BUILT_TEXT, () => {
    let table = materialize(resolve(spec.source));
    for (const lookup of spec.lookups ?? []) table = applyLookup(table, lookup, resolve);
    if (spec.derived?.length) {
      const cols = deriveColumns(table, spec.derived.map((d, i) => ({ name: d.name, formula: derivedFormula(d), where: `derived[${i}] (${d.name})` })));
      table = withColumns(table, cols);
    }
    const fields = table.columnNames();
    const field = (name: string, where: string) => {
      const real = resolveField(name, fields);
      if (real === undefined) throw new QueryFieldError(`Unknown field [${name}] in ${where}`);
      return real;
    };
    const kept = filterRows(table, spec.filters, field);
    const total = kept ? kept.length : table.numRows();
    const n = Math.min(total, Math.max(0, limit));
    const values = fields.map((f) => columnValues(table.column(f) as ColumnLike));
    const rows: unknown[][] = new Array(n);
    for (let k = 0; k < n; k++) {
      const r = kept ? kept[k] : k;
      rows[k] = values.map((v) => v[r]);
    }
    return { columns: fields, rows, total };
  });
}
