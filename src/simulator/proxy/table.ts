/**
 * Table, TableCollection, TableColumnCollection and TableColumn proxies.
 */
import type { XClientResult, XRange, XTable, XTableCollection, XTableColumn, XTableColumnCollection, XWorksheet } from '../../excel/api';
import { apiNotFound, fail } from '../errors';
import type { SheetState } from '../state/sheet';
import type { RangeRef, TableState } from '../state/workbook';
import { type Collectable, type Getters, q, SimCollection, SimObject } from './base';
import type { SimContext } from './context';
import { RangeProxy } from './range';
import { WorksheetProxy } from './worksheet';

export class TableProxy extends SimObject<TableState> implements XTable {
  readonly entity = 'Table';

  constructor(ctx: SimContext, path: string, resolver: () => TableState | null, orNull = false) {
    super(ctx, path, resolver, orNull);
  }

  protected scalars(): Getters<TableState> {
    return {
      id: (t) => t.id,
      name: (t) => t.name,
      showHeaders: (t) => t.showHeaders,
      showTotals: (t) => t.showTotals,
      style: (t) => t.style,
    };
  }

  protected override nav(name: string): Collectable | undefined {
    if (name === 'worksheet') return this.worksheet as WorksheetProxy;
    if (name === 'columns') return this.columns as TableColumnCollectionProxy;
    return undefined;
  }

  get id(): string { return this.prop('id'); }
  get name(): string { return this.prop('name'); }
  set name(v: string) { this.setProp('name', v, (t, x) => this.ctx.state.renameTable(t, String(x))); }
  get showHeaders(): boolean { return this.prop('showHeaders'); }
  set showHeaders(v: boolean) { this.setProp('showHeaders', v, (t, x) => { t.showHeaders = Boolean(x); this.ctx.state.changed(); }); }
  get showTotals(): boolean { return this.prop('showTotals'); }
  set showTotals(v: boolean) { this.setProp('showTotals', v, (t, x) => this.ctx.state.setShowTotals(t, Boolean(x))); }
  get style(): string { return this.prop('style'); }
  set style(v: string) { this.setProp('style', v, (t, x) => { t.style = String(x); this.ctx.state.changed(); }); }

  get worksheet(): XWorksheet {
    return this.child('worksheet', () => new WorksheetProxy(this.ctx, `${this.path}.worksheet`, () => this.resolve()?.sheet ?? null));
  }

  get columns(): XTableColumnCollection {
    return this.child('columns', () => new TableColumnCollectionProxy(this.ctx, `${this.path}.columns`, () => this.resolve()));
  }

  delete(): void {
    this.invoke('delete', [], (t) => this.ctx.state.deleteTable(t));
  }

  resize(newRange: XRange | string): void {
    if (!this.ctx.host.isSetSupported('ExcelApi', '1.13')) throw apiNotFound('Table.resize', 'ExcelApi 1.13');
    const arg = typeof newRange === 'string' ? newRange : (newRange as RangeProxy).path;
    this.invoke('resize', [arg], (t) => {
      const ref = typeof newRange === 'string'
        ? this.ctx.state.resolveAddress(newRange, t.sheet, 'Table.resize')
        : (newRange as RangeProxy).resolve() ?? fail('InvalidArgument', 'Table.resize');
      this.ctx.state.resizeTable(t, ref);
    });
  }

  private part(method: string, pick: (t: TableState) => RangeRef): XRange {
    return new RangeProxy(this.ctx, `${this.path}.${method}()`, () => pick(this.need(`Table.${method}`)));
  }

  getRange(): XRange {
    return this.part('getRange', (t) => ({ sheet: t.sheet, area: t.area }));
  }
  getHeaderRowRange(): XRange {
    return this.part('getHeaderRowRange', (t) => ({ sheet: t.sheet, area: this.ctx.state.tableParts(t).header }));
  }
  getDataBodyRange(): XRange {
    return this.part('getDataBodyRange', (t) => ({ sheet: t.sheet, area: this.ctx.state.tableParts(t).body }));
  }
  getTotalRowRange(): XRange {
    return this.part('getTotalRowRange', (t) => {
      const totals = this.ctx.state.tableParts(t).totals ?? fail('InvalidOperation', 'Table.getTotalRowRange');
      return { sheet: t.sheet, area: totals };
    });
  }
}

export class TableCollectionProxy extends SimCollection<TableState, TableProxy> implements XTableCollection {
  readonly entity = 'TableCollection';

  /** `scope` limits the collection to one sheet (`worksheet.tables`). */
  constructor(ctx: SimContext, path: string, private readonly scope?: () => SheetState | null) {
    super(ctx, path, () => {
      const sheet = scope?.();
      return ctx.state.tables.filter((t) => !scope || t.sheet === sheet);
    });
  }

  protected makeItem(target: TableState, index: number): TableProxy {
    return new TableProxy(this.ctx, `${this.path}.getItemAt(${index})`, () => target);
  }

  private inScope(t: TableState | undefined): TableState | undefined {
    if (!t || !this.scope) return t;
    return t.sheet === this.scope() ? t : undefined;
  }

