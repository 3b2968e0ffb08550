/**
 * Proxy objects with Office.js's load/sync semantics.
 *
 * A proxy names an object in the workbook (its `path`) and resolves it only when a queued
 * operation runs. Scalar properties are readable after `load()` + `sync()` (or after being
 * set); reading one earlier throws PropertyNotLoaded with office.js's message. `*OrNullObject`
 * proxies learn `isNullObject` at the next sync; `getItem` proxies throw ItemNotFound from the
 * sync whose operations use them.
 */
import type { XClientResult } from '../../excel/api';
import { fail, propertyNotLoaded, valueNotLoaded } from '../errors';
import type { LoadResult, SimContext } from './context';

export type Getters<T> = Record<string, (target: T) => unknown>;

type LoadOption = string | string[] | { select?: string | string[] } | undefined;

/** Normalises Office.js load arguments into trimmed "a/b/c" paths ([] = all scalars). */
export function loadPaths(option: LoadOption): string[] {
  if (option === undefined) return [];
  const raw = typeof option === 'string' ? option.split(',') : Array.isArray(option) ? option.flatMap((p) => p.split(',')) : loadPaths(option.select);
  return raw.map((p) => p.trim()).filter((p) => p !== '');
}

/** Groups ["a/b", "a/c", "d"] into { a: ["b", "c"], d: [] }, keeping first-seen order. */
function groupPaths(paths: string[]): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const p of paths) {
    const slash = p.indexOf('/');
    const head = slash < 0 ? p : p.slice(0, slash);
    const rest = slash < 0 ? undefined : p.slice(slash + 1);
    const list = groups.get(head) ?? [];
    if (rest !== undefined) list.push(rest);
    groups.set(head, list);
  }
  return groups;
}

/** Anything whose properties a load can collect (every proxy). */
export interface Collectable {
  collect(paths: string[]): LoadResult;
}

export abstract class SimObject<T> implements Collectable {
  /** Office.js class name, used in error locations ("Range.values"). */
  abstract readonly entity: string;
  protected readonly loadedProps = new Map<string, unknown>();
  private readonly children = new Map<string, Collectable>();
  private target: T | null | undefined;
  private nullFlag: boolean | undefined;

  constructor(
    readonly ctx: SimContext,
    readonly path: string,
    protected readonly resolver: () => T | null,
    orNull = false,
  ) {
    if (orNull) {
      ctx.enqueue({
        wire: [path, 'isNullObject'],
        run: () => {
          const isNull = this.resolve() === null;
          return { data: isNull, commit: () => { this.nullFlag = isNull; } };
        },
      });
    }
  }

  /** The workbook object, resolved once (Excel tracks objects by identity, not by name). */
  resolve(): T | null {
    if (this.target === undefined || this.target === null) this.target = this.resolver();
    return this.target;
  }

  /** Like resolve, for operations that cannot act on a null object. */
  protected need(location: string): T {
    return this.resolve() ?? fail('ItemNotFound', location);
  }

  get isNullObject(): boolean {
    if (this.nullFlag === undefined) throw propertyNotLoaded(this.entity, 'isNullObject');
    return this.nullFlag;
  }

  /** Scalar properties loadable on this object, computed from the target at sync time. */
  protected abstract scalars(): Getters<T>;

  /** Navigation properties (`range.format`, `table.columns`, ...) by name. */
  protected nav(name: string): Collectable | undefined {
    void name;
    return undefined;
  }

  /** Cached child proxy, so `pivot.rowHierarchies` is one object whose loads persist. */
  protected child<C extends Collectable>(key: string, make: () => C): C {
    let c = this.children.get(key) as C | undefined;
    if (!c) {
      c = make();
      this.children.set(key, c);
    }
    return c;
  }

  protected prop<V>(name: string): V {
    if (this.loadedProps.has(name)) return this.loadedProps.get(name) as V;
    if (this.nullFlag === true) return null as V;
    throw propertyNotLoaded(this.entity, name);
  }

  /** Queues a property write; the proxy shows the written value at once, as office.js does. */
  protected setProp(name: string, value: unknown, apply: (target: T, value: unknown) => void, pivotEdit = false): void {
    this.loadedProps.set(name, value);
    this.ctx.enqueue({
      wire: [this.path, 'set', name, value],
      pivotEdit,
      run: () => {
        const t = this.resolve();
        if (t !== null) apply(t, value);
      },
    });
  }

