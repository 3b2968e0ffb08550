/**
 * WorksheetFreezePanes (ExcelApi 1.7): frozen top rows and left columns of a sheet.
 */
import type { XRange, XWorksheetFreezePanes } from '../../excel/api';
import { MAX_COLUMNS, MAX_ROWS } from '../../engine/address/a1';
import { fail } from '../errors';
import type { SheetState } from '../state/sheet';
import type { SimContext } from './context';
import { RangeProxy } from './range';

export class FreezePanesProxy implements XWorksheetFreezePanes {
  constructor(
    private readonly ctx: SimContext,
    private readonly path: string,
    private readonly sheetOf: (location: string) => SheetState,
  ) {}

  private set(method: string, args: unknown[], apply: (s: SheetState) => void): void {
    this.ctx.enqueue({
      wire: [this.path, method, ...args],
      run: () => {
        apply(this.sheetOf(`WorksheetFreezePanes.${method}`));
        this.ctx.state.changed();
      },
    });
  }

  freezeRows(count = 1): void {
    this.set('freezeRows', [count], (s) => {
      if (!Number.isInteger(count) || count < 0) fail('InvalidArgument', 'WorksheetFreezePanes.freezeRows');
      s.freeze = { rows: count, columns: 0 };
    });
  }

  freezeColumns(count = 1): void {
    this.set('freezeColumns', [count], (s) => {
      if (!Number.isInteger(count) || count < 0) fail('InvalidArgument', 'WorksheetFreezePanes.freezeColumns');
      s.freeze = { rows: 0, columns: count };
    });
  }

  /** Freezes the rows above and the columns left of the range's bottom-right corner, inclusive. */
  freezeAt(frozenRange: XRange | string): void {
    this.set('freezeAt', [typeof frozenRange === 'string' ? frozenRange : (frozenRange as RangeProxy).path], (s) => {
      const ref = typeof frozenRange === 'string'
        ? this.ctx.state.resolveAddress(frozenRange, s, 'WorksheetFreezePanes.freezeAt')
        : ((frozenRange as RangeProxy).resolve() ?? fail('ItemNotFound', 'WorksheetFreezePanes.freezeAt'));
      s.freeze = { rows: ref.area.row + ref.area.rows, columns: ref.area.column + ref.area.columns };
    });
  }

  unfreeze(): void {
    this.set('unfreeze', [], (s) => {
      s.freeze = { rows: 0, columns: 0 };
    });
  }

  getLocationOrNullObject(): XRange {
    return new RangeProxy(this.ctx, `${this.path}.getLocationOrNullObject()`, () => {
      const s = this.sheetOf('WorksheetFreezePanes.getLocationOrNullObject');
      const { rows, columns } = s.freeze;
      if (!rows && !columns) return null;
      return { sheet: s, area: { row: 0, column: 0, rows: rows || MAX_ROWS, columns: columns || MAX_COLUMNS } };
    }, true);
  }
}
