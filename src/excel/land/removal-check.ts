/**
 * The check before a refresh deletes columns from one of PivotDeck's tables (a landed table or a
 * query table): which of the user's formulas and PivotTables use those columns. Deleting a table
 * column turns every reference to it into #REF! for good and drops the field from every
 * PivotTable built on the table at its next refresh, so PivotDeck asks first (the pane) or does
 * not refresh that object at all (the ribbon's Refresh all, which has nobody to ask).
 *
 * What Office lets PivotDeck find: formulas in every sheet's used range (read, bounded, by
 * read-formulas.ts; column-uses.ts decides which use the columns) and PivotTables whose source is
 * the table by name (PivotTable.getDataSourceString, ExcelApi 1.15; on older Excel, every
 * PivotTable with a field of that name is named, to be safe). Not found: charts and defined names
 * over the column, formulas in other workbooks.
 */
import type { ExcelRun } from '../api';
import { excelErrorCode } from '../errors';
import { formulasUsingColumns, type ColumnUse, type TablePlace } from './column-uses';
import { LandingError } from './land-error';
import { FORMULA_SCAN_CELLS, columnOf, inArea, readFormulas } from './read-formulas';

/** A PivotTable that uses columns a refresh would delete. */
export interface PivotUse {
  pivot: string;
  sheet: string;
  /** The columns it uses among those to be deleted, as the table names them. */
  columns: string[];
  /** False when Excel could not say what the PivotTable is built on (before ExcelApi 1.15). */
  onTable: boolean;
}

export interface ColumnRemovalCheck {
  table: string;
  /** Columns the new data no longer has (they would be deleted). */
  columns: string[];
  uses: ColumnUse[];
  pivots: PivotUse[];
  /** False when the workbook had more cells than were read: other formulas may use them too. */
  complete: boolean;
}

/**
 * The answer to a ColumnRemovalCheck: true removes the columns and refreshes, false changes
 * nothing. Absent (the ribbon, refresh on open), `refuseWhenUsed` decides.
 */
export type ConfirmColumnRemoval = (check: ColumnRemovalCheck) => boolean | Promise<boolean>;

/**
 * Reads what uses `columns` of `table`: 2 syncs plus 1 per 100,000 cells for the formulas, 1–3 for the PivotTables.
 * `userColumns` are the table's own calculated columns (zero-based positions in the table): the
 * formulas of the table's other cells are PivotDeck's data, not the user's.
 *
 * @example
 *   const { check } = await checkColumnRemoval(host.run, place, ['Units'], [3]);
 *   check.uses.map((u) => u.where) // ['Report!A1']
 */
export async function checkColumnRemoval(
  run: ExcelRun, table: TablePlace, columns: string[], userColumns: readonly number[],
): Promise<{ check: ColumnRemovalCheck; syncs: number }> {
  const read = await readFormulas(run, FORMULA_SCAN_CELLS);
  const area = { row: table.row, column: table.column, rows: table.rows, columns: table.columns };
  const own = new Set(userColumns.map((i) => table.column + i));
  // Cells of the table itself count only in the user's own (calculated) columns.
  const cells = read.cells.filter((c) => c.sheet !== table.sheet || !inArea(c, area) || own.has(columnOf(c.address)));
  const uses = formulasUsingColumns(cells, table, columns);
  const pivots = await pivotsUsing(run, table.name, columns);
  return { check: { table: table.name, columns, uses, pivots: pivots.found, complete: read.complete }, syncs: read.syncs + pivots.syncs };
}

/** Can this Excel say what a PivotTable is built on? Outside Office (tests, the workbench) the simulator answers for ExcelApi 1.15. */
function pivotSourcesReadable(): boolean {
  type Requirements = { isSetSupported(set: string, version: string): boolean };
  const office = (globalThis as { Office?: { context?: { requirements?: Requirements } } }).Office;
  const requirements = office?.context?.requirements;
  return !requirements || requirements.isSetSupported('ExcelApi', '1.15');
}

/**
 * The PivotTables that use `columns` of `table`: 1 sync for the list, 1 for what each is built on
 * (ExcelApi 1.15), 1 for the fields of those on the table. Only PivotTables on the table are
 * asked for their fields (a Data Model PivotTable may refuse); if Excel still refuses, each
 * PivotTable on the table is named as using every column, to be safe.
 */
