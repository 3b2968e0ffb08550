/**
 * Worksheet and WorksheetCollection proxies.
 */
import type {
  XChartCollection, XEventHandlers, XNamedItemCollection, XPivotTableCollection, XRange, XTableCollection, XWorksheet,
  XWorksheetActivatedEventArgs, XWorksheetChangedEventArgs, XWorksheetCollection, XWorksheetFreezePanes,
} from '../../excel/api';
import { MAX_COLUMNS, MAX_ROWS } from '../../engine/address/a1';
import { fail } from '../errors';
import type { SheetState } from '../state/sheet';
import { type Collectable, type Getters, q, SimCollection, SimObject } from './base';
import { ChartCollectionProxy } from './chart';
import { ChangedEventProxy } from './events';
import { HandlerSetProxy } from './workbook-events';
import { FreezePanesProxy } from './freeze-panes';
import { normalizeColor } from './range';
import type { SimContext } from './context';
import { NamedItemCollectionProxy } from './names';
import { PivotTableCollectionProxy } from './pivot';
import { RangeProxy } from './range';
import { TableCollectionProxy } from './table';

export class WorksheetProxy extends SimObject<SheetState> implements XWorksheet {
  readonly entity = 'Worksheet';

  constructor(ctx: SimContext, path: string, resolver: () => SheetState | null, orNull = false) {
    super(ctx, path, resolver, orNull);
  }

  protected scalars(): Getters<SheetState> {
    return {
      id: (s) => s.id,
      name: (s) => s.name,
      position: (s) => this.ctx.state.sheets.indexOf(s),
      visibility: (s) => (s.visible ? 'Visible' : 'Hidden'),
      showGridlines: (s) => s.showGridlines,
      tabColor: (s) => s.tabColor,
    };
  }

  protected override nav(name: string): Collectable | undefined {
    if (name === 'tables') return this.tables as TableCollectionProxy;
    if (name === 'pivotTables') return this.pivotTables as PivotTableCollectionProxy;
    if (name === 'names') return this.names as NamedItemCollectionProxy;
    if (name === 'charts') return this.charts as ChartCollectionProxy;
    return undefined;
  }

  get charts(): XChartCollection {
    return this.child('charts', () => new ChartCollectionProxy(this.ctx, `${this.path}.charts`, () => this.resolve()));
  }

  get freezePanes(): XWorksheetFreezePanes {
    return new FreezePanesProxy(this.ctx, `${this.path}.freezePanes`, (location) => this.need(location));
  }

  get onChanged(): XEventHandlers<XWorksheetChangedEventArgs> {
    return new ChangedEventProxy(this.ctx, `${this.path}.onChanged`, (location) => this.need(location));
  }

  get showGridlines(): boolean { return this.prop('showGridlines'); }
  set showGridlines(v: boolean) {
    this.setProp('showGridlines', v, (s, x) => {
      s.showGridlines = Boolean(x);
      this.ctx.state.changed();
    });
  }

  get tabColor(): string { return this.prop('tabColor'); }
  set tabColor(v: string) {
    this.setProp('tabColor', v, (s, x) => {
      s.tabColor = x === '' ? '' : normalizeColor(x, 'Worksheet.tabColor');
      this.ctx.state.changed();
    });
  }

  get id(): string { return this.prop('id'); }
  get name(): string { return this.prop('name'); }
  set name(v: string) { this.setProp('name', v, (s, x) => this.ctx.state.renameSheet(s, String(x))); }
  get position(): number { return this.prop('position'); }
  set position(v: number) { this.setProp('position', v, (s, x) => this.ctx.state.moveSheet(s, Number(x))); }

  get tables(): XTableCollection {
    return this.child('tables', () => new TableCollectionProxy(this.ctx, `${this.path}.tables`, () => this.resolve()));
  }
  get pivotTables(): XPivotTableCollection {
    return this.child('pivotTables', () => new PivotTableCollectionProxy(this.ctx, `${this.path}.pivotTables`, () => this.resolve()));
  }
  get names(): XNamedItemCollection {
    return this.child('names', () => new NamedItemCollectionProxy(this.ctx, `${this.path}.names`, () => this.resolve()));
  }

  activate(): void {
    this.invoke('activate', [], (s) => this.ctx.state.activate(s));
  }

  delete(): void {
    this.invoke('delete', [], (s) => this.ctx.state.deleteSheet(s));
  }

