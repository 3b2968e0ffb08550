import type * as aq from 'arquero';
import { materialize, withColumns } from '../compile/column-table';
import { type ColumnLike, columnValues } from '../compile/column-values';
import { computeMeasures } from '../compile/compute-measures';
import { deriveColumns } from '../compile/derive-fields';
import { MAX_BUILT_TEXT, withTextBudget } from '../compile/row-functions';
import { type EncodedKey, encodeGroupKey } from '../compile/group-keys';
import { resolveField } from '../formula/check';
import { formatFieldRef } from '../formula/field-ref';
import { quote } from '../formula/formula-error';
import { suggest } from '../formula/suggest';
import type { Filter } from '../spec/filters';
import { parseQuerySpec } from '../spec/parse-spec';
import type { QuerySpec } from '../spec/query-spec';
import { type SourceRef, sourceRefKey } from '../spec/source-ref';
import { assembleResult, groupingPairs } from './assemble-result';
import { datePartColumn } from './date-part-column';
import { filterPredicate, isTruthy } from './filter-rows';
import { compareItems, itemKey } from './item-key';
import type { QueryResult } from './result';
import { SHEET_MAX_COLUMNS, SHEET_MAX_ROWS, assertFitsSheet } from './size-limit';
import { derivedFormula, measureFormula } from './spec-formulas';

type Table = aq.ColumnTable;

/** Returns the table a source reference names (an Excel table, range or source), or throws. */
export type ResolveSource = (ref: SourceRef) => Table;

export interface ExecuteOptions {
  /** Which results to build (default both). Only those are size-checked. */
  output?: 'grid' | 'flat' | 'both';
}

/** A field of the spec that the working table does not have. */
export class QueryFieldError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QueryFieldError';
  }
}

/**
 * Run a query spec on Arquero tables and return the flat rows and the pivot
 * grid. Steps follow the spec's SQL reading: lookups (LEFT JOIN), derived
 * fields, filters (WHERE), top/bottom N (semi-join), grouping sets for
 * rows × columns and the totals shown, show-as (windows), sort. The result is
 * refused (ResultTooLargeError) before it is built if it would not fit a sheet.
 *
 * @example
 * executeQuery({ version: 1, source: { kind: 'table', name: 'Sales' }, rows: ['Region'],
 *   measures: [{ id: 'rev', kind: 'sum', field: 'Revenue', showAs: { kind: 'percentOfGrandTotal' } }] },
 *   () => sales).grid
 */
export function executeQuery(input: QuerySpec | unknown, resolve: ResolveSource, options: ExecuteOptions = {}): QueryResult {
  // Derived fields, filters and measures share one budget for the text they build.
  return withTextBudget(MAX_BUILT_TEXT, () => execute(input, resolve, options));
}

