/**
 * Setting and SettingCollection proxies: workbook-scoped key/value storage whose values travel
 * as JSON (so a Date comes back as its ISO string, as with Office's serialisation).
 */
import type { XSetting, XSettingCollection } from '../../excel/api';
import { fail } from '../errors';
import { type Getters, q, SimCollection, SimObject } from './base';
import type { SimContext } from './context';

interface SettingTarget {
  key: string;
}

/** Round-trips a value through JSON, failing like Excel for values JSON cannot carry. */
function jsonValue(value: unknown, location: string): unknown {
  if (value === undefined || typeof value === 'function' || typeof value === 'symbol') return fail('InvalidArgument', location);
  const text = JSON.stringify(value);
  return text === undefined ? fail('InvalidArgument', location) : JSON.parse(text);
}

export class SettingProxy extends SimObject<SettingTarget> implements XSetting {
  readonly entity = 'Setting';

  constructor(ctx: SimContext, path: string, resolver: () => SettingTarget | null, orNull = false) {
    super(ctx, path, resolver, orNull);
  }

  protected scalars(): Getters<SettingTarget> {
    return {
      key: (s) => s.key,
      value: (s) => structuredClone(this.ctx.state.settings.get(s.key)),
    };
  }

  get key(): string { return this.prop('key'); }
  get value(): unknown { return this.prop('value'); }
  set value(v: unknown) {
    this.setProp('value', v, (s, x) => {
      this.ctx.state.settings.set(s.key, jsonValue(x, 'Setting.value'));
      this.ctx.state.changed();
    });
  }

  delete(): void {
    this.invoke('delete', [], (s) => {
      this.ctx.state.settings.delete(s.key);
      this.ctx.state.changed();
    });
  }
}

export class SettingCollectionProxy extends SimCollection<SettingTarget, SettingProxy> implements XSettingCollection {
  readonly entity = 'SettingCollection';

  constructor(ctx: SimContext, path: string) {
    super(ctx, path, () => [...ctx.state.settings.keys()].map((key) => ({ key })));
  }

  protected makeItem(target: SettingTarget, index: number): SettingProxy {
    return new SettingProxy(this.ctx, `${this.path}.getItemAt(${index})`, () => target);
  }

  add(key: string, value: string | number | boolean | Date | unknown[] | object): XSetting {
    this.ctx.enqueue({
      wire: [this.path, 'add', key, value],
      run: () => {
        if (typeof key !== 'string' || key === '') fail('InvalidArgument', 'SettingCollection.add');
        this.ctx.state.settings.set(key, jsonValue(value, 'SettingCollection.add'));
        this.ctx.state.changed();
      },
    });
    return new SettingProxy(this.ctx, `${this.path}.add(${q(key)})`, () => (this.ctx.state.settings.has(key) ? { key } : fail('ItemNotFound', 'SettingCollection.add')));
  }

  getItem(key: string): XSetting {
    return new SettingProxy(this.ctx, `${this.path}.getItem(${q(key)})`, () =>
      this.ctx.state.settings.has(key) ? { key } : fail('ItemNotFound', 'SettingCollection.getItem'),
    );
  }

  getItemOrNullObject(key: string): XSetting {
    return new SettingProxy(this.ctx, `${this.path}.getItemOrNullObject(${q(key)})`, () => (this.ctx.state.settings.has(key) ? { key } : null), true);
  }
}