async function pivotsUsing(run: ExcelRun, table: string, columns: readonly string[]): Promise<{ found: PivotUse[]; syncs: number }> {
  let readable = pivotSourcesReadable();
  return run(async (ctx) => {
    const all = ctx.workbook.pivotTables.load('items/name, items/worksheet/name');
    await ctx.sync();
    let syncs = 1;
    if (all.items.length === 0) return { found: [], syncs };
    let candidates = all.items;
    if (readable) {
      try {
        const sources = all.items.map((p) => ({ p, type: p.getDataSourceType(), text: p.getDataSourceString() }));
        syncs++;
        await ctx.sync();
        candidates = sources.filter((x) => x.type.value === 'LocalTable' && x.text.value.toLowerCase() === table.toLowerCase()).map((x) => x.p);
        if (candidates.length === 0) return { found: [], syncs };
      } catch (error) {
        // A host below ExcelApi 1.15 that said otherwise (or the simulator set to one).
        if (excelErrorCode(error) !== 'ApiNotFound') throw error;
        readable = false;
      }
    }
    const looks = candidates.map((p) => ({
      name: p.name,
      sheet: p.worksheet.name,
      axes: [p.rowHierarchies, p.columnHierarchies, p.filterHierarchies].map((h) => h.load('items/name')),
      data: p.dataHierarchies.load('items/name, items/field/name'),
    }));
    syncs++;
    try {
      await ctx.sync();
    } catch {
      return { found: looks.map((l) => ({ pivot: l.name, sheet: l.sheet, columns: [...columns], onTable: readable })), syncs };
    }
    const wanted = new Map(columns.map((c) => [c.toLowerCase(), c]));
    const found: PivotUse[] = [];
    for (const look of looks) {
      const fields = [...look.axes.flatMap((h) => h.items.map((i) => i.name)), ...look.data.items.map((d) => d.field.name)];
      const hits = [...new Set(fields.map((f) => wanted.get(f.toLowerCase())).filter((c): c is string => c !== undefined))];
      if (hits.length) found.push({ pivot: look.name, sheet: look.sheet, columns: hits, onTable: readable });
    }
    return { found, syncs };
  });
}

/** True when the check found anything the removal would break, or could not read everything. */
export function removalBreaksSomething(check: ColumnRemovalCheck): boolean {
  return check.uses.length > 0 || check.pivots.length > 0 || !check.complete;
}

/** `"Units"`, `"Units" and "Cost"`, `"A", "B" and "C"`. */
export function quotedList(names: readonly string[]): string {
  const q = names.map((n) => `"${n}"`);
  return q.length <= 1 ? (q[0] ?? '') : `${q.slice(0, -1).join(', ')} and ${q[q.length - 1]}`;
}

/**
 * What the removal would break, in one sentence part: "2 formulas (Report!A1, Report!A2) and the
 * PivotTable ByRegion on Report". Empty when nothing was found.
 *
 * @example whatBreaks({ ...check, uses: [use], pivots: [] }) // '1 formula (Report!A1)'
 */
export function whatBreaks(check: ColumnRemovalCheck): string {
  const parts: string[] = [];
  const n = check.uses.length;
  if (n) parts.push(`${n} formula${n === 1 ? '' : 's'} (${check.uses.slice(0, 3).map((u) => u.where).join(', ')}${n > 3 ? ', …' : ''})`);
  const p = check.pivots.length;
  if (p) parts.push(`${p === 1 ? 'the PivotTable' : 'the PivotTables'} ${check.pivots.slice(0, 3).map((x) => `${x.pivot} on ${x.sheet}`).join(', ')}${p > 3 ? ', …' : ''}`);
  return parts.join(' and ');
}

/**
 * The refusal the ribbon's Refresh all and refresh on open give when nobody can be asked: the
 * object is not refreshed, and the words say to refresh it from the pane.
 *
 * @example columnsInUseMessage(check, 'Refresh the query from the PivotDeck pane') // 'Not refreshed, so nothing breaks: …'
 */
export function columnsInUseMessage(check: ColumnRemovalCheck, fromThePane: string): string {
  const what = whatBreaks(check);
  const one = check.columns.length === 1;
  const found = what
    ? `, and ${what} use${check.uses.length + check.pivots.length === 1 ? 's' : ''} ${one ? 'it' : 'them'}`
    : ', and the workbook is too large for PivotDeck to check every formula that might use it';
  return `Not refreshed, so nothing breaks: the new data no longer has the column${one ? '' : 's'} ${quotedList(check.columns)} of the table "${check.table}"${found}. ${fromThePane} to see what would break and choose whether to remove ${one ? 'the column' : 'them'}. The table is unchanged.`;
}

/** The landing error for a refusal without asking (LandingError kind 'columnsInUse'). */
export function columnsInUse(check: ColumnRemovalCheck): LandingError {
  return new LandingError('columnsInUse', columnsInUseMessage(check, 'Refresh it from the PivotDeck pane (Data from the web → Refresh)'));
}

/** The words after the user said no: nothing changed, and what would have broken. */
export function declinedMessage(check: ColumnRemovalCheck): string {
  const what = whatBreaks(check);
  const one = check.columns.length === 1;
  return `Nothing was changed. The new data no longer has ${quotedList(check.columns)}; refreshing would remove ${one ? 'that column' : 'those columns'} from the table "${check.table}"${what ? ` and break ${what}` : ''}.`;
}