function execute(input: QuerySpec | unknown, resolve: ResolveSource, options: ExecuteOptions): QueryResult {
  const spec = parseQuerySpec(input);
  const output = options.output ?? 'both';
  let table = resolve(spec.source);
  table = materialize(table);
  const n = table.numRows();

  // 1. Lookups and derived fields extend the working table.
  for (const lookup of spec.lookups ?? []) table = applyLookup(table, lookup, resolve);
  if (spec.derived?.length) table = withDerived(table, spec.derived);
  const fields = table.columnNames();
  const field = (name: string, where: string) => {
    const real = resolveField(name, fields);
    if (real === undefined) {
      const near = suggest(name, fields);
      throw new QueryFieldError(`Unknown field ${formatFieldRef(quote(name, 256))} in ${where}${near.length ? ` — did you mean ${near.map((f) => formatFieldRef(quote(f, 256))).join(' or ')}?` : ''}`);
    }
    return real;
  };
  const rowFields = spec.rows.map((f, i) => field(f, `rows[${i}]`));
  const colFields = (spec.columns ?? []).map((f, i) => field(f, `columns[${i}]`));
  const R = rowFields.length;
  const C = colFields.length;
  const measures = spec.measures;
  const formulas = measures.map((m) => ({ id: m.id, formula: measureFormula(m) }));

  // 2. Filters: plain predicates and row formulas, then top/bottom N in order.
  let rows = filterRows(table, spec.filters ?? [], field);
  for (const [i, f] of (spec.filters ?? []).entries()) {
    if (f.kind !== 'topN') continue;
    rows = applyTopN(table, f, field(f.field, `filters[${i}]`), formulas, rows);
  }

  // 3. The grouping sets this output needs: (row depth, column depth) pairs.
  const totals = spec.totals ?? {};
  const pairList = groupingPairs(spec, rowFields, colFields, field);
  // A cheap lower bound first: each field's own item count. Grouping a million
  // items only to refuse them would take far longer than this one pass.
  // A field cannot have more items than there are rows, so small inputs skip the pass.
  const keptRows = rows ? rows.length : n;
  // The encodings are kept: computeMeasures groups by them instead of encoding the fields again.
  const encoded = new Map<string, EncodedKey>();
  const items = (f: string) => {
    let key = encoded.get(f);
    if (key === undefined) encoded.set(f, (key = encodeGroupKey(columnValues(table.column(f) as ColumnLike), rows)));
    return key.labels.length;
  };
  const widest = (list: string[]) => list.reduce((m, f) => Math.max(m, items(f)), 0);
  const M0 = measures.length;
  const rowsMayOverflow = keptRows + C + 3 > SHEET_MAX_ROWS;
  const colsMayOverflow = C > 0 && (keptRows + 1) * M0 + R > SHEET_MAX_COLUMNS;
  const minRowItems = R && rowsMayOverflow ? widest(rowFields) + ((totals.grandTotalRow ?? true) ? 1 : 0) : 1;
  const minColItems = C && colsMayOverflow ? widest(colFields) + ((totals.grandTotalColumn ?? true) ? 1 : 0) : 1;
  if (output !== 'flat') assertFitsSheet('pivot grid', C + 1 + minRowItems, Math.max(R, 1) + minColItems * M0, true);
  if (output !== 'grid' && rowsMayOverflow) assertFitsSheet('flat table', 1 + Math.max(R ? widest(rowFields) : 1, C ? widest(colFields) : 1), R + C + M0, true);

  const computed = computeMeasures(table, {
    groupBy: [...rowFields, ...colFields],
    measures: formulas,
    groupingSets: pairList.map(([i, j]) => [...rowFields.slice(0, i), ...colFields.slice(0, j)]),
    rows,
    encodedKeys: encoded,
  });

  // 4-6. Axes, sort, size check, show-as, grid and flat rows (shared with the SQL back end).
  return assembleResult({
    spec, fields, rowFields, colFields, pairList, levels: computed.levels,
    sourceRowCount: n, rowCount: computed.rowCount, skipped: computed.skipped, output,
  });
}

/**
 * The table with the derived fields added, in order (a later one may use an earlier one). A date
 * part of a field holding only numbers and blanks is computed directly (datePartColumn); every
 * other derived field, and any whose name or field would need an error message, goes through
 * the formula path.
 */
function withDerived(table: Table, derived: NonNullable<QuerySpec['derived']>): Table {
  const added = new Map<string, ArrayLike<unknown>>();
  let pending: Array<{ name: string; formula: string; where: string }> = [];
  const flush = () => {
    if (!pending.length) return;
    const current = added.size ? withColumns(table, added) : table;
    for (const [name, values] of deriveColumns(current, pending)) added.set(name, values);
    pending = [];
  };
  derived.forEach((d, i) => {
    if (d.kind === 'datePart') {
      flush();
      const fields = [...table.columnNames(), ...added.keys()];
      const source = resolveField(d.field, fields);
      if (source !== undefined && resolveField(d.name, fields) === undefined) {
        const values = added.get(source) ?? columnValues(table.column(source) as ColumnLike);
        const column = datePartColumn(values, d.part);
        if (column) {
          added.set(d.name, column);
          return;
        }
      }
    }
    pending.push({ name: d.name, formula: derivedFormula(d), where: `derived[${i}] (${d.name})` });
  });
  flush();
  return withColumns(table, added);
}

