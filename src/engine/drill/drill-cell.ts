import { itemKey } from '../query/item-key';
import type { AxisItem, PivotGrid } from '../query/result';
import type { Filter } from '../spec/filters';
import type { QuerySpec } from '../spec/query-spec';
import { drillWords } from './describe-drill';
import { type Drill, DrillError, type DrillItem } from './drill-spec';
import { excelRecompute } from './excel-recompute';
import { itemFilter } from './item-filter';

/** Which value of a grid: `grid.values[row][value]` (value = column item × measures + measure). */
export interface GridCellAt {
  row: number;
  value: number;
}

/**
 * The drill of one value cell of a query grid (items, subtotals and grand totals alike): the
 * query's own filters AND one `in` filter per row/column item of the cell.
 *
 * A top/bottom N filter is turned into the list of items it kept (read from the grid's own axis),
 * because re-ranking inside the drilled rows would pick different items: "top 3 regions" under
 * Category = Bikes is not the top 3 regions of the query.
 *
 * @example
 * const d = drillGridCell(spec, result.grid!, { row: 0, value: 1 });
 * d.words // 'Region = East · Year = 2025'
 * selectRows(d.rows, resolve, 10_000).total // the rows behind that number
 */
export function drillGridCell(spec: QuerySpec, grid: PivotGrid, at: GridCellAt): Drill {
  const M = grid.measures.length;
  const rowItem = grid.rowItems[at.row];
  const columnItem = grid.columnItems[Math.floor(at.value / M)];
  if (!rowItem || !columnItem || at.value < 0) throw new DrillError('That cell is not one of the query\'s numbers. Select a number inside the query\'s grid and try Show rows again.');
  const measure = spec.measures[at.value % M];
  const items: DrillItem[] = [
    ...rowItem.path.map((item, d) => ({ field: grid.rowFields[d], item })),
    ...columnItem.path.map((item, d) => ({ field: grid.columnFields[d], item })),
  ];
  const own = (spec.filters ?? []).map((f) => (f.kind === 'topN' ? keptItems(f.field, grid) : f));
  const filters: Filter[] = [...own, ...items.map((i) => itemFilter(i.field, i.item))];
  const showAs = measure.showAs;
  return {
    rows: { version: spec.version, source: spec.source, lookups: spec.lookups, derived: spec.derived, filters },
    items,
    words: drillWords(items, spec.filters ?? []),
    measure,
    measureLabel: grid.measures[at.value % M].label,
    excel: excelRecompute(measure),
    showAsNote: showAs
      ? `This number is shown as ${showAs.kind}; the rows and the formula below give the measure itself, before that step.`
      : undefined,
  };
}

/**
 * The grid cell under a sheet cell of the laid-out grid (gridToCells: header rows on top, row labels
 * at the left), 0-based offsets from the grid's top-left cell; undefined on a label or header.
 * @example gridCellAtOffset(grid, 2, 1) // { row: 0, value: 0 } for a grid with one column field
 */
export function gridCellAtOffset(grid: PivotGrid, rowOffset: number, columnOffset: number): GridCellAt | undefined {
  const row = rowOffset - (grid.columnFields.length + 1);
  const value = columnOffset - Math.max(grid.rowFields.length, 1);
  if (row < 0 || value < 0 || row >= grid.rowItems.length || value >= grid.columnItems.length * grid.measures.length) return undefined;
  return { row, value };
}

/** The items a top/bottom N kept, as an `in` filter, read from the axis that shows its field. */
function keptItems(field: string, grid: PivotGrid): Filter {
  const lower = field.toLowerCase();
  const fromAxis = (fields: string[], axis: AxisItem[]) => {
    const d = fields.findIndex((f) => f.toLowerCase() === lower);
    if (d < 0) return undefined;
    const seen = new Map<string, unknown>();
    for (const a of axis) if (a.path.length > d) seen.set(itemKey(a.path[d]), a.path[d] ?? null);
    return { field: fields[d], values: [...seen.values()] };
  };
  const found = fromAxis(grid.rowFields, grid.rowItems) ?? fromAxis(grid.columnFields, grid.columnItems);
  if (!found)
    throw new DrillError(`This query keeps the top or bottom items of ${field}, which is not on its rows or columns, so PivotDeck cannot tell which rows it kept. Put ${field} on the rows or columns, then try Show rows again.`);
  return { kind: 'in', field: found.field, values: found.values.map((v) => (v === '' ? null : (v as string | number | boolean | null))) };
}
