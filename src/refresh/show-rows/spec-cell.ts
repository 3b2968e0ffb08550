/**
 * Show rows for any number PivotDeck computed from a query spec (a saved query's grid or table, a
 * dashboard tile): recompute the grid where the query runs, find the number in it, and list the
 * rows behind it there too:
 * - a workbook table, a sheet range or a kept-out web source: read here (Excel reads belong to the
 *   pane), computed on the query worker (`deps.compute`);
 * - a warehouse: the grid through the warehouse runner (one aggregate SELECT), the rows through
 *   planRows (one SELECT … LIMIT n+1; a count only when the limit is hit).
 */
import { DEFAULT_ROW_LIMIT, drillGridCell, type Drill, type DrilledRows } from '../../engine/drill';
import type { QuerySpec } from '../../engine/spec';
import type { CellValue } from '../../excel/api';
import { writeShowRows } from '../../excel/show-rows';
import type { PivotDeckDocument } from '../../model';
import { readSourceData, sourcesOf, type SourceData } from '../queries/source-data';
import { computeDrillInThread } from './compute-drill';
import { locateCell, type CellLocator } from './locate-cell';
import { sourceFormats } from './source-formats';
import type { ShowRowsDeps } from './show-rows-deps';
import { refused, written, type ShowRowsOutcome } from './show-rows-outcome';

export interface SpecCell {
  spec: QuerySpec;
  locate: CellLocator;
  /** The number as the sheet shows it (written beside Excel's formula). */
  shown: CellValue;
  /** The sheet's first line. */
  title(drill: Drill): string;
  /** The filters in words; drill.words when absent. */
  words?(drill: Drill): string;
  /** Said when the cell is a label or heading. */
  labelMessage: string;
  /** Said when the output is out of date (the rows would not match the number). */
  staleMessage: string;
}

/** True when the spec (or a lookup) reads a warehouse source of the document. */
export function readsWarehouse(spec: QuerySpec, doc: PivotDeckDocument): boolean {
  return [spec.source, ...(spec.lookups ?? []).map((l) => l.source)]
    .some((s) => s.kind === 'source' && doc.sources.some((d) => d.id === s.id && d.kind === 'warehouse'));
}

/**
 * @example
 * await showSpecCellRows(deps, doc, { spec, locate, shown: 400, title: (d) => `Rows behind ${d.measureLabel}`, labelMessage, staleMessage });
 */
export async function showSpecCellRows(deps: ShowRowsDeps, doc: PivotDeckDocument, cell: SpecCell): Promise<ShowRowsOutcome> {
  const limit = deps.limit ?? DEFAULT_ROW_LIMIT;
  let drill: Drill;
  let rows: DrilledRows;
  /** Number format per column of `rows` (dates as dates), when known. */
  let numberFormats: Array<string | undefined> | undefined;
  if (readsWarehouse(cell.spec, doc)) {
    if (!deps.warehouse || !deps.warehouseRows) return refused('This number comes from a warehouse, which this part of PivotDeck cannot reach. Open the PivotDeck pane and choose Show rows there.');
    const run = await deps.warehouse(cell.spec, 'grid', { sources: doc.sources });
    if (!run?.result.grid) return refused('PivotDeck could not recompute this number on its warehouse. Refresh it, then choose Show rows again.');
    const located = locateCell(cell.locate, run.result.grid);
    if (located.status === 'label') return refused(cell.labelMessage);
    if (located.status === 'stale') return refused(cell.staleMessage);
    if (located.status === 'none') return refused(located.message);
    drill = drillGridCell(cell.spec, run.result.grid, located.at);
    const got = await deps.warehouseRows(drill.rows, limit);
    if (!got) return refused('PivotDeck could not find this number\'s warehouse source in the workbook. Refresh it, then choose Show rows again.');
    rows = got.rows;
    numberFormats = got.numberFormats;
  } else {
    const sources: Record<string, SourceData> = {};
    for (const [key, ref] of sourcesOf(cell.spec)) sources[key] = await readSourceData(deps.run, ref, { pull: deps.pull });
    const drilled = await (deps.compute ?? computeDrillInThread)({ spec: cell.spec, sources, locate: cell.locate, limit });
    if (drilled.status === 'label') return refused(cell.labelMessage);
    if (drilled.status === 'stale') return refused(cell.staleMessage);
    if (drilled.status === 'none') return refused(drilled.message);
    // The drill's words and formula (functions, which do not cross from the worker) are made
    // here again from the grid the worker sent back: pure and cheap.
    drill = drillGridCell(cell.spec, drilled.grid, drilled.at);
    rows = drilled.rows;
    const formats = await sourceFormats(deps.run, cell.spec.source);
    numberFormats = formats && rows.columns.map((c) => formats.get(c.toLowerCase()));
  }
  const words = cell.words?.(drill) ?? drill.words;
  const out = await writeShowRows(deps.run, {
    title: cell.title(drill), words, ...rows, recompute: drill.excel, shown: cell.shown, note: drill.showAsNote,
    ...(numberFormats ? { numberFormats } : {}),
  });
  return written(out, words);
}
