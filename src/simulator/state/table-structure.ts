/**
 * Table structure changes as Excel makes them: Table.resize, table columns added and deleted,
 * cells inserted and deleted (Range.insert / Range.delete), calculated columns filled into new
 * rows, and charts made from a table following it. WorkbookState's methods delegate here.
 */
import { type Area, formatAbsolute, MAX_COLUMNS, MAX_ROWS, parseArea, splitSheet } from '../../engine/address/a1';
import { adjustAddress, type ReferenceChange } from '../calc/adjust-references';
import { fail } from '../errors';
import { coerceInput } from './coerce';
import { intersects, type RangeRef, type TableState, type WorkbookState } from './workbook';

/**
 * Table.resize (ExcelApi 1.13), with Excel's documented rules: the new range must keep the
 * header row in the same row and overlap the old range, must not overlap another table, a
 * PivotTable or merged cells, and keeps at least one body row. Structured references follow
 * (they name the table), A1 references do not move (no cells move). A calculated column (every
 * body cell holds the same formula) is filled into rows the table gains, as Excel fills it.
 * https://learn.microsoft.com/javascript/api/excel/excel.table#excel-excel-table-resize-member(1)
 */
export function resizeTable(wb: WorkbookState, table: TableState, ref: RangeRef, location = 'Table.resize'): void {
  const next = ref.area;
  const old = table.area;
  if (ref.sheet !== table.sheet || next.row !== old.row || !intersects(next, old) || next.rows < 2 || next.rows >= MAX_ROWS) {
    fail('InvalidArgument', location, 'The new table range must keep the header row where it is and overlap the current table.');
  }
  for (const t of wb.tables) if (t !== table && t.sheet === table.sheet && intersects(t.area, next)) fail('InvalidOperation', location, "A table can't overlap another table.");
  for (const p of wb.pivots) {
    if (p.model.sheet === table.sheet.name && p.occupiedAreas().some((a) => intersects(a, next))) fail('InvalidOperation', location, "A table can't overlap a range that contains a PivotTable report.");
  }
  if (table.sheet.merges.some((m) => intersects(parseArea(m), next))) fail('InvalidOperation', location, "A table can't overlap merged cells.");
  const calculated = calculatedColumns(wb, table);
  const header = table.sheet.readValues({ ...next, rows: 1 })[0];
  header.forEach((v, j) => {
    if (v === '') table.sheet.setCell(next.row, next.column + j, `Column${j + 1}`);
  });
  const oldEnd = old.row + old.rows;
  const oldBody = wb.tableParts(table).body;
  table.area = { ...next };
  followTableInCharts(wb, table, oldBody);
  for (const { column, formula } of calculated) {
    if (column >= next.column + next.columns) continue;
    for (let r = oldEnd; r < next.row + next.rows; r++) table.sheet.setCell(r, column, '', undefined, formula);
  }
  table.sheet.touch();
  wb.changed();
}

/**
 * TableColumnCollection.add: a column at `index` (undefined = right end); cells to its right in
 * the table's rows move right (Excel inserts table columns). The header gets `name` or
 * "ColumnN", made unique in the table as Excel does.
 */
export function addTableColumn(wb: WorkbookState, table: TableState, index: number | undefined, name: string | undefined, values: unknown[][] | undefined, location: string): number {
  const at = index ?? table.area.columns;
  if (!Number.isInteger(at) || at < 0 || at > table.area.columns) fail('InvalidArgument', location);
  if (values && (values.length !== table.area.rows || values.some((r) => !Array.isArray(r) || r.length !== 1))) fail('InvalidArgument', location);
  const { sheet, area } = table;
  const column = area.column + at;
  for (const t of wb.tables) if (t !== table && t.sheet === sheet && intersects(t.area, { ...area, column, columns: 1 }) ) fail('InvalidOperation', location);
  sheet.shiftColumns(column, 1, area.row, area.row + area.rows - 1);
  wb.adjustReferences({ kind: 'shift', sheet: sheet.name, axis: 'columns', at: column, count: 1, span: [area.row, area.row + area.rows - 1] });
  table.area = { ...area, columns: area.columns + 1 };
  const taken = new Set(wb.tableColumnNames(table).filter((_, j) => j !== at).map((n) => n.toLowerCase()));
  let header = name ?? (values ? String(values[0]![0]) : '');
  if (header === '') { let n = at + 1; while (taken.has(`column${n}`)) n++; header = `Column${n}`; }
  const base = header;
  for (let n = 2; taken.has(header.toLowerCase()); n++) header = `${base}${n}`;
  sheet.setCell(area.row, column, header);
  if (values) for (let i = 1; i < values.length; i++) {
    const parsed = coerceInput(values[i]![0], sheet.numberFormat(area.row + i, column), location);
    if (parsed) sheet.setCell(area.row + i, column, parsed.value, undefined, parsed.formula);
  }
  sheet.touch();
  wb.changed();
  return at;
}

