/**
 * One PivotTable in the simulated workbook: its PivotModel, the snapshot of source data it was
 * last refreshed from (Excel's pivot cache), and the cells it occupies.
 *
 * Excel fidelity: a pivot does not follow its source data. Structural changes (adding a field,
 * changing summarizeBy, hiding an item) re-lay-out the pivot from the cache; only `refresh()`
 * re-reads the source. A pivot opened with stored cells (`rendered`, from an .xlsx) shows those
 * cells until it is refreshed or changed.
 */
import { type Area, formatAbsolute, parseArea } from '../../engine/address/a1';
import { fail } from '../errors';
import type { PivotModel, PivotRenderModel } from '../model';
import { FieldItems } from '../pivot/items';
import { renderPivot, type PivotSource } from '../pivot/render';
import type { CellStyle, SheetState } from './sheet';

const FILTER_CAPTION: CellStyle = Object.freeze({ bold: true });
import type { RangeRef, WorkbookState } from './workbook';

export class PivotState {
  /** Set by structural edits during a batch; the batch re-renders once before the next read. */
  dirty = false;
  /** Snapshot of the source at the last refresh (Excel's pivot cache). */
  cache?: PivotSource;
  showFieldHeaders = true;

  constructor(
    private readonly wb: WorkbookState,
    readonly id: string,
    public model: PivotModel,
  ) {}

  get name(): string {
    return this.model.name;
  }

  sheet(): SheetState {
    return this.wb.sheet(this.model.sheet, 'PivotTable.worksheet');
  }

  isExternal(): boolean {
    return this.model.source.kind === 'external';
  }

  /** Called once when the workbook opens. */
  open(): void {
    if (!this.isExternal()) {
      try {
        this.cache = this.readSource();
      } catch {
        this.cache = undefined;
      }
    }
    if (this.model.rendered) this.writeCells(this.model.rendered);
    else if (this.cache) this.render();
  }

  markDirty(): void {
    this.dirty = true;
  }

  /** Lays the pivot out again from its cache (no source re-read). */
  render(): void {
    this.dirty = false;
    if (!this.cache) {
      if (this.isExternal()) return;
      this.cache = this.readSource();
    }
    const out = renderPivot(this.model, this.cache);
    this.clearCells();
    this.model.rendered = out;
    this.writeCells(out);
    this.wb.changed();
  }

  /** Re-reads the source, as PivotTable.refresh does. */
  refresh(): void {
    if (this.isExternal()) {
      fail('InvalidOperation', 'PivotTable.refresh', 'The data source of this PivotTable is not available here, so it cannot be refreshed.');
    }
    this.cache = this.readSource();
    this.render();
  }

  /** Body and filter areas currently drawn on the sheet. */
  occupiedAreas(): Area[] {
    const r = this.model.rendered;
    if (!r) return [];
    const out = [parseArea(r.range)];
    if (r.filterRange) out.push(parseArea(r.filterRange));
    return out;
  }

  clearCells(): void {
    const sheet = this.wb.findSheet(this.model.sheet);
    if (!sheet) return;
    for (const a of this.occupiedAreas()) sheet.clear(a, 'All');
  }

  private writeCells(out: PivotRenderModel): void {
    const sheet = this.wb.findSheet(this.model.sheet);
    if (!sheet) return;
    const put = (
      address: string,
      values: PivotRenderModel['values'],
      formats: string[][] | undefined,
      styleAt: (i: number, j: number) => CellStyle | undefined,
    ) => {
      const a = parseArea(address);
      for (let i = 0; i < values.length; i++) {
        for (let j = 0; j < values[i].length; j++) {
          const v = values[i][j];
          const f = formats?.[i]?.[j] ?? 'General';
          const st = styleAt(i, j);
          if (v === '' && f === 'General' && st === undefined) continue;
          sheet.setCell(a.row + i, a.column + j, v, f, undefined);
          if (st !== undefined) sheet.setStyle(a.row + i, a.column + j, st);
        }
      }
    };
    put(out.range, out.values, out.numberFormats, (i, j) => out.styles?.[i]?.[j] ?? undefined);
    // Page fields: each caption ("Region", left of "(All)") is bold in Excel's default pivot style;
    // a page column is caption, item, blank.
    if (out.filterRange && out.filterValues) {
      put(out.filterRange, out.filterValues, undefined, (i, j) => (j % 3 === 0 && out.filterValues?.[i]?.[j] !== '' ? FILTER_CAPTION : undefined));
    }
    sheet.touch();
  }

