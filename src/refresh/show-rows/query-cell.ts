/**
 * Show rows on a saved query's output: a value of its grid, or a row of the Excel table it was
 * written as (flat layout; any cell of the row, matched by the row's keys, so a table the user
 * sorted or filtered still drills).
 */
import type { QuerySpec } from '../../engine/spec';
import type { CellValue } from '../../excel/api';
import { findQueryOutput } from '../../excel/query-output';
import type { PivotDeckDocument } from '../../model';
import { savedQueries } from '../queries/saved-queries';
import type { ActiveCell } from './active-cell';
import type { CellLocator } from './locate-cell';
import type { ShowRowsDeps } from './show-rows-deps';
import { NOT_A_NUMBER, refused, type ShowRowsOutcome } from './show-rows-outcome';
import { showSpecCellRows } from './spec-cell';

const inside = (cell: ActiveCell, a: { sheet: string; row: number; column: number; rows: number; columns: number }) =>
  a.sheet === cell.sheet && cell.row >= a.row && cell.row < a.row + a.rows && cell.column >= a.column && cell.column < a.column + a.columns;

/**
 * The outcome when the active cell is inside a saved query's output, else undefined.
 * @example await queryCellRows(deps, doc, cell) // { status: 'written', sheet: 'Rows 1', … }
 */
export async function queryCellRows(deps: ShowRowsDeps, doc: PivotDeckDocument, cell: ActiveCell): Promise<ShowRowsOutcome | undefined> {
  for (const q of savedQueries(doc)) {
    if (!q.spec) continue;
    const at = await findQueryOutput(deps.run, q.def.id);
    if (!at || !inside(cell, at.area)) continue;
    const spec = q.spec;
    const label = q.def.label;
    const staleMessage = `"${label}" is out of date: its source has changed since it was written, so the rows behind this cell may differ from the number shown. Refresh the query, then choose Show rows again.`;
    const locate = at.layout === 'grid'
      ? await gridLocator(deps, spec, cell, at.area)
      : await flatLocator(deps, spec, cell, at.area);
    if (!locate) return refused(`That cell is a heading of "${label}". ${NOT_A_NUMBER.split('. ')[0]}.`);
    return showSpecCellRows(deps, doc, {
      spec, locate, shown: locate.shown,
      title: (d) => `Rows behind ${d.measureLabel} of "${label}"`,
      labelMessage: `That cell is a label of "${label}". ${NOT_A_NUMBER.split('. ')[0]}.`,
      staleMessage,
    });
  }
  return undefined;
}

type Area = { sheet: string; row: number; column: number; rows: number; columns: number };

/** The grid's label cells on the cell's row and heading cells above it, as the sheet shows them (one sync). */
async function gridLocator(deps: ShowRowsDeps, spec: QuerySpec, cell: ActiveCell, area: Area): Promise<CellLocator> {
  const headerColumns = Math.min(Math.max(spec.rows.length, 1), area.columns);
  const headerRows = Math.min((spec.columns?.length ?? 0) + 1, area.rows);
  const onSheet = await deps.run(async (ctx) => {
    const s = ctx.workbook.worksheets.getItem(cell.sheet);
    const labels = s.getRangeByIndexes(cell.row, area.column, 1, headerColumns).load('values');
    const heads = s.getRangeByIndexes(area.row, cell.column, headerRows, 1).load('values');
    await ctx.sync();
    return { labels: labels.values[0] as CellValue[], heads: heads.values.map((x) => x[0] as CellValue) };
  });
  return { kind: 'grid', rowOffset: cell.row - area.row, columnOffset: cell.column - area.column, ...onSheet, shown: cell.value };
}

/** The table row's cells: its keys and the measure under the cell (a key cell drills the first measure). */
async function flatLocator(deps: ShowRowsDeps, spec: QuerySpec, cell: ActiveCell, area: Area): Promise<CellLocator | undefined> {
  if (cell.row === area.row) return undefined;
  const keyCount = spec.rows.length + (spec.columns?.length ?? 0);
  const offset = cell.column - area.column;
  const measure = Math.max(0, offset - keyCount);
  if (measure >= spec.measures.length) return undefined;
  const row = await deps.run(async (ctx) => {
    const r = ctx.workbook.worksheets.getItem(cell.sheet).getRangeByIndexes(cell.row, area.column, 1, Math.min(area.columns, keyCount + spec.measures.length)).load('values');
    await ctx.sync();
    return r.values[0] as CellValue[];
  });
  return { kind: 'flat', keys: row.slice(0, keyCount), measure, shown: row[keyCount + measure] ?? '' };
}
