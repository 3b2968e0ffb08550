/**
 * The simulated workbook's mutable state: sheets, tables, names, settings, PivotTables,
 * selection. Proxy objects (src/simulator/proxy) read and change it only inside `sync()`.
 * Converts from and to the plain `WorkbookModel` ("open" and "save").
 */
import type { CellValue } from '../../excel/api';
import { type Area, formatAbsolute, intersects, MAX_COLUMNS, MAX_ROWS, parseArea, splitSheet } from '../../engine/address/a1';
import { fail } from '../errors';
import type { CellModel, NameModel, PivotModel, SheetModel, TableModel, WorkbookModel } from '../model';
import type { ReferenceChange } from '../calc/adjust-references';
import { evaluateFormula } from '../calc/evaluate';
import { renameSheetInRefs } from './chart';
import * as references from './references';
import * as structure from './table-structure';
import { coerceInput } from './coerce';
import type { ChangeRecord, ChangeTrigger } from './events';
import { PivotState } from './pivot';
import { type CellStyle, SheetState } from './sheet';

export interface TableState {
  id: string;
  name: string;
  sheet: SheetState;
  area: Area;
  showHeaders: boolean;
  showTotals: boolean;
  style: string;
}

export interface NameState {
  name: string;
  /** "=Sheet1!$A$1:$B$3" or a constant such as "=42" / '="text"'. */
  reference: string;
  comment: string;
  /** Sheet name for worksheet-scoped names. */
  scope?: string;
}

/** A cell block of a sheet: what a Range proxy resolves to. */
export interface RangeRef {
  sheet: SheetState;
  area: Area;
}

export class WorkbookState {
  name: string;
  readonly sheets: SheetState[] = [];
  readonly tables: TableState[] = [];
  readonly names: NameState[] = [];
  readonly settings = new Map<string, unknown>();
  readonly pivots: PivotState[] = [];
  activeSheet!: SheetState;
  selection!: RangeRef;
  /**
   * The active cell inside the selection (Excel's white cell: where typing goes, what the name
   * box shows); undefined = the selection's top-left cell.
   */
  private activeAt?: { row: number; column: number };
  ignored?: string[];
  /** Bumped by every mutation; `subscribe` listeners fire when a sync changed it. */
  version = 0;
  private nextTableId = 1;
  private nextPivotId = 1;
  private nextObjectId = 1;
  /**
   * Cell changes not yet delivered to onChanged handlers. Excel raises onChanged for API writes
   * as well as user edits (source 'Local' for both); `trigger` tells them apart.
   */
  changeLog: ChangeRecord[] = [];
  /** Who is writing now: the add-in through the API (default) or the user in the grid. */
  changeTrigger: ChangeTrigger = 'ThisLocalAddin';
  /** onChanged handlers per worksheet id (registered at sync, never saved). */
  readonly changeHandlers = new Map<string, Set<(args: unknown) => Promise<unknown>>>();
  /** Worksheet ids activated and not yet delivered to onActivated handlers. */
  activationLog: string[] = [];
  /** worksheets.onActivated handlers (registered at sync, never saved). */
  readonly activationHandlers = new Set<(args: unknown) => Promise<unknown>>();

  constructor(name = 'Book1') {
    this.name = name;
  }

  changed(): void {
    this.version++;
  }

  /** The version the formula results were last calculated at. */
  private calculatedAt = -1;

