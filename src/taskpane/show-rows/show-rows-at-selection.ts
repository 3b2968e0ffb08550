/**
 * The "Show rows" use-case, outside React so the pane button and a ribbon command can share it:
 * find what the active cell is (a value of a native PivotTable, or a value of a query grid
 * PivotDeck wrote), drill it, read the rows behind it and write them to a new sheet.
 */
import { drillExtensionCell, drillGridCell, DrillError, drillPivotCell, gridCellAtOffset, pivotRows, selectRows, DEFAULT_ROW_LIMIT } from '../../engine/drill';
import { gridToCells, tableFromExcelValues } from '../../engine/query';
import { sourceRefKey } from '../../engine/spec';
import type { CellValue, ExcelRun } from '../../excel/api';
import { excelErrorCode, explainExcelError } from '../../excel/errors';
import { readPivot } from '../../excel/pivot/read-pivot';
import { readPivotSource } from '../../excel/pivot/read-pivot-source';
import { findQueryOutput } from '../../excel/query-output';
import { getSelectedPivot } from '../../excel/selected-pivot';
import { readPivotColumnLabels, ShowRowsError, writeShowRows } from '../../excel/show-rows';
import type { PivotDeckDocument } from '../../model';
import { computeQuery } from '../../refresh/queries/compute-query';
import { savedQueries } from '../../refresh/queries/saved-queries';
import { readSourceData, sourcesOf, type PullSource } from '../../refresh/queries/source-data';

export interface ShowRowsDeps {
  run: ExcelRun;
  /** `isSetSupported('ExcelApi', '1.15')`: reading a pivot's source needs it. */
  canReadDataSource: boolean;
  /** The workbook document: the document service's read(). */
  loadDocument: () => Promise<PivotDeckDocument>;
  /** Reads kept-out web sources; without it such queries are refused with a message. */
  pull?: PullSource;
  /** Rows written at most (default 10,000); the true count is always stated. */
  limit?: number;
}

export type ShowRowsOutcome =
  | { status: 'written'; sheet: string; words: string; total: number; rowsWritten: number; formula?: string }
  | { status: 'refused'; message: string };

const NOT_A_NUMBER =
  'Select a number in a PivotTable, or in a query grid PivotDeck wrote, then choose Show rows. The selected cell is neither.';

/**
 * Show the rows behind the active cell on a new sheet.
 * @example
 * const outcome = await showRowsAtSelection({ run: host.run, canReadDataSource: host.isSetSupported('ExcelApi', '1.15') });
 * if (outcome.status === 'refused') show(outcome.message);
 */