  /** Queues a method call with no result. */
  protected invoke(name: string, args: unknown[], apply: (target: T) => void, pivotEdit = false): void {
    this.ctx.enqueue({
      wire: [this.path, name, ...args],
      pivotEdit,
      run: () => {
        const t = this.resolve();
        if (t !== null) apply(t);
      },
    });
  }

  /** Queues a method call whose value comes back in a ClientResult. */
  protected result<V>(name: string, args: unknown[], compute: (target: T) => V): XClientResult<V> {
    const out = new SimClientResult<V>();
    this.ctx.enqueue({
      wire: [this.path, name, ...args],
      run: () => {
        const t = this.need(`${this.entity}.${name}`);
        const v = compute(t);
        return { data: v, commit: () => out.set(v) };
      },
    });
    return out;
  }

  load(option?: LoadOption): this {
    const paths = loadPaths(option);
    this.ctx.enqueue({ wire: [this.path, 'load', paths.join(',')], run: () => this.collect(paths) });
    return this;
  }

  /** Sync-time half of `load`: reads the requested properties (and nested ones) now. */
  collect(paths: string[]): LoadResult {
    const t = this.resolve();
    if (t === null) return { data: null, commit: () => { this.nullFlag = true; } };
    const groups = groupPaths(paths);
    const scalars = this.scalars();
    const names = groups.size === 0 ? Object.keys(scalars) : [...groups.keys()];
    const data: Record<string, unknown> = {};
    const commits: Array<() => void> = [];
    for (const name of names) {
      const getter = Object.prototype.hasOwnProperty.call(scalars, name) ? scalars[name] : undefined;
      if (getter) {
        const v = getter(t);
        data[name] = v;
        commits.push(() => this.loadedProps.set(name, v));
        continue;
      }
      const nav = this.nav(name);
      if (!nav) fail('InvalidArgument', `${this.entity}.load`, `The property '${name}' does not exist on the ${this.entity} object.`);
      const r = nav.collect(groups.get(name) ?? []);
      data[name] = r.data;
      commits.push(r.commit);
    }
    return {
      data,
      commit: () => {
        this.nullFlag = false;
        for (const c of commits) c();
      },
    };
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loadedProps);
  }
}

/** A collection proxy: `items` holds item proxies after a load. */
export abstract class SimCollection<TItem, P extends SimObject<TItem>> extends SimObject<TItem[]> {
  private loadedItems: P[] | undefined;
  private loadedCount: number | undefined;

  /** A collection is re-read at every use: items added or deleted earlier in the batch count. */
  override resolve(): TItem[] | null {
    return this.resolver();
  }

  protected abstract makeItem(target: TItem, index: number): P;

  protected scalars(): Getters<TItem[]> {
    return {};
  }

  get items(): P[] {
    if (!this.loadedItems) throw propertyNotLoaded(this.entity, 'items');
    return this.loadedItems;
  }

  /** `collection.count` (collections that have it): readable after load('count') + sync. */
  protected get count(): number {
    if (this.loadedCount === undefined) throw propertyNotLoaded(this.entity, 'count');
    return this.loadedCount;
  }

  override collect(paths: string[]): LoadResult {
    const list = this.resolve() ?? [];
    const wantsCount = paths.includes('count');
    const rest = paths.filter((p) => p !== 'count');
    if (wantsCount && rest.length === 0) {
      return { data: { count: list.length }, commit: () => { this.loadedCount = list.length; } };
    }
    const itemPaths = rest.flatMap((p) => (p === 'items' ? [] : p.startsWith('items/') ? [p.slice(6)] : [p]));
    const items = list.map((t, i) => this.makeItem(t, i));
    const results = items.map((item) => item.collect(itemPaths));
    return {
      data: { value: results.map((r) => r.data), ...(wantsCount ? { count: list.length } : {}) },
      commit: () => {
        for (const r of results) r.commit();
        this.loadedItems = items;
        if (wantsCount) this.loadedCount = list.length;
      },
    };
  }

  override toJSON(): Record<string, unknown> {
    return { items: (this.loadedItems ?? []).map((i) => i.toJSON()) };
  }
}

/** `OfficeExtension.ClientResult`: `value` is readable after the sync that computed it. */
export class SimClientResult<V> implements XClientResult<V> {
  private done = false;
  private v: V | undefined;

  get value(): V {
    if (!this.done) throw valueNotLoaded();
    return this.v as V;
  }

  set(v: V): void {
    this.v = v;
    this.done = true;
  }
}

/** Quotes a string argument for an object path, e.g. getItem("Sales"). */
export function q(text: string): string {
  return JSON.stringify(text);
}