  /**
   * Recalculates every formula when something changed since the last calculation (Excel's
   * automatic calculation: a load after a write in the same batch sees the new results).
   * Formulas are calculated in passes until no result changes, so chains settle in any order.
   */
  ensureCalculated(): void {
    if (this.calculatedAt === this.version) return;
    this.calculatedAt = this.version;
    const cells: Array<{ sheet: SheetState; row: number; column: number; formula: string }> = [];
    for (const sheet of this.sheets) {
      for (const r of sheet.fxRows) {
        const fx = sheet.rows.get(r)?.fx;
        if (!fx) { sheet.fxRows.delete(r); continue; }
        for (let c = 0; c < fx.length; c++) if (fx[c] !== undefined) cells.push({ sheet, row: r, column: c, formula: fx[c]! });
      }
    }
    if (cells.length === 0) return;
    const host = references.calcHost(this);
    for (let pass = 0; pass < 20; pass++) {
      let moved = false;
      for (const cell of cells) {
        const v = evaluateFormula(cell.formula, cell.sheet.name, cell.row, cell.column, host);
        if (v === undefined || v === cell.sheet.value(cell.row, cell.column)) continue;
        cell.sheet.setValue(cell.row, cell.column, v);
        cell.sheet.touch();
        moved = true;
      }
      if (!moved) break;
    }
  }


  /**
   * Rewrites every stored reference (cell formulas, defined names, chart series, pivot sources)
   * for a structural change, as Excel does; see calc/adjust-references.ts.
   */
  adjustReferences(change: ReferenceChange): void {
    references.adjustReferences(this, change);
  }

  /** A workbook-unique id for a chart or conditional format, e.g. "{CHART-3}". */
  newId(kind: string): string {
    return `{${kind}-${this.nextObjectId++}}`;
  }

  /** Records a cell change for onChanged (single cells keep before/after values). */
  recordChange(ref: RangeRef, before?: CellValue): void {
    const single = ref.area.rows === 1 && ref.area.columns === 1;
    this.changeLog.push({
      sheet: ref.sheet,
      area: { ...ref.area },
      trigger: this.changeTrigger,
      ...(single ? { before: before ?? '', after: ref.sheet.value(ref.area.row, ref.area.column) } : {}),
    });
  }

  // ---- sheets ----