/** TableColumn.delete: the column's cells go (cells to its right in the table's rows move left). */
export function deleteTableColumn(wb: WorkbookState, table: TableState, index: number, location: string): void {
  if (table.area.columns <= 1) fail('InvalidOperation', location, 'A table must keep at least one column.');
  const { sheet, area } = table;
  const name = wb.tableColumnNames(table)[index]!;
  const column = area.column + index;
  sheet.clear({ row: area.row, column, rows: area.rows, columns: 1 }, 'All');
  sheet.shiftColumns(column, -1, area.row, area.row + area.rows - 1);
  table.area = { ...area, columns: area.columns - 1 };
  wb.adjustReferences({ kind: 'deleteTableColumn', table: table.name, column: name });
  wb.adjustReferences({ kind: 'shift', sheet: sheet.name, axis: 'columns', at: column, count: -1, span: [area.row, area.row + area.rows - 1] });
  sheet.touch();
  wb.changed();
}

/**
 * A chart made from a table grows and shrinks with it: series whose values or categories are
 * exactly a table column's data rows follow the table's new data rows (Excel keeps charts built
 * on tables in step with the table, "Create a chart from start to finish", "use a table").
 */
export function followTableInCharts(wb: WorkbookState, table: TableState, oldBody: Area, shifted?: ReferenceChange): void {
  const body = wb.tableParts(table).body;
  if (shifted) {
    // References were already adjusted by the shift: look for what the old data rows became.
    const now = new Map<string, string>();
    for (let c = table.area.column; c < table.area.column + table.area.columns; c++) {
      const was = formatAbsolute(table.sheet.name, { ...oldBody, column: c, columns: 1 });
      now.set(adjustAddress(was, shifted).toLowerCase(), formatAbsolute(table.sheet.name, { ...body, column: c, columns: 1 }));
    }
    for (const s of wb.sheets) for (const chart of s.charts) for (const series of chart.series) {
      if (series.valuesRef) series.valuesRef = now.get(series.valuesRef.toLowerCase()) ?? series.valuesRef;
      if (series.categoriesRef) series.categoriesRef = now.get(series.categoriesRef.toLowerCase()) ?? series.categoriesRef;
    }
    return;
  }
  const follow = (ref: string | undefined): string | undefined => {
    if (!ref) return ref;
    const { sheet, local } = splitSheet(ref);
    if (sheet === undefined || sheet.toLowerCase() !== table.sheet.name.toLowerCase()) return ref;
    let a: Area;
    try { a = parseArea(local); } catch { return ref; }
    const inside = a.column >= table.area.column && a.column + a.columns <= table.area.column + table.area.columns;
    if (!inside || a.row !== oldBody.row || a.rows !== oldBody.rows) return ref;
    return formatAbsolute(table.sheet.name, { ...a, rows: body.rows });
  };
  for (const s of wb.sheets) {
    for (const chart of s.charts) {
      for (const series of chart.series) {
        series.valuesRef = follow(series.valuesRef);
        series.categoriesRef = follow(series.categoriesRef);
      }
    }
  }
}

/** Columns whose body cells all hold the same formula (Excel's calculated columns). */
export function calculatedColumns(wb: WorkbookState, table: TableState): Array<{ column: number; formula: string }> {
  const { body } = wb.tableParts(table);
  const out: Array<{ column: number; formula: string }> = [];
  for (let c = body.column; c < body.column + body.columns; c++) {
    const first = table.sheet.formula(body.row, c);
    if (first === undefined) continue;
    let all = true;
    for (let r = body.row + 1; r < body.row + body.rows && all; r++) all = table.sheet.formula(r, c) === first;
    if (all) out.push({ column: c, formula: first });
  }
  return out;
}