  add(address: XRange | string, hasHeaders: boolean): XTable {
    let created: TableState | undefined;
    const arg = typeof address === 'string' ? address : (address as RangeProxy).path;
    this.ctx.enqueue({
      wire: [this.path, 'add', arg, hasHeaders],
      run: () => {
        const state = this.ctx.state;
        const scopeSheet = this.scope?.() ?? undefined;
        const ref = typeof address === 'string'
          ? state.resolveAddress(address, scopeSheet ?? state.activeSheet, 'TableCollection.add')
          : (address as RangeProxy).resolve() ?? fail('InvalidArgument', 'TableCollection.add');
        if (scopeSheet && ref.sheet !== scopeSheet) fail('InvalidArgument', 'TableCollection.add');
        created = state.addTable(ref, hasHeaders);
      },
    });
    return new TableProxy(this.ctx, `${this.path}.add(${q(arg)},${hasHeaders})`, () => created ?? fail('ItemNotFound', 'TableCollection.add'));
  }

  getCount(): XClientResult<number> {
    return this.result('getCount', [], (list) => list.length);
  }

  getItem(key: string): XTable {
    return new TableProxy(this.ctx, `${this.path}.getItem(${q(key)})`, () =>
      this.inScope(this.ctx.state.findTable(key)) ?? fail('ItemNotFound', 'TableCollection.getItem'),
    );
  }

  getItemOrNullObject(key: string): XTable {
    return new TableProxy(this.ctx, `${this.path}.getItemOrNullObject(${q(key)})`, () => this.inScope(this.ctx.state.findTable(key)) ?? null, true);
  }
}

interface ColumnTarget {
  table: TableState;
  index: number;
}

export class TableColumnProxy extends SimObject<ColumnTarget> implements XTableColumn {
  readonly entity = 'TableColumn';

  constructor(ctx: SimContext, path: string, resolver: () => ColumnTarget | null, orNull = false) {
    super(ctx, path, resolver, orNull);
  }

  delete(): void {
    this.invoke('delete', [], (c) => this.ctx.state.deleteTableColumn(c.table, c.index, 'TableColumn.delete'));
  }

  getDataBodyRange(): XRange {
    return new RangeProxy(this.ctx, `${this.path}.getDataBodyRange()`, () => {
      const c = this.need('TableColumn.getDataBodyRange');
      const { body } = this.ctx.state.tableParts(c.table);
      return { sheet: c.table.sheet, area: { ...body, column: body.column + c.index, columns: 1 } };
    });
  }

  protected scalars(): Getters<ColumnTarget> {
    return {
      id: (c) => c.index + 1,
      index: (c) => c.index,
      name: (c) => this.ctx.state.tableColumnNames(c.table)[c.index],
    };
  }

  get id(): number { return this.prop('id'); }
  get index(): number { return this.prop('index'); }
  get name(): string { return this.prop('name'); }
  set name(v: string) {
    this.setProp('name', v, (c, x) => {
      const { header } = this.ctx.state.tableParts(c.table);
      this.ctx.state.writeInput({ sheet: c.table.sheet, area: { ...header, column: header.column + c.index, columns: 1 } }, [[`'${String(x)}`]], true, 'TableColumn.name');
    });
  }
}

export class TableColumnCollectionProxy extends SimCollection<ColumnTarget, TableColumnProxy> implements XTableColumnCollection {
  readonly entity = 'TableColumnCollection';

  constructor(ctx: SimContext, path: string, private readonly table: () => TableState | null) {
    super(ctx, path, () => {
      const t = table();
      return t ? Array.from({ length: t.area.columns }, (_, index) => ({ table: t, index })) : [];
    });
  }

  add(index?: number | null, values?: Array<Array<boolean | string | number>> | boolean | string | number, name?: string): XTableColumn {
    let created: ColumnTarget | undefined;
    this.ctx.enqueue({
      wire: [this.path, 'add', index ?? null, values ?? null, name ?? null],
      run: () => {
        const t = this.table() ?? fail('ItemNotFound', 'TableColumnCollection.add');
        const rows = values === undefined ? undefined : Array.isArray(values) ? (values as unknown[][]) : Array.from({ length: t.area.rows }, () => [values]);
        const at = this.ctx.state.addTableColumn(t, index ?? undefined, name, rows, 'TableColumnCollection.add');
        created = { table: t, index: at };
      },
    });
    return new TableColumnProxy(this.ctx, `${this.path}.add(${index ?? null})`, () => created ?? fail('ItemNotFound', 'TableColumnCollection.add'));
  }

  private find(key: number | string): ColumnTarget | undefined {
    const t = this.table();
    if (!t) return undefined;
    const names = this.ctx.state.tableColumnNames(t);
    // A number is the column's id (1-based here), a string its name, as Office.js accepts.
    const index = typeof key === 'number' ? key - 1 : names.findIndex((n) => n.toLowerCase() === String(key).toLowerCase());
    return index >= 0 && index < names.length ? { table: t, index } : undefined;
  }

  getItem(key: number | string): XTableColumn {
    return new TableColumnProxy(this.ctx, `${this.path}.getItem(${JSON.stringify(key)})`, () => this.find(key) ?? fail('ItemNotFound', 'TableColumnCollection.getItem'));
  }

  getItemOrNullObject(key: number | string): XTableColumn {
    return new TableColumnProxy(this.ctx, `${this.path}.getItemOrNullObject(${JSON.stringify(key)})`, () => this.find(key) ?? null, true);
  }

  protected makeItem(target: ColumnTarget, index: number): TableColumnProxy {
    return new TableColumnProxy(this.ctx, `${this.path}.getItemAt(${index})`, () => target);
  }
}