  findSheet(nameOrId: string): SheetState | undefined {
    const lower = nameOrId.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower || s.id === nameOrId);
  }

  sheet(nameOrId: string, location = 'WorksheetCollection.getItem'): SheetState {
    return this.findSheet(nameOrId) ?? fail('ItemNotFound', location);
  }

  addSheet(name?: string): SheetState {
    let sheetName = name;
    if (sheetName === undefined || sheetName === '') {
      let n = this.sheets.length + 1;
      while (this.findSheet(`Sheet${n}`)) n++;
      sheetName = `Sheet${n}`;
    }
    if (!isValidSheetName(sheetName)) fail('InvalidArgument', 'WorksheetCollection.add');
    if (this.findSheet(sheetName)) fail('ItemAlreadyExists', 'WorksheetCollection.add');
    const sheet = new SheetState(sheetName);
    this.sheets.push(sheet);
    this.changed();
    return sheet;
  }

  renameSheet(sheet: SheetState, name: string): void {
    if (!isValidSheetName(name)) fail('InvalidArgument', 'Worksheet.name');
    const other = this.findSheet(name);
    if (other && other !== sheet) fail('ItemAlreadyExists', 'Worksheet.name');
    const old = sheet.name;
    sheet.name = name;
    for (const s of this.sheets) renameSheetInRefs(s.charts, old, name);
    // Excel rewrites defined names that point at the renamed sheet (and moves sheet-scoped ones).
    const quoted = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
    for (const n of this.names) {
      const m = /^=('(?:[^']|'')+'|[^'!]+)!(.*)$/.exec(n.reference);
      const target = m && (m[1].startsWith("'") ? m[1].slice(1, -1).replace(/''/g, "'") : m[1]);
      if (m && target?.toLowerCase() === old.toLowerCase()) n.reference = `=${quoted}!${m[2]}`;
      if (n.scope === old) n.scope = name;
    }
    for (const p of this.pivots) {
      if (p.model.sheet === old) p.model.sheet = name;
      if (p.model.source.kind === 'range' && p.model.source.sheet === old) p.model.source.sheet = name;
    }
    this.changed();
  }

  moveSheet(sheet: SheetState, position: number): void {
    if (!Number.isInteger(position) || position < 0 || position >= this.sheets.length) fail('InvalidArgument', 'Worksheet.position');
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    this.sheets.splice(position, 0, sheet);
    this.changed();
  }

  deleteSheet(sheet: SheetState): void {
    if (this.sheets.filter((s) => s.visible).length <= 1 && sheet.visible) {
      fail('InvalidOperation', 'Worksheet.delete', 'A workbook must contain at least one visible worksheet.');
    }
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    for (let i = this.tables.length - 1; i >= 0; i--) {
      const t = this.tables[i];
      if (t.sheet !== sheet) continue;
      this.tables.splice(i, 1);
      this.adjustReferences({ kind: 'deleteTable', table: t.name });
    }
    for (let i = this.pivots.length - 1; i >= 0; i--) if (this.pivots[i].model.sheet === sheet.name) this.pivots.splice(i, 1);
    this.adjustReferences({ kind: 'deleteSheet', sheet: sheet.name });
    if (this.activeSheet === sheet) this.activate(this.sheets.find((s) => s.visible) ?? this.sheets[0]);
    this.changed();
  }

  activate(sheet: SheetState): void {
    if (this.activeSheet === sheet) return;
    this.activeSheet = sheet;
    // Excel raises worksheets.onActivated for the newly active sheet (after the operation, as a host message).
    this.activationLog.push(sheet.id);
    this.select({ sheet, area: { row: 0, column: 0, rows: 1, columns: 1 } });
    this.changed();
  }

  /** Selects `ref`; `active` (a cell inside it) stays the active cell, else its top-left does. */
  select(ref: RangeRef, active?: { row: number; column: number }): void {
    this.selection = ref;
    const a = ref.area;
    const inside = active !== undefined && active.row >= a.row && active.row < a.row + a.rows
      && active.column >= a.column && active.column < a.column + a.columns;
    this.activeAt = inside ? { row: active.row, column: active.column } : undefined;
  }

  /** The active cell as a one-cell range on the selection's sheet. */
  activeCell(): RangeRef {
    const { sheet, area } = this.selection;
    const at = this.activeAt ?? { row: area.row, column: area.column };
    return { sheet, area: { row: at.row, column: at.column, rows: 1, columns: 1 } };
  }

  // ---- addresses ----

  /**
   * Resolves an address typed by code: "A1:B2" on `defaultSheet`, "'My Sheet'!A1", or a defined
   * name. Throws InvalidArgument for anything else.
   */
  resolveAddress(address: string, defaultSheet: SheetState | undefined, location: string): RangeRef {
    const { sheet: sheetName, local } = splitSheet(address.trim());
    const sheet = sheetName !== undefined ? this.findSheet(sheetName) : defaultSheet;
    let area: Area | undefined;
    try {
      area = parseArea(local);
    } catch {
      area = undefined;
    }
    if (area && sheet) return { sheet, area };
    if (sheetName === undefined) {
      const named = this.findName(local, defaultSheet?.name);
      if (named) {
        const ref = this.nameRange(named);
        if (ref) return ref;
      }
      const table = this.findTable(local);
      if (table) return { sheet: table.sheet, area: table.area };
    }
    if (sheetName !== undefined && !sheet) return fail('ItemNotFound', location);
    return fail('InvalidArgument', location);
  }

  // ---- cells ----

  /**
   * Writes a block of user input (values or formulas) with Excel's parsing. `data` has already
   * been shape-checked (or is a single value broadcast to the area).
   */
  writeInput(ref: RangeRef, data: unknown[][], broadcast: boolean, location: string): void {
    this.assertNotPivot(ref);
    const { sheet, area } = ref;
    const before = area.rows === 1 && area.columns === 1 ? sheet.value(area.row, area.column) : undefined;
    let everyCellFilled = true;
    for (let i = 0; i < area.rows; i++) {
      const line = broadcast ? data[0] : data[i];
      const row = sheet.rowFor(area.row + i);
      for (let j = 0; j < area.columns; j++) {
        const c = area.column + j;
        const parsed = coerceInput(broadcast ? line[0] : line[j], row.nf?.[c] ?? 'General', location);
        if (parsed === null) {
          everyCellFilled = false;
          continue;
        }
        if (parsed.value === '' && parsed.formula === undefined) everyCellFilled = false;
        row.v[c] = parsed.value;
        if (parsed.formula !== undefined || row.fx) (row.fx ??= [])[c] = parsed.formula;
        if (parsed.formula !== undefined) sheet.fxRows.add(area.row + i);
      }
    }
    if (everyCellFilled) sheet.grewBy(area);
    else sheet.touch();
    this.recordChange(ref, before);
    this.changed();
  }

  writeFormats(ref: RangeRef, data: unknown[][], broadcast: boolean, location: string): void {
    const { sheet, area } = ref;
    for (let i = 0; i < area.rows; i++) {
      const line = broadcast ? data[0] : data[i];
      for (let j = 0; j < area.columns; j++) {
        const f = broadcast ? line[0] : line[j];
        if (f === null || f === undefined) continue;
        if (typeof f !== 'string') fail('InvalidArgument', location);
        sheet.setFormat(area.row + i, area.column + j, f);
      }
    }
    sheet.touch();
    this.changed();
  }

  /** Applies a style patch to every cell; on huge areas only to rows that exist already. */
  writeStyle(ref: RangeRef, patch: CellStyle): void {
    const { sheet, area } = ref;
    const rows = area.rows * area.columns > 1_000_000 ? sheet.existingRows(area) : range(area.row, area.rows);
    const columns = Math.min(area.columns, MAX_COLUMNS);
    for (const r of rows) for (let c = area.column; c < area.column + columns; c++) sheet.setStyle(r, c, patch);
    sheet.touch();
    this.changed();
  }

  /** Excel refuses to change cells inside a PivotTable's body through values/formulas. */
  private assertNotPivot(ref: RangeRef): void {
    for (const p of this.pivots) {
      if (p.model.sheet !== ref.sheet.name) continue;
      for (const a of p.occupiedAreas()) {
        if (intersects(a, ref.area)) {
          fail('PivotTableRangeConflict', 'Range.values', "The attempted operation causes a conflict with a PivotTable range.");
        }
      }
    }
  }

  // ---- tables ----

  findTable(nameOrId: string): TableState | undefined {
    const lower = nameOrId.toLowerCase();
    return this.tables.find((t) => t.name.toLowerCase() === lower || t.id === nameOrId);
  }

  table(nameOrId: string, location = 'TableCollection.getItem'): TableState {
    return this.findTable(nameOrId) ?? fail('ItemNotFound', location);
  }

  addTable(ref: RangeRef, hasHeaders: boolean): TableState {
    const { sheet } = ref;
    let area = { ...ref.area };
    if (area.rows >= MAX_ROWS || area.columns >= MAX_COLUMNS) fail('InvalidArgument', 'TableCollection.add');
    for (const t of this.tables) if (t.sheet === sheet && intersects(t.area, area)) fail('MergedRangeConflict', 'TableCollection.add');
    for (const p of this.pivots) {
      if (p.model.sheet === sheet.name && p.occupiedAreas().some((a) => intersects(a, area))) {
        fail('MergedRangeConflict', 'TableCollection.add');
      }
    }
    if (!hasHeaders) {
      // Excel inserts a header row: the block's cells move down one row.
      for (let r = area.row + area.rows - 1; r >= area.row; r--) {
        for (let c = area.column; c < area.column + area.columns; c++) {
          sheet.setCell(r + 1, c, sheet.value(r, c), sheet.numberFormat(r, c), sheet.formula(r, c));
        }
      }
      area = { ...area, rows: area.rows + 1 };
      for (let c = 0; c < area.columns; c++) sheet.setCell(area.row, area.column + c, `Column${c + 1}`, 'General', undefined);
    } else {
      if (area.rows === 1) area = { ...area, rows: 2 };
      const seen = new Set<string>();
      for (let c = 0; c < area.columns; c++) {
        const raw = sheet.value(area.row, area.column + c);
        let name = raw === '' ? `Column${c + 1}` : String(raw);
        const base = name;
        let n = 2;
        while (seen.has(name.toLowerCase())) name = `${base}${n++}`;
        seen.add(name.toLowerCase());
        if (name !== raw) sheet.setCell(area.row, area.column + c, name);
      }
    }
    let n = this.nextTableId;
    while (this.isNameTaken(`Table${n}`)) n++;
    const table: TableState = {
      id: String(this.nextTableId++),
      name: `Table${n}`,
      sheet,
      area,
      showHeaders: true,
      showTotals: false,
      style: 'TableStyleMedium2',
    };
    this.tables.push(table);
    sheet.touch();
    this.changed();
    return table;
  }

  renameTable(table: TableState, name: string): void {
    if (!/^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name)) fail('InvalidArgument', 'Table.name');
    if (table.name.toLowerCase() !== name.toLowerCase() && this.isNameTaken(name)) fail('InvalidArgument', 'Table.name', 'A table or defined name with this name already exists.');
    for (const p of this.pivots) if (p.model.source.kind === 'table' && p.model.source.table === table.name) p.model.source.table = name;
    const from = table.name;
    table.name = name;
    if (from !== name) this.adjustReferences({ kind: 'renameTable', from, to: name });
    this.changed();
  }

  /**
   * Table.delete: the table and its cells go, and every structured reference to it becomes #REF!
   * for good (Excel rewrites the formulas; a new table with the same name does not heal them).
   */
  deleteTable(table: TableState): void {
    this.tables.splice(this.tables.indexOf(table), 1);
    table.sheet.clear(table.area, 'All');
    this.adjustReferences({ kind: 'deleteTable', table: table.name });
    this.changed();
  }

  /**
   * Table.resize (ExcelApi 1.13), with Excel's documented rules: the new range must keep the
   * header row in the same row and overlap the old range, must not overlap another table, a
   * PivotTable or merged cells, and keeps at least one body row. Structured references follow
   * (they name the table), A1 references do not move (no cells move). A calculated column (every
   * body cell holds the same formula) is filled into rows the table gains, as Excel fills it.
   * https://learn.microsoft.com/javascript/api/excel/excel.table#excel-excel-table-resize-member(1)
   */
  resizeTable(table: TableState, ref: RangeRef, location = 'Table.resize'): void {
    structure.resizeTable(this, table, ref, location);
  }

  /**
   * TableColumnCollection.add: a column at `index` (undefined = right end); cells to its right in
   * the table's rows move right (Excel inserts table columns). The header gets `name` or
   * "ColumnN", made unique in the table as Excel does.
   */
  addTableColumn(table: TableState, index: number | undefined, name: string | undefined, values: unknown[][] | undefined, location: string): number {
    return structure.addTableColumn(this, table, index, name, values, location);
  }

  /** TableColumn.delete: the column's cells go (cells to its right in the table's rows move left). */
  deleteTableColumn(table: TableState, index: number, location: string): void {
    structure.deleteTableColumn(this, table, index, location);
  }


  /** Columns whose body cells all hold the same formula (Excel's calculated columns). */
  calculatedColumns(table: TableState): Array<{ column: number; formula: string }> {
    return structure.calculatedColumns(this, table);
  }

  /**
   * Range.insert / Range.delete: cells move down/right (insert) or up/left (delete); references
   * follow as Excel rewrites them, tables crossed by the band grow or shrink with it, and an
   * inserted row inside a table continues its calculated columns.
   */
  shiftCells(ref: RangeRef, mode: 'insertDown' | 'insertRight' | 'deleteUp' | 'deleteLeft', location: string): void {
    structure.shiftCells(this, ref, mode, location);
  }

  /** Header row, data body and totals row areas of a table. */
  tableParts(t: TableState): { header: Area; body: Area; totals?: Area } {
    const { row, column, rows, columns } = t.area;
    const header = { row, column, rows: 1, columns };
    const bodyRows = rows - 1 - (t.showTotals ? 1 : 0);
    const body = { row: row + 1, column, rows: Math.max(1, bodyRows), columns };
    const totals = t.showTotals ? { row: row + rows - 1, column, rows: 1, columns } : undefined;
    return { header, body, totals };
  }

  setShowTotals(t: TableState, show: boolean): void {
    if (show === t.showTotals) return;
    const { column, columns } = t.area;
    if (show) {
      const r = t.area.row + t.area.rows;
      t.sheet.setCell(r, column, 'Total');
      t.area = { ...t.area, rows: t.area.rows + 1 };
    } else {
      const r = t.area.row + t.area.rows - 1;
      t.sheet.clear({ row: r, column, rows: 1, columns }, 'All');
      t.area = { ...t.area, rows: t.area.rows - 1 };
    }
    t.showTotals = show;
    this.changed();
  }

  tableColumnNames(t: TableState): string[] {
    return this.tableParts(t).header && t.sheet.readValues(this.tableParts(t).header)[0].map((v) => String(v));
  }

  // ---- names ----

  isNameTaken(name: string): boolean {
    const lower = name.toLowerCase();
    return this.tables.some((t) => t.name.toLowerCase() === lower) || this.names.some((n) => n.name.toLowerCase() === lower && !n.scope);
  }

  findName(name: string, scope?: string): NameState | undefined {
    const lower = name.toLowerCase();
    return (
      (scope ? this.names.find((n) => n.name.toLowerCase() === lower && n.scope === scope) : undefined) ??
      this.names.find((n) => n.name.toLowerCase() === lower && !n.scope)
    );
  }

  addName(name: string, reference: string, comment: string, scope?: string): NameState {
    if (!/^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name) || /^[rc]$/i.test(name)) {
      fail('InvalidArgument', 'NamedItemCollection.add');
    }
    const clash = scope ? this.names.some((n) => n.scope === scope && n.name.toLowerCase() === name.toLowerCase()) : this.isNameTaken(name);
    if (clash) fail('ItemAlreadyExists', 'NamedItemCollection.add');
    const item: NameState = { name, reference: reference.startsWith('=') ? reference : `=${reference}`, comment, scope };
    this.names.push(item);
    this.changed();
    return item;
  }

  /** The range a name refers to, or undefined for constants and broken references. */
  nameRange(n: NameState): RangeRef | undefined {
    const text = n.reference.slice(1);
    const structured = /^([A-Za-z_\\][A-Za-z0-9_.\\]*)\[#All\]$/i.exec(text);
    if (structured) {
      const t = this.findTable(structured[1]!);
      return t && t.name.toLowerCase() === structured[1]!.toLowerCase() ? { sheet: t.sheet, area: t.area } : undefined;
    }
    const { sheet, local } = splitSheet(text);
    if (sheet === undefined) return undefined;
    const s = this.findSheet(sheet);
    if (!s) return undefined;
    try {
      return { sheet: s, area: parseArea(local) };
    } catch {
      return undefined;
    }
  }

  // ---- pivots ----

  /** With `sheet`, only that sheet's pivots count (names are unique per sheet, as in Excel). */
  findPivot(nameOrId: string, sheet?: string): PivotState | undefined {
    const lower = nameOrId.toLowerCase();
    return this.pivots.find((p) => (p.model.name.toLowerCase() === lower || p.id === nameOrId)
      && (sheet === undefined || p.model.sheet.toLowerCase() === sheet.toLowerCase()));
  }

  addPivot(model: PivotModel): PivotState {
    // Excel's rule: PivotTable names are unique per worksheet, not per workbook.
    if (this.findPivot(model.name, model.sheet)) fail('ItemAlreadyExists', 'PivotTableCollection.add');
    const pivot = new PivotState(this, `{PIVOT-${this.nextPivotId++}}`, model);
    this.pivots.push(pivot);
    this.changed();
    return pivot;
  }

  deletePivot(pivot: PivotState): void {
    pivot.clearCells();
    this.pivots.splice(this.pivots.indexOf(pivot), 1);
    this.changed();
  }

  /** Re-renders pivots whose structure changed in this batch (one render per pivot per batch). */
  flushPivots(): void {
    for (const p of this.pivots) if (p.dirty) p.render();
  }

  // ---- model conversion ----

  static fromModel(model: WorkbookModel): WorkbookState {
    const wb = new WorkbookState(model.name ?? 'Book1');
    for (const s of model.sheets) wb.sheets.push(sheetFromModel(s));
    // New charts and formats must not reuse the ids of saved ones.
    for (const s of wb.sheets) {
      for (const o of [...s.charts, ...s.conditionalFormats]) {
        const n = Number(/(\d+)\}$/.exec(o.id)?.[1] ?? 0);
        if (n >= wb.nextObjectId) wb.nextObjectId = n + 1;
      }
    }
    if (wb.sheets.length === 0) wb.sheets.push(new SheetState('Sheet1'));
    const active = wb.sheets[model.activeSheet ?? 0] ?? wb.sheets[0];
    wb.activeSheet = active;
    wb.select({ sheet: active, area: { row: 0, column: 0, rows: 1, columns: 1 } });
    for (const t of model.tables) {
      const sheet = wb.sheet(t.sheet);
      wb.tables.push({
        id: String(wb.nextTableId++),
        name: t.name,
        sheet,
        area: parseArea(t.address),
        showHeaders: t.showHeaders,
        showTotals: t.showTotals,
        style: t.style ?? 'TableStyleMedium2',
      });
    }
    for (const n of model.names) {
      wb.names.push({ name: n.name, reference: n.reference.startsWith('=') ? n.reference : `=${n.reference}`, comment: '', scope: n.scope });
    }
    for (const [k, v] of Object.entries(model.settings ?? {})) wb.settings.set(k, v);
    for (const p of model.pivots) {
      const pivot = new PivotState(wb, `{PIVOT-${wb.nextPivotId++}}`, structuredClone(p));
      wb.pivots.push(pivot);
    }
    // Pivots show what the file stored; pivots without stored cells are drawn from their source.
    for (const p of wb.pivots) p.open();
    wb.ignored = model.ignored;
    return wb;
  }

  toModel(): WorkbookModel {
    const sheets: SheetModel[] = this.sheets.map(sheetToModel);
    const tables: TableModel[] = this.tables.map((t) => ({
      name: t.name,
      sheet: t.sheet.name,
      address: formatAbsolute(t.sheet.name, t.area).split('!')[1].replace(/\$/g, ''),
      showHeaders: t.showHeaders,
      showTotals: t.showTotals,
      style: t.style,
    }));
    const names: NameModel[] = this.names.map((n) => ({ name: n.name, reference: n.reference, ...(n.scope ? { scope: n.scope } : {}) }));
    const settings: Record<string, unknown> = {};
    for (const [k, v] of this.settings) settings[k] = structuredClone(v);
    return {
      name: this.name,
      sheets,
      tables,
      pivots: this.pivots.map((p) => p.toModel()),
      names,
      settings,
      activeSheet: this.sheets.indexOf(this.activeSheet),
      ...(this.ignored ? { ignored: [...this.ignored] } : {}),
    };
  }
}

