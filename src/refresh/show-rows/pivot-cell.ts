/**
 * Show rows on a native PivotTable's value cell, or on an extension column PivotDeck wrote beside
 * (or away from) a pivot: both read the pivot and its source and take the rows the pivot counts.
 */
import { DEFAULT_ROW_LIMIT, drillExtensionCell, drillPivotCell, pivotRows } from '../../engine/drill';
import { readPivot } from '../../excel/pivot/read-pivot';
import { readPivotSource } from '../../excel/pivot/read-pivot-source';
import { getSelectedPivot } from '../../excel/selected-pivot';
import { readPivotColumnLabels, writeShowRows } from '../../excel/show-rows';
import type { PivotDeckDocument } from '../../model';
import type { ActiveCell } from './active-cell';
import type { ShowRowsDeps } from './show-rows-deps';
import { NOT_A_NUMBER, refused, written, type ShowRowsOutcome } from './show-rows-outcome';

/**
 * The outcome when the active cell is in a PivotTable, else undefined.
 * @example await pivotCellRows(deps, cell) // { status: 'written', words: 'Region = North', … }
 */
export async function pivotCellRows(deps: ShowRowsDeps, cell: ActiveCell): Promise<ShowRowsOutcome | undefined> {
  const selected = await getSelectedPivot(deps.run);
  if (!selected) return undefined;
  const snapshot = await readPivot(deps.run, selected.name, { canReadDataSource: deps.canReadDataSource, sheet: selected.sheet });
  const { source } = await readPivotSource(deps.run, snapshot);
  const columnLabels = await readPivotColumnLabels(deps.run, selected.name, snapshot.columns.length, selected.sheet);
  const drill = drillPivotCell(snapshot, source, cell, columnLabels);
  const rows = pivotRows(source, drill.sourceRows, deps.limit ?? DEFAULT_ROW_LIMIT);
  const out = await writeShowRows(deps.run, {
    title: `Rows behind ${drill.dataField.name}`, words: drill.words, ...rows, numberFormats: source.formats,
    recompute: drill.excel, shown: cell.value, note: drill.showAsNote,
  });
  return written(out, drill.words);
}

/**
 * The outcome when the active cell is in an extension block PivotDeck wrote (tracked by its
 * name), else undefined. Block row k is pivot row k - 1.
 * @example await extensionCellRows(deps, doc, cell) // { status: 'written', formula: '=MEDIAN(ShowRows_1[[Revenue]])', … }
 */
export async function extensionCellRows(deps: ShowRowsDeps, doc: PivotDeckDocument, cell: ActiveCell): Promise<ShowRowsOutcome | undefined> {
  const tracked = doc.extensions.filter((e) => e.output?.name);
  if (!tracked.length) return undefined;
  const areas = await deps.run(async (ctx) => {
    const ranges = tracked.map((e) => ctx.workbook.names.getItemOrNullObject(e.output!.name).getRangeOrNullObject().load('rowIndex, columnIndex, rowCount, columnCount, worksheet/name'));
    await ctx.sync();
    return ranges.map((r) => (r.isNullObject ? undefined : { sheet: r.worksheet.name, row: r.rowIndex, column: r.columnIndex, rows: r.rowCount, columns: r.columnCount }));
  });
  for (const [i, ext] of tracked.entries()) {
    const a = areas[i];
    if (!a || a.sheet !== cell.sheet || cell.row < a.row || cell.row >= a.row + a.rows || cell.column < a.column || cell.column >= a.column + a.columns) continue;
    const snapshot = await readPivot(deps.run, ext.pivotName, { canReadDataSource: deps.canReadDataSource, sheet: ext.pivotSheet });
    const { source } = await readPivotSource(deps.run, snapshot);
    const index = cell.column - a.column - (ext.placement.kind === 'sheet' ? snapshot.rowLabels.columns : 0);
    const measure = ext.measures[index];
    if (cell.row === a.row || !measure) return refused(NOT_A_NUMBER);
    const drill = drillExtensionCell(snapshot, source, cell.row - a.row - 1, measure);
    const rows = pivotRows(source, drill.sourceRows, deps.limit ?? DEFAULT_ROW_LIMIT);
    const out = await writeShowRows(deps.run, {
      title: `Rows behind ${measure.label}`, words: drill.words, ...rows, numberFormats: source.formats,
      recompute: drill.excel, shown: cell.value,
    });
    return written(out, drill.words);
  }
  return undefined;
}
