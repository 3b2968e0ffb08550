/**
 * NamedItem and NamedItemCollection proxies (workbook- or worksheet-scoped names).
 */
import type { XNamedItem, XNamedItemCollection, XRange } from '../../excel/api';
import { formatAbsolute } from '../../engine/address/a1';
import { fail } from '../errors';
import type { SheetState } from '../state/sheet';
import type { NameState } from '../state/workbook';
import { type Getters, q, SimCollection, SimObject } from './base';
import type { SimContext } from './context';
import { RangeProxy, rangeAddress } from './range';

export class NamedItemProxy extends SimObject<NameState> implements XNamedItem {
  readonly entity = 'NamedItem';

  constructor(ctx: SimContext, path: string, resolver: () => NameState | null, orNull = false) {
    super(ctx, path, resolver, orNull);
  }

  protected scalars(): Getters<NameState> {
    return {
      name: (n) => n.name,
      formula: (n) => n.reference,
      type: (n) => nameType(n, this.ctx),
      value: (n) => {
        const ref = this.ctx.state.nameRange(n);
        // For a named range Excel returns its absolute address, e.g. "Data!$C$2:$C$4".
        if (ref) return formatAbsolute(ref.sheet.name, ref.area);
        return constantOf(n.reference.slice(1));
      },
      comment: (n) => n.comment,
      visible: () => true,
    };
  }

  get name(): string { return this.prop('name'); }
  get type(): Excel.NamedItem['type'] { return this.prop('type'); }
  get formula(): Excel.NamedItem['formula'] { return this.prop('formula'); }
  set formula(v: Excel.NamedItem['formula']) {
    this.setProp('formula', v, (n, x) => {
      if (typeof x !== 'string' || x.trim() === '') fail('InvalidArgument', 'NamedItem.formula');
      n.reference = x.startsWith('=') ? x : `=${x}`;
      this.ctx.state.changed();
    });
  }
  get value(): unknown { return this.prop('value'); }

  delete(): void {
    this.invoke('delete', [], (n) => {
      const names = this.ctx.state.names;
      names.splice(names.indexOf(n), 1);
      this.ctx.state.changed();
    });
  }

  getRange(): XRange {
    return new RangeProxy(this.ctx, `${this.path}.getRange()`, () => {
      const n = this.need('NamedItem.getRange');
      return this.ctx.state.nameRange(n) ?? fail('InvalidOperation', 'NamedItem.getRange');
    });
  }

  getRangeOrNullObject(): XRange {
    return new RangeProxy(this.ctx, `${this.path}.getRangeOrNullObject()`, () => {
      const n = this.resolve();
      return n ? this.ctx.state.nameRange(n) ?? null : null;
    }, true);
  }
}

function constantOf(text: string): unknown {
  if (/^".*"$/.test(text)) return text.slice(1, -1).replace(/""/g, '"');
  if (/^(TRUE|FALSE)$/i.test(text)) return /^TRUE$/i.test(text);
  const n = Number(text);
  return text !== '' && Number.isFinite(n) ? n : text;
}

function nameType(n: NameState, ctx: SimContext): Excel.NamedItem['type'] {
  if (ctx.state.nameRange(n)) return 'Range';
  const v = constantOf(n.reference.slice(1));
  if (typeof v === 'boolean') return 'Boolean';
  if (typeof v === 'number') return Number.isInteger(v) ? 'Integer' : 'Double';
  if (typeof v === 'string' && v.startsWith('#')) return 'Error';
  return 'String';
}

export class NamedItemCollectionProxy extends SimCollection<NameState, NamedItemProxy> implements XNamedItemCollection {
  readonly entity = 'NamedItemCollection';

  /** `scope` = the worksheet for `worksheet.names`; workbook names otherwise. */
  constructor(ctx: SimContext, path: string, private readonly scope?: () => SheetState | null) {
    super(ctx, path, () => {
      const sheet = scope?.();
      return ctx.state.names.filter((n) => (scope ? n.scope === sheet?.name : !n.scope));
    });
  }

  protected makeItem(target: NameState, index: number): NamedItemProxy {
    return new NamedItemProxy(this.ctx, `${this.path}.getItemAt(${index})`, () => target);
  }

  private find(name: string): NameState | undefined {
    const sheet = this.scope?.();
    const lower = name.toLowerCase();
    return this.ctx.state.names.find((n) => n.name.toLowerCase() === lower && (this.scope ? n.scope === sheet?.name : !n.scope));
  }

  add(name: string, reference: XRange | string, comment = ''): XNamedItem {
    let created: NameState | undefined;
    const arg = typeof reference === 'string' ? reference : (reference as RangeProxy).path;
    this.ctx.enqueue({
      wire: [this.path, 'add', name, arg, comment],
      run: () => {
        let text: string;
        if (typeof reference === 'string') {
          text = reference;
        } else {
          const ref = (reference as RangeProxy).resolve() ?? fail('InvalidArgument', 'NamedItemCollection.add');
          text = `=${rangeAddress(ref.sheet.name, ref.area).replace(/!(.*)$/, (_, local: string) => '!' + absolute(local))}`;
        }
        created = this.ctx.state.addName(name, text, comment, this.scope?.()?.name);
      },
    });
    return new NamedItemProxy(this.ctx, `${this.path}.add(${q(name)})`, () => created ?? fail('ItemNotFound', 'NamedItemCollection.add'));
  }

  getItem(name: string): XNamedItem {
    return new NamedItemProxy(this.ctx, `${this.path}.getItem(${q(name)})`, () => this.find(name) ?? fail('ItemNotFound', 'NamedItemCollection.getItem'));
  }

  getItemOrNullObject(name: string): XNamedItem {
    return new NamedItemProxy(this.ctx, `${this.path}.getItemOrNullObject(${q(name)})`, () => this.find(name) ?? null, true);
  }
}

/** "A1:B2" → "$A$1:$B$2" (how Excel stores a name added from a Range object). */
function absolute(local: string): string {
  return local.split(':').map((p) => p.replace(/^([A-Z]+)?(\d+)?$/, (_, c?: string, r?: string) => `${c ? '$' + c : ''}${r ? '$' + r : ''}`)).join(':');
}