function sheetFromModel(s: SheetModel): SheetState {
  const sheet = new SheetState(s.name, { visible: s.visible ?? true, merges: s.merges ? [...s.merges] : [] });
  for (const key in s.cells) {
    const comma = key.indexOf(',');
    const r = Number(key.slice(0, comma));
    const c = Number(key.slice(comma + 1));
    const cell: CellModel = s.cells[key];
    sheet.setValue(r, c, cell.value);
    if (cell.numberFormat !== undefined) sheet.setFormat(r, c, cell.numberFormat);
    if (cell.formula !== undefined) sheet.setFormula(r, c, cell.formula);
    if (cell.style) sheet.setStyle(r, c, cell.style);
  }
  if (s.columnWidths) for (const [c, w] of Object.entries(s.columnWidths)) sheet.columnWidths.set(Number(c), w);
  if (s.rowHeights) for (const [r, h] of Object.entries(s.rowHeights)) sheet.rowHeights.set(Number(r), h);
  sheet.charts = structuredClone(s.charts ?? []);
  sheet.conditionalFormats = structuredClone(s.conditionalFormats ?? []);
  sheet.dataValidations = structuredClone(s.dataValidations ?? []);
  sheet.showGridlines = s.showGridlines ?? true;
  sheet.tabColor = s.tabColor ?? '';
  sheet.freeze = { ...(s.freeze ?? { rows: 0, columns: 0 }) };
  sheet.touch();
  return sheet;
}