/**
 * Range.insert / Range.delete: cells move down/right (insert) or up/left (delete); references
 * follow as Excel rewrites them, tables crossed by the band grow or shrink with it, and an
 * inserted row inside a table continues its calculated columns.
 */
export function shiftCells(wb: WorkbookState, ref: RangeRef, mode: 'insertDown' | 'insertRight' | 'deleteUp' | 'deleteLeft', location: string): void {
  const { sheet, area } = ref;
  const rows = mode === 'insertDown' || mode === 'deleteUp';
  const count = rows ? area.rows : area.columns;
  const signed = mode.startsWith('insert') ? count : -count;
  const at = rows ? area.row : area.column;
  const span: [number, number] = rows ? [area.column, area.column + area.columns - 1] : [area.row, area.row + area.rows - 1];
  for (const p of wb.pivots) {
    if (p.model.sheet === sheet.name && p.occupiedAreas().some((a) => (rows ? a.row + a.rows > at : a.column + a.columns > at) && intersects(a, rows ? { row: 0, column: span[0], rows: MAX_ROWS, columns: span[1] - span[0] + 1 } : { row: span[0], column: 0, rows: span[1] - span[0] + 1, columns: MAX_COLUMNS }))) {
      fail('PivotTableRangeConflict', location, 'The attempted operation causes a conflict with a PivotTable range.');
    }
  }
  const calculated = new Map<TableState, Array<{ column: number; formula: string }>>();
  for (const t of wb.tables) if (t.sheet === sheet && signed > 0) calculated.set(t, calculatedColumns(wb, t));
  const bodies = new Map(wb.tables.filter((t) => t.sheet === sheet).map((t) => [t, { ...wb.tableParts(t).body }]));
  if (rows) sheet.shiftRows(at, signed, span[0], span[1]);
  else sheet.shiftColumns(at, signed, span[0], span[1]);
  for (const t of wb.tables) {
    if (t.sheet !== sheet) continue;
    const [o1, o2] = rows ? [t.area.column, t.area.column + t.area.columns - 1] : [t.area.row, t.area.row + t.area.rows - 1];
    if (o1 < span[0] || o2 > span[1]) continue;
    const start = rows ? t.area.row : t.area.column;
    const size = rows ? t.area.rows : t.area.columns;
    let nStart = start, nSize = size;
    if (signed > 0) {
      if (start >= at) nStart += signed;
      else if (start + size > at) nSize += signed;
    } else {
      const end = at - signed;
      const lo = start < at ? start : start >= end ? start + signed : at;
      const hiOld = start + size - 1;
      const hi = hiOld < at ? hiOld : hiOld >= end ? hiOld + signed : at - 1;
      nStart = lo; nSize = hi - lo + 1;
      if (rows && start >= at && start < end) nSize = 0; // the header row was deleted
    }
    if (nSize < (rows ? 2 : 1)) {
      wb.tables.splice(wb.tables.indexOf(t), 1);
      wb.adjustReferences({ kind: 'deleteTable', table: t.name });
      continue;
    }
    t.area = rows ? { ...t.area, row: nStart, rows: nSize } : { ...t.area, column: nStart, columns: nSize };
    const calc = calculated.get(t);
    if (rows && calc && signed > 0 && at > start && at < start + size) {
      for (const { column, formula } of calc) for (let r = at; r < at + signed; r++) sheet.setCell(r, column, '', undefined, formula);
    }
  }
  const change: ReferenceChange = { kind: 'shift', sheet: sheet.name, axis: rows ? 'rows' : 'columns', at, count: signed, span: rows && span[0] === 0 && span[1] >= MAX_COLUMNS - 1 ? [0, MAX_COLUMNS - 1] : span };
  wb.adjustReferences(change);
  // Charts made from a table follow its rows however they change (an insert at a one-row
  // table's only row would otherwise move the series instead of growing it).
  if (rows) for (const [t, oldBody] of bodies) if (wb.tables.includes(t)) followTableInCharts(wb, t, oldBody, change);
  sheet.touch();
  wb.recordChange(ref);
  wb.changed();
}