  /** The pivot's source as the renderer wants it: header, rows, per-column number formats. */
  readSource(): PivotSource {
    this.wb.ensureCalculated();
    const ref = this.sourceRef();
    const { sheet, area } = ref;
    const header = sheet.readValues({ ...area, rows: 1 })[0].map((v) => String(v));
    const bodyArea = { ...area, row: area.row + 1, rows: area.rows - 1 };
    const rows = bodyArea.rows > 0 ? sheet.readValues(bodyArea) : [];
    const numberFormats = bodyArea.rows > 0 ? sheet.readFormats({ ...bodyArea, rows: 1 })[0] : header.map(() => 'General');
    return { header, rows, numberFormats };
  }

  /** Header + data rows of the source (a table's totals row is not data). */
  sourceRef(): RangeRef {
    const s = this.model.source;
    if (s.kind === 'table') {
      const t = this.wb.findTable(s.table) ?? fail('InvalidReference', 'PivotTable.refresh');
      const parts = this.wb.tableParts(t);
      return { sheet: t.sheet, area: { ...parts.header, rows: parts.body.rows + 1 } };
    }
    if (s.kind === 'range') {
      const sheet = this.wb.findSheet(s.sheet) ?? fail('InvalidReference', 'PivotTable.refresh');
      return { sheet, area: parseArea(s.address) };
    }
    if (s.kind === 'invalid') return fail('InvalidReference', 'PivotTable.refresh', "Reference isn't valid.");
    return fail('InvalidOperation', 'PivotTable.refresh');
  }

  /** `getDataSourceString`: "Sales" for a table, "Data!$A$1:$D$13" for a range. */
  dataSourceString(): string {
    const s = this.model.source;
    if (s.kind === 'table') return s.table;
    if (s.kind === 'range') return formatAbsolute(s.sheet, parseArea(s.address));
    if (s.kind === 'invalid') return '#REF!';
    return s.description;
  }

  dataSourceType(): 'LocalTable' | 'LocalRange' | 'Unknown' {
    const kind = this.model.source.kind;
    return kind === 'table' ? 'LocalTable' : kind === 'range' ? 'LocalRange' : 'Unknown';
  }

  /** Hierarchy names: the source columns, or for external sources the fields the model names. */
  fieldNames(): string[] {
    if (this.cache) return this.cache.header.filter((h) => h !== '');
    const m = this.model;
    const names = [...m.rows, ...m.columns, ...m.filters].map((f) => f.name).concat(m.data.map((d) => d.field));
    return [...new Set(names)];
  }

  hasField(name: string): string | undefined {
    const lower = name.toLowerCase();
    return this.fieldNames().find((n) => n.toLowerCase() === lower);
  }

  /** Item captions of a field in display order (Excel's default ascending order). */
  fieldItems(field: string): string[] {
    const c = this.column(field);
    if (c < 0 || !this.cache) {
      const f = this.fieldModel(field);
      return [...(f?.itemOrder ?? []), ...(f?.hiddenItems ?? [])].filter((x, i, a) => a.indexOf(x) === i);
    }
    const items = new FieldItems(undefined);
    for (const row of this.cache.rows) items.intern(row[c] ?? '');
    const ranks = items.ranks(this.fieldModel(field)?.itemOrder);
    const out = new Array<string>(items.items.length);
    for (const item of items.items) out[ranks[item.id]] = item.caption;
    return out;
  }

  /** Excel's default function for a new value field: Sum when every cell is a number, else Count. */
  isNumericField(field: string): boolean {
    const c = this.column(field);
    if (c < 0 || !this.cache || this.cache.rows.length === 0) return false;
    for (const row of this.cache.rows) if (typeof row[c] !== 'number') return false;
    return true;
  }

  /** The row/column/filter field model of a field, if it is on an axis. */
  fieldModel(field: string) {
    const lower = field.toLowerCase();
    const m = this.model;
    return [...m.rows, ...m.columns, ...m.filters].find((f) => f.name.toLowerCase() === lower);
  }

  private column(field: string): number {
    if (!this.cache) return -1;
    const lower = field.toLowerCase();
    return this.cache.header.findIndex((h) => h.toLowerCase() === lower);
  }

  toModel(): PivotModel {
    return structuredClone(this.model);
  }
}