function sheetToModel(sheet: SheetState): SheetModel {
  const cells: Record<string, CellModel> = {};
  const rows = [...sheet.rows.keys()].sort((a, b) => a - b);
  for (const r of rows) {
    const row = sheet.rows.get(r)!;
    const width = Math.max(row.v.length, row.nf?.length ?? 0, row.fx?.length ?? 0, row.st?.length ?? 0);
    for (let c = 0; c < width; c++) {
      const value: CellValue = row.v[c] ?? '';
      const nf = row.nf?.[c];
      const fx = row.fx?.[c];
      const st = row.st?.[c];
      if (value === '' && nf === undefined && fx === undefined && st === undefined) continue;
      const cell: CellModel = { value };
      if (nf !== undefined) cell.numberFormat = nf;
      if (fx !== undefined) cell.formula = fx;
      if (st !== undefined) cell.style = { ...st };
      cells[`${r},${c}`] = cell;
    }
  }
  const model: SheetModel = { name: sheet.name, cells };
  if (sheet.merges.length) model.merges = [...sheet.merges];
  if (!sheet.visible) model.visible = false;
  if (sheet.columnWidths.size) {
    model.columnWidths = {};
    for (const [c, w] of sheet.columnWidths) model.columnWidths[String(c)] = w;
  }
  if (sheet.rowHeights.size) {
    model.rowHeights = {};
    for (const [r, h] of sheet.rowHeights) model.rowHeights[String(r)] = h;
  }
  if (sheet.charts.length) model.charts = structuredClone(sheet.charts);
  if (sheet.conditionalFormats.length) model.conditionalFormats = structuredClone(sheet.conditionalFormats);
  if (sheet.dataValidations.length) model.dataValidations = structuredClone(sheet.dataValidations);
  if (!sheet.showGridlines) model.showGridlines = false;
  if (sheet.tabColor) model.tabColor = sheet.tabColor;
  if (sheet.freeze.rows || sheet.freeze.columns) model.freeze = { ...sheet.freeze };
  return model;
}

/** Overlap of two areas: the engine's A1 module owns it. */
export { intersects };

function range(start: number, count: number): number[] {
  const out = new Array<number>(count);
  for (let i = 0; i < count; i++) out[i] = start + i;
  return out;
}

/** Excel's sheet-name rules: 1-31 chars, none of : \ / ? * [ ], not starting/ending with '. */
export function isValidSheetName(name: string): boolean {
  return name.length >= 1 && name.length <= 31 && !/[:\\/?*[\]]/.test(name) && !name.startsWith("'") && !name.endsWith("'") && name.toLowerCase() !== 'history';
}