/** LEFT JOIN on one key with unique lookup keys (see LookupSchema). */
export function applyLookup(table: Table, lookup: NonNullable<QuerySpec['lookups']>[number], resolve: ResolveSource): Table {
  const other = resolve(lookup.source);
  const where = `lookup ${sourceRefKey(lookup.source)}`;
  const fields = table.columnNames();
  const otherFields = other.columnNames();
  const own = resolveField(lookup.key, fields);
  const theirs = resolveField(lookup.lookupKey, otherFields);
  if (own === undefined) throw new QueryFieldError(`Unknown key field [${lookup.key}] in ${where}`);
  if (theirs === undefined) throw new QueryFieldError(`Unknown lookup key [${lookup.lookupKey}] in ${where}`);
  const keys = columnValues(other.column(theirs) as ColumnLike);
  const index = new Map<string, number>();
  for (let i = 0; i < keys.length; i++) {
    const v = keys[i];
    if (v == null || v === '') continue;
    const k = itemKey(v);
    if (index.has(k)) throw new QueryFieldError(`${where}: key ${JSON.stringify(v)} appears more than once in [${theirs}]; a lookup key must be unique`);
    index.set(k, i);
  }
  const src = columnValues(table.column(own) as ColumnLike);
  const match = new Int32Array(src.length);
  for (let i = 0; i < src.length; i++) {
    const v = src[i];
    match[i] = v == null || v === '' ? -1 : (index.get(itemKey(v)) ?? -1);
  }
  const added = new Map<string, ArrayLike<unknown>>();
  for (const f of lookup.fields) {
    const real = resolveField(f.field, otherFields);
    if (real === undefined) throw new QueryFieldError(`Unknown field [${f.field}] in ${where}`);
    const name = f.as ?? real;
    if (resolveField(name, fields) !== undefined) throw new QueryFieldError(`${where}: [${name}] already exists; bring it in under another name (as)`);
    const values = columnValues(other.column(real) as ColumnLike);
    const out = new Array(match.length);
    for (let i = 0; i < match.length; i++) out[i] = match[i] < 0 ? '' : values[match[i]];
    added.set(name, out);
  }
  return withColumns(table, added);
}

/** Rows kept by every filter except top/bottom N (undefined: all rows). */
export function filterRows(table: Table, filters: readonly Filter[], field: (name: string, where: string) => string): Uint32Array | undefined {
  const n = table.numRows();
  let keep: Uint8Array | null = null;
  // Each formula filter is its own derived column under a name no field has (a later filter
  // must not see an earlier one's column, and a source may hold any header at all).
  const fields = table.columnNames();
  let helper = 'filter';
  while (resolveField(helper, fields) !== undefined) helper += '_';
  const formulaFilters = filters.flatMap((f, i) => (f.kind === 'formula' ? [{ name: helper, formula: f.formula, where: `filters[${i}]` }] : []));
  const formulaCols = formulaFilters.length ? formulaFilters.map((spec) => deriveColumns(table, [spec]).get(helper)!) : [];
  let nextFormula = 0;
  filters.forEach((f, i) => {
    if (f.kind === 'topN') return;
    let values: ArrayLike<unknown>;
    let test: (v: unknown) => boolean;
    if (f.kind === 'formula') {
      values = formulaCols[nextFormula++];
      test = isTruthy;
    } else {
      values = columnValues(table.column(field(f.field, `filters[${i}]`)) as ColumnLike);
      test = filterPredicate(f);
    }
    if (!keep) keep = new Uint8Array(n).fill(1);
    for (let r = 0; r < n; r++) if (keep[r] && !test(values[r])) keep[r] = 0;
  });
  if (!keep) return undefined;
  const mask: Uint8Array = keep;
  let count = 0;
  for (let r = 0; r < n; r++) count += mask[r];
  const rows = new Uint32Array(count);
  for (let r = 0, k = 0; r < n; r++) if (mask[r]) rows[k++] = r;
  return rows;
}

/** Keep the rows whose item of `fieldName` is among the top/bottom N by the measure. */
function applyTopN(
  table: Table,
  f: Extract<Filter, { kind: 'topN' }>,
  fieldName: string,
  formulas: Array<{ id: string; formula: string }>,
  rows: Uint32Array | undefined,
): Uint32Array {
  const m = formulas.find((x) => x.id.toLowerCase() === f.measure.toLowerCase())!;
  const res = computeMeasures(table, { groupBy: [fieldName], measures: [m], rows });
  const desc = (f.direction ?? 'top') === 'top';
  const groups = res.levels[0].rows
    .filter((g) => typeof g.values[0] === 'number')
    .sort((a, b) => {
      const x = a.values[0] as number;
      const y = b.values[0] as number;
      if (x !== y) return desc ? y - x : x - y;
      // Ties at the cut: the item order the pane shows (2 before 10, text by code point, blank last).
      return compareItems(a.key[0], b.key[0]);
    })
    .slice(0, f.n);
  const chosen = new Set(groups.map((g) => itemKey(g.key[0])));
  const values = columnValues(table.column(fieldName) as ColumnLike);
  const out: number[] = [];
  const total = rows ? rows.length : table.numRows();
  for (let k = 0; k < total; k++) {
    const r = rows ? rows[k] : k;
    if (chosen.has(itemKey(values[r]))) out.push(r);
  }
  return Uint32Array.from(out);
}
