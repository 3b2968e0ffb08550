/**
 * The Workbook proxy: entry point of `ctx.workbook` in a simulated batch.
 */
import type { XNamedItemCollection, XPivotTableCollection, XRange, XSettingCollection, XTableCollection, XWorkbook, XWorksheetCollection } from '../../excel/api';
import { type Collectable, type Getters, SimObject } from './base';
import type { SimContext } from './context';
import { NamedItemCollectionProxy } from './names';
import { PivotTableCollectionProxy } from './pivot';
import { RangeProxy } from './range';
import { SettingCollectionProxy } from './settings';
import { TableCollectionProxy } from './table';
import { WorksheetCollectionProxy } from './worksheet';

export class WorkbookProxy extends SimObject<true> implements XWorkbook {
  readonly entity = 'Workbook';

  constructor(ctx: SimContext) {
    super(ctx, 'workbook', () => true);
  }

  protected scalars(): Getters<true> {
    return { name: () => this.ctx.state.name };
  }

  protected override nav(name: string): Collectable | undefined {
    const navs: Record<string, () => unknown> = {
      worksheets: () => this.worksheets,
      tables: () => this.tables,
      pivotTables: () => this.pivotTables,
      names: () => this.names,
      settings: () => this.settings,
    };
    return navs[name]?.() as Collectable | undefined;
  }

  get name(): string { return this.prop('name'); }

  get worksheets(): XWorksheetCollection {
    return this.child('worksheets', () => new WorksheetCollectionProxy(this.ctx, 'workbook.worksheets'));
  }
  get tables(): XTableCollection {
    return this.child('tables', () => new TableCollectionProxy(this.ctx, 'workbook.tables'));
  }
  get pivotTables(): XPivotTableCollection {
    return this.child('pivotTables', () => new PivotTableCollectionProxy(this.ctx, 'workbook.pivotTables'));
  }
  get names(): XNamedItemCollection {
    return this.child('names', () => new NamedItemCollectionProxy(this.ctx, 'workbook.names'));
  }
  get settings(): XSettingCollection {
    return this.child('settings', () => new SettingCollectionProxy(this.ctx, 'workbook.settings'));
  }

  getSelectedRange(): XRange {
    return new RangeProxy(this.ctx, 'workbook.getSelectedRange()', () => ({ ...this.ctx.state.selection }));
  }

  getActiveCell(): XRange {
    return new RangeProxy(this.ctx, 'workbook.getActiveCell()', () => this.ctx.state.activeCell());
  }
}
