import * as aq from 'arquero';
import { type ColumnLike, columnValues } from '../compile/column-values';
import { computeMeasures } from '../compile/compute-measures';
import { deriveColumns } from '../compile/derive-fields';
import { encodeGroupKey } from '../compile/group-keys';
import { resolveField } from '../formula/check';
import { suggest } from '../formula/suggest';
import type { MeasureValue } from '../measures/aggregate-def';
import type { Filter } from '../spec/filters';
import type { Measure, ShowAs } from '../spec/measures';
import { parseQuerySpec } from '../spec/parse-spec';
import type { QuerySpec } from '../spec/query-spec';
import { type SourceRef, sourceRefKey } from '../spec/source-ref';
import { type AxisNode, type AxisOrder, buildAxis, flattenAxis, leafPartitions, sortAxis } from './axis';
import { filterPredicate, isTruthy } from './filter-rows';
import { itemKey, tupleKey } from './item-key';
import type { AxisItem, FlatResult, PivotGrid, QueryResult, ResultMeasure } from './result';
import {
  differenceFromPrevious,
  movingAverage,
  percentDifferenceFromPrevious,
  rank,
  runningTotal,
  shareOf,
} from './show-as';
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
  const spec = parseQuerySpec(input);
  const output = options.output ?? 'both';
  let table = resolve(spec.source);
  if (table.isFiltered()) table = table.reify();
  const n = table.numRows();

  // 1. Lookups and derived fields extend the working table.
  for (const lookup of spec.lookups ?? []) table = applyLookup(table, lookup, resolve);
  if (spec.derived?.length) {
    const cols = deriveColumns(
      table,
      spec.derived.map((d, i) => ({ name: d.name, formula: derivedFormula(d), where: `derived[${i}] (${d.name})` })),
    );
    table = table.assign(aq.table(nullProtoObject(cols)));
  }
  const fields = table.columnNames();
  const field = (name: string, where: string) => {
    const real = resolveField(name, fields);
    if (real === undefined) {
      const near = suggest(name, fields);
      throw new QueryFieldError(`Unknown field [${name}] in ${where}${near.length ? ` — did you mean ${near.map((f) => `[${f}]`).join(' or ')}?` : ''}`);
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
  const subtotals = totals.subtotals ?? true;
  const rowDepths = depthsShown(R, subtotals, totals.grandTotalRow ?? true);
  const colDepths = depthsShown(C, subtotals, totals.grandTotalColumn ?? true);
  const pairs = new Set<string>();
  const need = (i: number, j: number) => pairs.add(`${i},${j}`);
  for (const i of rowDepths) for (const j of colDepths) need(i, j);
  for (const m of measures) {
    switch (m.showAs?.kind) {
      case 'percentOfGrandTotal':
        need(0, 0);
        break;
      case 'percentOfRowTotal':
        for (const i of rowDepths) need(i, 0);
        break;
      case 'percentOfColumnTotal':
        for (const j of colDepths) need(0, j);
        break;
      case 'percentOfParentRow':
        for (const i of rowDepths) for (const j of colDepths) need(Math.max(0, i - 1), j);
        break;
      case 'percentOfParentColumn':
        for (const i of rowDepths) for (const j of colDepths) need(i, Math.max(0, j - 1));
        break;
    }
  }
  const sorts = spec.sort ?? [];
  for (const s of sorts) {
    if (s.by !== 'measure') continue;
    const real = field(s.field, 'sort');
    const ri = rowFields.indexOf(real);
    if (ri >= 0) need(ri + 1, 0);
    else need(0, colFields.indexOf(real) + 1);
  }
  // A cheap lower bound first: each field's own item count. Grouping a million
  // items only to refuse them would take far longer than this one pass.
  // A field cannot have more items than there are rows, so small inputs skip the pass.
  const keptRows = rows ? rows.length : n;
  const itemCounts = new Map<string, number>();
  const items = (f: string) => {
    let count = itemCounts.get(f);
    if (count === undefined) itemCounts.set(f, (count = encodeGroupKey(columnValues(table.column(f) as ColumnLike), rows).labels.length));
    return count;
  };
  const widest = (list: string[]) => list.reduce((m, f) => Math.max(m, items(f)), 0);
  const M0 = measures.length;
  const rowsMayOverflow = keptRows + C + 3 > SHEET_MAX_ROWS;
  const colsMayOverflow = C > 0 && (keptRows + 1) * M0 + R > SHEET_MAX_COLUMNS;
  const minRowItems = R && rowsMayOverflow ? widest(rowFields) + ((totals.grandTotalRow ?? true) ? 1 : 0) : 1;
  const minColItems = C && colsMayOverflow ? widest(colFields) + ((totals.grandTotalColumn ?? true) ? 1 : 0) : 1;
  if (output !== 'flat') assertFitsSheet('pivot grid', C + 1 + minRowItems, Math.max(R, 1) + minColItems * M0, true);
  if (output !== 'grid' && rowsMayOverflow) assertFitsSheet('flat table', 1 + Math.max(R ? widest(rowFields) : 1, C ? widest(colFields) : 1), R + C + M0, true);

  const pairList = [...pairs].map((p) => p.split(',').map(Number) as [number, number]);

  const computed = computeMeasures(table, {
    groupBy: [...rowFields, ...colFields],
    measures: formulas,
    groupingSets: pairList.map(([i, j]) => [...rowFields.slice(0, i), ...colFields.slice(0, j)]),
    rows,
  });

  // 4. Cells by (row path, column path); axes from the finest level.
  const cells = new Map<string, MeasureValue[]>();
  let finest: Array<{ r: unknown[]; c: unknown[] }> = [];
  computed.levels.forEach((level, k) => {
    const [i, j] = pairList[k];
    const isFinest = i === R && j === C;
    for (const g of level.rows) {
      const r = g.key.slice(0, i);
      const c = g.key.slice(i);
      cells.set(cellKey(r, c), g.values);
      if (isFinest) finest.push({ r, c });
    }
  });
  const rowTree = buildAxis(finest.map((x) => x.r));
  const colTree = buildAxis(finest.map((x) => x.c));
  const measureIndex = (id: string) => measures.findIndex((m) => m.id.toLowerCase() === id.toLowerCase());
  const orders = (axisFields: string[], isRows: boolean): AxisOrder[] =>
    axisFields.map((f) => {
      const s = sorts.find((x) => resolveField(x.field, fields) === f);
      if (!s) return { descending: false };
      if (s.by === 'label') return { descending: s.order === 'desc' };
      const m = measureIndex(s.measure);
      return {
        descending: (s.order ?? 'desc') === 'desc',
        value: (path) => cells.get(isRows ? cellKey(path, []) : cellKey([], path))?.[m],
      };
    });
  sortAxis(rowTree, orders(rowFields, true));
  sortAxis(colTree, orders(colFields, false));
  const rowItems = flattenAxis(rowTree, R, subtotals, totals.grandTotalRow ?? true);
  const colItems = flattenAxis(colTree, C, subtotals, totals.grandTotalColumn ?? true);

  // 5. Refuse what cannot fit before building anything.
  const M = measures.length;
  if (output !== 'flat') assertFitsSheet('pivot grid', C + 1 + rowItems.length, Math.max(R, 1) + colItems.length * M);
  if (output !== 'grid') assertFitsSheet('flat table', 1 + finest.length, R + C + M);

  // 6. Show-as: replace measure values where asked.
  const shown = applyShowAs(measures, cells, rowTree, colTree, rowItems, colItems, R, C);
  const anyShown = shown.some((x) => x);
  /** All measures of one cell, looked up with one key. */
  const cellValues = (r: unknown[], c: unknown[], out: MeasureValue[], offset: number): boolean => {
    const key = cellKey(r, c);
    const raw = cells.get(key);
    for (let m = 0; m < M; m++) {
      const over = anyShown ? shown[m] : undefined;
      out[offset + m] = (over ? over.get(key) : raw?.[m]) ?? null;
    }
    return raw !== undefined;
  };
  const resultMeasures: ResultMeasure[] = measures.map((m) => ({ id: m.id, label: m.label ?? m.id, numberFormat: m.numberFormat ?? defaultFormat(m.showAs) }));

  const result: QueryResult = { sourceRowCount: n, rowCount: computed.rowCount, skipped: computed.skipped };
  if (output !== 'flat') {
    result.grid = {
      rowFields,
      columnFields: colFields,
      measures: resultMeasures,
      rowItems,
      columnItems: colItems,
      values: rowItems.map((ri) => {
        const out: MeasureValue[] = new Array(colItems.length * M);
        for (let c = 0; c < colItems.length; c++) cellValues(ri.path, colItems[c].path, out, c * M);
        return out;
      }),
    } satisfies PivotGrid;
  }
  if (output !== 'grid') {
    const rowLeaves = R ? rowItems.filter((x) => x.kind === 'item') : [{ kind: 'grandTotal', path: [] } as AxisItem];
    const colLeaves = C ? colItems.filter((x) => x.kind === 'item') : [{ kind: 'grandTotal', path: [] } as AxisItem];
    const flatRows: MeasureValue[][] = [];
    for (const ri of rowLeaves) {
      for (const ci of colLeaves) {
        const row = [...ri.path, ...ci.path] as MeasureValue[];
        if (cellValues(ri.path, ci.path, row, row.length)) flatRows.push(row);
      }
    }
    result.flat = {
      header: [...rowFields, ...colFields, ...resultMeasures.map((m) => m.label)],
      rows: flatRows,
      numberFormats: [...rowFields.map(() => 'General'), ...colFields.map(() => 'General'), ...resultMeasures.map((m) => m.numberFormat)],
    } satisfies FlatResult;
  }
  finest = [];
  return result;
}

const cellKey = (r: unknown[], c: unknown[]) => `${r.length}:${c.length}:${tupleKey(r)}\u0002${tupleKey(c)}`;

/** Depths of an axis shown in the grid: the full depth, outer subtotals, the grand total. */
function depthsShown(depth: number, subtotals: boolean, grand: boolean): number[] {
  const out = [depth];
  if (subtotals) for (let d = depth - 1; d >= 1; d--) out.push(d);
  if (grand && depth > 0) out.push(0);
  return out;
}

function defaultFormat(showAs: ShowAs | undefined): string {
  if (!showAs) return 'General';
  if (showAs.kind.startsWith('percent')) return '0.00%';
  return showAs.kind === 'rank' ? '0' : 'General';
}

function nullProtoObject(cols: Map<string, ArrayLike<unknown>>): Record<string, ArrayLike<unknown>> {
  const obj: Record<string, ArrayLike<unknown>> = Object.create(null);
  for (const [k, v] of cols) obj[k] = v;
  return obj;
}

/** LEFT JOIN on one key with unique lookup keys (see LookupSchema). */
function applyLookup(table: Table, lookup: NonNullable<QuerySpec['lookups']>[number], resolve: ResolveSource): Table {
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
  return table.assign(aq.table(nullProtoObject(added)));
}

/** Rows kept by every filter except top/bottom N (undefined: all rows). */
function filterRows(table: Table, filters: readonly Filter[], field: (name: string, where: string) => string): Uint32Array | undefined {
  const n = table.numRows();
  let keep: Uint8Array | null = null;
  const formulaFilters = filters.flatMap((f, i) => (f.kind === 'formula' ? [{ name: `\u0000filter${i}`, formula: f.formula, where: `filters[${i}]` }] : []));
  const formulaCols = formulaFilters.length ? deriveColumns(table, formulaFilters) : null;
  filters.forEach((f, i) => {
    if (f.kind === 'topN') return;
    let values: ArrayLike<unknown>;
    let test: (v: unknown) => boolean;
    if (f.kind === 'formula') {
      values = formulaCols!.get(`\u0000filter${i}`)!;
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
      return tupleKey(a.key) < tupleKey(b.key) ? -1 : 1;
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

/** Per measure index: the shown values by cell key (undefined = raw values). */
function applyShowAs(
  measures: readonly Measure[],
  cells: Map<string, MeasureValue[]>,
  rowTree: AxisNode[],
  colTree: AxisNode[],
  rowItems: AxisItem[],
  colItems: AxisItem[],
  R: number,
  C: number,
): Array<Map<string, MeasureValue> | undefined> {
  return measures.map((measure, m) => {
    const s = measure.showAs;
    if (!s) return undefined;
    const out = new Map<string, MeasureValue>();
    const raw = (r: unknown[], c: unknown[]) => cells.get(cellKey(r, c))?.[m];
    const share = (base: (r: unknown[], c: unknown[]) => MeasureValue | undefined) => {
      for (const ri of rowItems)
        for (const ci of colItems) {
          const v = raw(ri.path, ci.path);
          if (v !== undefined) out.set(cellKey(ri.path, ci.path), shareOf(v, base(ri.path, ci.path)));
        }
    };
    switch (s.kind) {
      case 'percentOfGrandTotal':
        share(() => raw([], []));
        return out;
      case 'percentOfRowTotal':
        share((r) => raw(r, []));
        return out;
      case 'percentOfColumnTotal':
        share((_, c) => raw([], c));
        return out;
      case 'percentOfParentRow':
        share((r, c) => raw(r.slice(0, Math.max(0, r.length - 1)), c));
        return out;
      case 'percentOfParentColumn':
        share((r, c) => raw(r, c.slice(0, Math.max(0, c.length - 1))));
        return out;
    }
    const alongRows = (s.along ?? 'rows') === 'rows';
    const transform = (values: MeasureValue[]): MeasureValue[] => {
      switch (s.kind) {
        case 'runningTotal':
          return runningTotal(values);
        case 'differenceFromPrevious':
          return differenceFromPrevious(values);
        case 'percentDifferenceFromPrevious':
          return percentDifferenceFromPrevious(values);
        case 'rank':
          return rank(values, s.order ?? 'desc');
        case 'movingAverage':
          return movingAverage(values, s.periods);
      }
    };
    // Partition: the base axis's parent item × every shown item of the other axis.
    const partitions = alongRows ? leafPartitions(rowTree, R) : leafPartitions(colTree, C);
    const others = alongRows ? colItems : rowItems;
    for (const other of others) {
      for (const part of partitions) {
        const present = part.filter((p) => (alongRows ? raw(p, other.path) : raw(other.path, p)) !== undefined);
        const shownValues = transform(present.map((p) => (alongRows ? raw(p, other.path)! : raw(other.path, p)!)));
        present.forEach((p, k) => out.set(alongRows ? cellKey(p, other.path) : cellKey(other.path, p), shownValues[k]));
      }
    }
    return out;
  });
}
