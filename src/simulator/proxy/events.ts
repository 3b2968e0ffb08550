/**
 * `worksheet.onChanged` (OfficeExtension.EventHandlers): `add` registers the handler when the
 * context syncs; `remove()` on the result unregisters at the next sync of the same context
 * (`result.remove(); await result.context.sync();`), as Office.js documents.
 */
import type { XEventHandlerResult, XEventHandlers, XWorksheetChangedEventArgs } from '../../excel/api';
import type { SheetState } from '../state/sheet';
import type { SimContext } from './context';

type Handler = (args: XWorksheetChangedEventArgs) => Promise<unknown>;

export class ChangedEventProxy implements XEventHandlers<XWorksheetChangedEventArgs> {
  constructor(
    private readonly ctx: SimContext,
    private readonly path: string,
    private readonly sheetOf: (location: string) => SheetState,
  ) {}

  add(handler: Handler): XEventHandlerResult & { readonly context: SimContext } {
    const ctx = this.ctx;
    const handlers = ctx.state.changeHandlers;
    let sheetId: string | undefined;
    const wrapped = handler as (args: unknown) => Promise<unknown>;
    ctx.enqueue({
      wire: [this.path, 'add'],
      run: () => {
        sheetId = this.sheetOf('Worksheet.onChanged').id;
        const set = handlers.get(sheetId) ?? new Set();
        set.add(wrapped);
        handlers.set(sheetId, set);
      },
    });
    return {
      context: ctx,
      remove: () => {
        ctx.enqueue({
          wire: [this.path, 'remove'],
          run: () => {
            if (sheetId !== undefined) handlers.get(sheetId)?.delete(wrapped);
          },
        });
      },
    };
  }
}
