/**
 * Workbook-wide events of the worksheet collection: `worksheets.onActivated` (ExcelApi 1.7) and
 * `worksheets.onChanged` (ExcelApi 1.9). As with a worksheet's own onChanged, `add` registers the
 * handler when the context syncs and `remove()` unregisters at the next sync of that context.
 */
import type { XEventHandlerResult, XEventHandlers } from '../../excel/api';
import type { SimContext } from './context';

type Handler = (args: unknown) => Promise<unknown>;

export class HandlerSetProxy<T> implements XEventHandlers<T> {
  constructor(
    private readonly ctx: SimContext,
    private readonly path: string,
    private readonly handlers: () => Set<Handler>,
  ) {}

  add(handler: (args: T) => Promise<unknown>): XEventHandlerResult & { readonly context: SimContext } {
    const ctx = this.ctx;
    const wrapped = handler as Handler;
    ctx.enqueue({ wire: [this.path, 'add'], run: () => { this.handlers().add(wrapped); } });
    return {
      context: ctx,
      remove: () => {
        ctx.enqueue({ wire: [this.path, 'remove'], run: () => { this.handlers().delete(wrapped); } });
      },
    };
  }
}
