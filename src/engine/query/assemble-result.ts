/**
 * The part of a query that works on aggregated groups, not rows: which grouping sets are needed,
 * and how the aggregated sets become the pivot grid and the flat rows (sort, show-as, size check).
 * Split out of execute-query.ts so the SQL back end (src/engine/sql) reuses it for its finish step.
 */
import { resolveField } from '../formula/check';
import type { MeasureValue } from '../measures/aggregate-def';
import type { Measure, ShowAs } from '../spec/measures';
import type { QuerySpec } from '../spec/query-spec';
import { type AxisNode, type AxisOrder, buildAxis, flattenAxis, leafPartitions, sortAxis } from './axis';
import { tupleKey } from './item-key';
import type { AxisItem, FlatResult, PivotGrid, QueryResult, ResultMeasure } from './result';
import {
  differenceFromPrevious,
  movingAverage,
  percentDifferenceFromPrevious,
  rank,
  runningTotal,
  percentOf,
} from './show-as';
import { assertFitsSheet } from './size-limit';

/**
 * The grouping sets a query's output needs, as (row depth, column depth) pairs: the depths shown
 * (full, subtotals, grand totals), the totals show-as divides by, and the item totals sort-by-measure reads.
 * Shared by the Arquero path (executeQuery) and the SQL path (src/engine/sql), so both compute the same sets.
 * @example
 * groupingPairs(spec, ['Region'], [], (f) => f); // [[1, 0], [0, 0]]
 */
export function groupingPairs(
  spec: QuerySpec,
  rowFields: readonly string[],
  colFields: readonly string[],
  field: (name: string, where: string) => string,
): Array<[number, number]> {
  const R = rowFields.length;
  const C = colFields.length;
  const measures = spec.measures;
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
  return [...pairs].map((p) => p.split(',').map(Number) as [number, number]);
}

/** Everything the result is built from once the grouping sets are aggregated. */
export interface AssembleInput {
  spec: QuerySpec;
  /** Field names of the working table (for resolving sort fields). */
  fields: readonly string[];
  rowFields: string[];
  colFields: string[];
  /** The grouping sets, as groupingPairs returned them; levels[k] belongs to pairList[k]. */
  pairList: Array<[number, number]>;
  /** Per grouping set: group keys (row fields of that depth, then column fields) and measure values. */
  levels: ReadonlyArray<{ rows: ReadonlyArray<{ key: unknown[]; values: MeasureValue[] }> }>;
  sourceRowCount: number;
  rowCount: number;
  skipped: QueryResult['skipped'];
  output: 'grid' | 'flat' | 'both';
}

/**
 * Steps 4-6 of a query: axes from the finest level, sort, size check, show-as, grid and flat rows.
 * Pure over already aggregated levels, so the SQL back end finishes its pushed-down result with
 * exactly the code the Arquero back end uses.
 * @example
 * assembleResult({ spec, fields, rowFields: ['Region'], colFields: [], pairList: [[1, 0], [0, 0]],
 *   levels, sourceRowCount: 10, rowCount: 10, skipped: {}, output: 'both' }).grid
 */
export function assembleResult(input: AssembleInput): QueryResult {
  const { spec, fields, rowFields, colFields, pairList, output } = input;
  const R = rowFields.length;
  const C = colFields.length;
  const measures = spec.measures;
  const sorts = spec.sort ?? [];
  const totals = spec.totals ?? {};
  const subtotals = totals.subtotals ?? true;
  const computed = { levels: input.levels, rowCount: input.rowCount, skipped: input.skipped };
  const n = input.sourceRowCount;
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
export function depthsShown(depth: number, subtotals: boolean, grand: boolean): number[] {
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
          if (v !== undefined) out.set(cellKey(ri.path, ci.path), percentOf(v, base(ri.path, ci.path)));
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