export async function showRowsAtSelection(deps: ShowRowsDeps): Promise<ShowRowsOutcome> {
  const limit = deps.limit ?? DEFAULT_ROW_LIMIT;
  try {
    const cell = await deps.run(async (ctx) => {
      const c = ctx.workbook.getActiveCell().load('rowIndex, columnIndex, values, worksheet/name');
      await ctx.sync();
      return { sheet: c.worksheet.name, row: c.rowIndex, column: c.columnIndex, value: (c.values[0]?.[0] ?? '') as CellValue };
    });

    const selected = await getSelectedPivot(deps.run);
    if (selected) {
      const snapshot = await readPivot(deps.run, selected.name, { canReadDataSource: deps.canReadDataSource, sheet: selected.sheet });
      const { source } = await readPivotSource(deps.run, snapshot);
      const columnLabels = await readPivotColumnLabels(deps.run, selected.name, snapshot.columns.length, selected.sheet);
      const drill = drillPivotCell(snapshot, source, cell, columnLabels);
      const rows = pivotRows(source, drill.sourceRows, limit);
      const out = await writeShowRows(deps.run, {
        title: `Rows behind ${drill.dataField.name}`, words: drill.words, ...rows, numberFormats: source.formats,
        recompute: drill.excel, shown: cell.value, note: drill.showAsNote,
      });
      return { status: 'written', sheet: out.sheet, words: drill.words, total: out.total, rowsWritten: out.rowsWritten, formula: out.formula };
    }

    const doc = await deps.loadDocument();

    // Extension columns PivotDeck wrote beside (or away from) a pivot: block row k is pivot row k - 1.
    const tracked = doc.extensions.filter((e) => e.output?.name);
    const areas = tracked.length ? await deps.run(async (ctx) => {
      const ranges = tracked.map((e) => ctx.workbook.names.getItemOrNullObject(e.output!.name).getRangeOrNullObject().load('rowIndex, columnIndex, rowCount, columnCount, worksheet/name'));
      await ctx.sync();
      return ranges.map((r) => (r.isNullObject ? undefined : { sheet: r.worksheet.name, row: r.rowIndex, column: r.columnIndex, rows: r.rowCount, columns: r.columnCount }));
    }) : [];
    for (const [i, ext] of tracked.entries()) {
      const a = areas[i];
      if (!a || a.sheet !== cell.sheet || cell.row < a.row || cell.row >= a.row + a.rows || cell.column < a.column || cell.column >= a.column + a.columns) continue;
      const snapshot = await readPivot(deps.run, ext.pivotName, { canReadDataSource: deps.canReadDataSource, sheet: ext.pivotSheet });
      const { source } = await readPivotSource(deps.run, snapshot);
      const index = cell.column - a.column - (ext.placement.kind === 'sheet' ? snapshot.rowLabels.columns : 0);
      const measure = ext.measures[index];
      if (cell.row === a.row || !measure) return { status: 'refused', message: NOT_A_NUMBER };
      const drill = drillExtensionCell(snapshot, source, cell.row - a.row - 1, measure);
      const rows = pivotRows(source, drill.sourceRows, limit);
      const out = await writeShowRows(deps.run, {
        title: `Rows behind ${measure.label}`, words: drill.words, ...rows, numberFormats: source.formats,
        recompute: drill.excel, shown: cell.value,
      });
      return { status: 'written', sheet: out.sheet, words: drill.words, total: out.total, rowsWritten: out.rowsWritten, formula: out.formula };
    }

    for (const q of savedQueries(doc)) {
      if (!q.spec) continue;
      const at = await findQueryOutput(deps.run, q.def.id);
      if (!at || at.area.sheet !== cell.sheet) continue;
      const { row, column, rows: height, columns: width } = at.area;
      if (cell.row < row || cell.row >= row + height || cell.column < column || cell.column >= column + width) continue;
      if (at.layout !== 'grid') return { status: 'refused', message: `"${q.def.label}" is written as a table; Show rows works on its grid layout for now. Write it as a grid, or filter the table itself.` };
      const spec = q.spec;
      if ([spec.source, ...(spec.lookups ?? []).map((l) => l.source)].some((s) => s.kind === 'source' && doc.sources.some((d) => d.id === s.id && d.kind === 'warehouse')))
        return { status: 'refused', message: `"${q.def.label}" reads a warehouse; Show rows from the pane does not reach warehouses yet.` };
      const data: Record<string, { header: CellValue[]; rows: CellValue[][] }> = {};
      for (const [key, ref] of sourcesOf(spec)) data[key] = await readSourceData(deps.run, ref, { pull: deps.pull });
      const grid = computeQuery({ spec, sources: data, output: 'grid' }).grid!;
      const target = gridCellAtOffset(grid, cell.row - row, cell.column - column);
      if (!target) return { status: 'refused', message: `That cell is a label of "${q.def.label}". ${NOT_A_NUMBER.split('. ')[0]}.` };
      // The grid is recomputed from the source as it is now: if the sheet shows other labels or
      // another number at that place, the output is out of date and the rows would not match it.
      const laid = gridToCells(grid);
      const r0 = cell.row - row;
      const c0 = cell.column - column;
      const onSheet = await deps.run(async (ctx) => {
        const s = ctx.workbook.worksheets.getItem(cell.sheet);
        const labels = s.getRangeByIndexes(cell.row, column, 1, laid.headerColumns).load('values');
        const heads = s.getRangeByIndexes(row, cell.column, laid.headerRows, 1).load('values');
        await ctx.sync();
        return { labels: labels.values[0] as CellValue[], heads: heads.values.map((x) => x[0] as CellValue) };
      });
      const same = (a: unknown, b: unknown) => (a ?? '') === (b ?? '');
      const current =
        onSheet.labels.every((v, i) => same(v, laid.values[r0][i])) &&
        onSheet.heads.every((v, i) => same(v, laid.values[i][c0])) &&
        same(cell.value, laid.values[r0][c0]);
      if (!current)
        return { status: 'refused', message: `"${q.def.label}" is out of date: its source has changed since it was written, so the rows behind this cell may differ from the number shown. Refresh the query, then choose Show rows again.` };
      const drill = drillGridCell(spec, grid, target);
      const tables = new Map(Object.entries(data).map(([key, d]) => [key, tableFromExcelValues(d.header, d.rows).table]));
      const rows = selectRows(drill.rows, (ref) => tables.get(sourceRefKey(ref))!, limit);
      const out = await writeShowRows(deps.run, {
        title: `Rows behind ${drill.measureLabel} of "${q.def.label}"`, words: drill.words, ...rows,
        recompute: drill.excel, shown: cell.value, note: drill.showAsNote,
      });
      return { status: 'written', sheet: out.sheet, words: drill.words, total: out.total, rowsWritten: out.rowsWritten, formula: out.formula };
    }
    return { status: 'refused', message: NOT_A_NUMBER };
  } catch (error) {
    if (error instanceof DrillError || error instanceof ShowRowsError) return { status: 'refused', message: error.message };
    if (error instanceof Error && error.name === 'ExtensionError') return { status: 'refused', message: error.message };
    // Excel's own errors get Excel's advice; ours (a source that cannot be read, a field gone) say what to do themselves.
    if (excelErrorCode(error) === undefined && error instanceof Error) return { status: 'refused', message: `Could not show the rows behind the selected cell: ${error.message}` };
    return { status: 'refused', message: explainExcelError(error, 'show the rows behind the selected cell').replace(' Press Refresh to try again.', ' Choose Show rows again.') };
  }
}