  private range(method: string, args: unknown[], compute: (s: SheetState) => RangeProxyTarget, orNull = false): RangeProxy {
    return new RangeProxy(
      this.ctx,
      `${this.path}.${method}(${args.map((a) => JSON.stringify(a)).join(',')})`,
      () => {
        const s = orNull ? this.resolve() : this.need(`Worksheet.${method}`);
        if (s === null) return null;
        const area = compute(s);
        return area ? { sheet: s, area } : null;
      },
      orNull,
    );
  }

  getCell(row: number, column: number): XRange {
    return this.getRangeByIndexes(row, column, 1, 1);
  }

  getRange(address?: string): XRange {
    return this.range('getRange', address === undefined ? [] : [address], (s) => {
      if (address === undefined || address === '') return { row: 0, column: 0, rows: MAX_ROWS, columns: MAX_COLUMNS };
      const ref = this.ctx.state.resolveAddress(address, s, 'Worksheet.getRange');
      if (ref.sheet !== s) fail('InvalidArgument', 'Worksheet.getRange');
      return ref.area;
    });
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): XRange {
    return this.range('getRangeByIndexes', [startRow, startColumn, rowCount, columnCount], () => {
      const ok = [startRow, startColumn, rowCount, columnCount].every(Number.isInteger) &&
        startRow >= 0 && startColumn >= 0 && rowCount >= 1 && columnCount >= 1 &&
        startRow + rowCount <= MAX_ROWS && startColumn + columnCount <= MAX_COLUMNS;
      if (!ok) fail('InvalidArgument', 'Worksheet.getRangeByIndexes');
      return { row: startRow, column: startColumn, rows: rowCount, columns: columnCount };
    });
  }

  /** An empty sheet's used range is A1 (Excel's documented behaviour). */
  getUsedRange(valuesOnly = false): XRange {
    return this.range('getUsedRange', [valuesOnly], (s) => s.usedArea(valuesOnly) ?? { row: 0, column: 0, rows: 1, columns: 1 });
  }

  getUsedRangeOrNullObject(valuesOnly = false): XRange {
    return this.range('getUsedRangeOrNullObject', [valuesOnly], (s) => s.usedArea(valuesOnly), true);
  }
}

type RangeProxyTarget = { row: number; column: number; rows: number; columns: number } | null;

export class WorksheetCollectionProxy extends SimCollection<SheetState, WorksheetProxy> implements XWorksheetCollection {
  readonly entity = 'WorksheetCollection';

  constructor(ctx: SimContext, path: string) {
    super(ctx, path, () => ctx.state.sheets.slice());
  }

  protected makeItem(target: SheetState, index: number): WorksheetProxy {
    return new WorksheetProxy(this.ctx, `${this.path}.getItemAt(${index})`, () => target);
  }

  add(name?: string): XWorksheet {
    let created: SheetState | undefined;
    this.ctx.enqueue({
      wire: [this.path, 'add', ...(name === undefined ? [] : [name])],
      run: () => { created = this.ctx.state.addSheet(name); },
    });
    return new WorksheetProxy(this.ctx, `${this.path}.add(${name === undefined ? '' : q(name)})`, () => created ?? fail('ItemNotFound', 'WorksheetCollection.add'));
  }

  getActiveWorksheet(): XWorksheet {
    return new WorksheetProxy(this.ctx, `${this.path}.getActiveWorksheet()`, () => this.ctx.state.activeSheet);
  }

  getItem(key: string): XWorksheet {
    return new WorksheetProxy(this.ctx, `${this.path}.getItem(${q(key)})`, () => this.ctx.state.sheet(key, 'WorksheetCollection.getItem'));
  }

  getItemOrNullObject(key: string): XWorksheet {
    return new WorksheetProxy(this.ctx, `${this.path}.getItemOrNullObject(${q(key)})`, () => this.ctx.state.findSheet(key) ?? null, true);
  }

  /** worksheets.onActivated (ExcelApi 1.7): registered at the next sync, removed at the next sync after remove(). */
  get onActivated(): XEventHandlers<XWorksheetActivatedEventArgs> {
    return new HandlerSetProxy(this.ctx, `${this.path}.onActivated`, () => this.ctx.state.activatedHandlers);
  }

  get onChanged(): XEventHandlers<XWorksheetChangedEventArgs> {
    return new HandlerSetProxy(this.ctx, `${this.path}.onChanged`, () => this.ctx.state.anySheetChangeHandlers);
  }
}
