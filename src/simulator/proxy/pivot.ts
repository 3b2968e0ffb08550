/**
 * PivotTable proxies: the table, its layout, hierarchies (all / rows / columns / filters / data),
 * fields and items. Structural edits mark the pivot dirty; it is laid out again from its cache
 * once, before the next operation that is not itself a pivot edit (so five `add` calls in one
 * batch cost one render).
 */
import type {
  XClientResult, XDataPivotHierarchy, XDataPivotHierarchyCollection, XFilterPivotHierarchy,
  XFilterPivotHierarchyCollection, XPivotField, XPivotFieldCollection, XPivotHierarchy,
  XPivotHierarchyCollection, XPivotItem, XPivotItemCollection, XPivotLayout, XPivotTable,
  XPivotTableCollection, XRange, XRowColumnPivotHierarchy, XRowColumnPivotHierarchyCollection, XWorksheet,
} from '../../excel/api';
import { formatArea, parseArea, splitSheet } from '../../engine/address/a1';
import { apiNotFound, fail } from '../errors';
import type { PivotDataFieldModel, PivotFieldModel, PivotModel, PivotSourceModel, SubtotalLocation, SummarizeBy } from '../model';
import type { PivotState } from '../state/pivot';
import type { SheetState } from '../state/sheet';
import type { RangeRef } from '../state/workbook';
import { type Collectable, type Getters, q, SimCollection, SimObject } from './base';
import type { SimContext } from './context';
import { RangeProxy } from './range';
import { TableProxy } from './table';
import { WorksheetProxy } from './worksheet';

type Axis = 'rows' | 'columns' | 'filters';

/** Caption prefix Excel gives a new value field per function ("Sum of Revenue"). */
export const SUMMARIZE_CAPTION: Record<SummarizeBy, string> = {
  Sum: 'Sum', Count: 'Count', Average: 'Average', Max: 'Max', Min: 'Min', Product: 'Product',
  CountNumbers: 'Count', StandardDeviation: 'StdDev', StandardDeviationP: 'StdDevp', Variance: 'Var', VarianceP: 'Varp',
};

const SUMMARIZE: readonly SummarizeBy[] = Object.keys(SUMMARIZE_CAPTION) as SummarizeBy[];

function pathArg(x: unknown): string {
  return typeof x === 'string' ? q(x) : (x as { path: string }).path;
}

// ---------------------------------------------------------------- table & collection

export class PivotTableProxy extends SimObject<PivotState> implements XPivotTable {
  readonly entity = 'PivotTable';

  constructor(ctx: SimContext, path: string, resolver: () => PivotState | null, orNull = false) {
    super(ctx, path, resolver, orNull);
  }

  protected scalars(): Getters<PivotState> {
    return {
      id: (p) => p.id,
      name: (p) => p.model.name,
      enableDataValueEditing: () => false,
      useCustomSortLists: () => true,
    };
  }

  protected override nav(name: string): Collectable | undefined {
    const navs: Record<string, () => unknown> = {
      worksheet: () => this.worksheet,
      layout: () => this.layout,
      rowHierarchies: () => this.rowHierarchies,
      columnHierarchies: () => this.columnHierarchies,
      dataHierarchies: () => this.dataHierarchies,
      filterHierarchies: () => this.filterHierarchies,
      hierarchies: () => this.hierarchies,
    };
    return navs[name]?.() as Collectable | undefined;
  }

  get id(): string { return this.prop('id'); }
  get name(): string { return this.prop('name'); }
  set name(v: string) {
    this.setProp('name', v, (p, x) => {
      const name = String(x);
      const other = this.ctx.state.findPivot(name, p.model.sheet);
      if (name === '' || (other && other !== p)) fail('InvalidArgument', 'PivotTable.name');
      p.model.name = name;
      this.ctx.state.changed();
    });
  }

  get worksheet(): XWorksheet {
    return this.child('worksheet', () => new WorksheetProxy(this.ctx, `${this.path}.worksheet`, () => {
      const p = this.resolve();
      return p ? p.sheet() : null;
    }));
  }
  get layout(): XPivotLayout {
    return this.child('layout', () => new PivotLayoutProxy(this.ctx, `${this.path}.layout`, () => this.resolve()));
  }
  get rowHierarchies(): XRowColumnPivotHierarchyCollection {
    return this.child('rows', () => new AxisHierarchyCollectionProxy(this.ctx, `${this.path}.rowHierarchies`, () => this.resolve(), 'rows'));
  }
  get columnHierarchies(): XRowColumnPivotHierarchyCollection {
    return this.child('columns', () => new AxisHierarchyCollectionProxy(this.ctx, `${this.path}.columnHierarchies`, () => this.resolve(), 'columns'));
  }
  get filterHierarchies(): XFilterPivotHierarchyCollection {
    return this.child('filters', () => new AxisHierarchyCollectionProxy(this.ctx, `${this.path}.filterHierarchies`, () => this.resolve(), 'filters'));
  }
  get dataHierarchies(): XDataPivotHierarchyCollection {
    return this.child('data', () => new DataHierarchyCollectionProxy(this.ctx, `${this.path}.dataHierarchies`, () => this.resolve()));
  }
  get hierarchies(): XPivotHierarchyCollection {
    return this.child('hierarchies', () => new PivotHierarchyCollectionProxy(this.ctx, `${this.path}.hierarchies`, () => this.resolve()));
  }

  delete(): void {
    this.invoke('delete', [], (p) => this.ctx.state.deletePivot(p));
  }

  refresh(): void {
    this.invoke('refresh', [], (p) => p.refresh());
  }

  private requires115(method: string): void {
    if (!this.ctx.host.isSetSupported('ExcelApi', '1.15')) throw apiNotFound(`PivotTable.${method}`, 'ExcelApi 1.15');
  }

  getDataSourceString(): XClientResult<string> {
    this.requires115('getDataSourceString');
    return this.result('getDataSourceString', [], (p) => p.dataSourceString());
  }

  getDataSourceType(): XClientResult<Excel.DataSourceType | 'Unknown' | 'LocalRange' | 'LocalTable'> {
    this.requires115('getDataSourceType');
    return this.result('getDataSourceType', [], (p) => p.dataSourceType());
  }
}

export class PivotTableCollectionProxy extends SimCollection<PivotState, PivotTableProxy> implements XPivotTableCollection {
  readonly entity = 'PivotTableCollection';

  /** `scope` limits the collection to one sheet (`worksheet.pivotTables`). */
  constructor(ctx: SimContext, path: string, private readonly scope?: () => SheetState | null) {
    super(ctx, path, () => {
      const sheet = scope?.();
      return ctx.state.pivots.filter((p) => !scope || p.model.sheet === sheet?.name);
    });
  }

  protected makeItem(target: PivotState, index: number): PivotTableProxy {
    return new PivotTableProxy(this.ctx, `${this.path}.getItemAt(${index})`, () => target);
  }

  private find(name: string): PivotState | undefined {
    if (!this.scope) return this.ctx.state.findPivot(name);
    const sheet = this.scope()?.name;
    return sheet === undefined ? undefined : this.ctx.state.findPivot(name, sheet);
  }

  add(name: string, source: XRange | string | XTable, destination: XRange | string): XPivotTable {
    let created: PivotState | undefined;
    this.ctx.enqueue({
      wire: [this.path, 'add', name, pathArg(source), pathArg(destination)],
      run: () => {
        const state = this.ctx.state;
        const home = this.scope?.() ?? state.activeSheet;
        const src = this.sourceModel(source, home);
        const dest: RangeRef = typeof destination === 'string'
          ? state.resolveAddress(destination, home, 'PivotTableCollection.add')
          : (destination as RangeProxy).resolve() ?? fail('InvalidArgument', 'PivotTableCollection.add');
        if (name === '') fail('InvalidArgument', 'PivotTableCollection.add');
        const model: PivotModel = {
          name,
          sheet: dest.sheet.name,
          anchor: formatArea({ ...dest.area, rows: 1, columns: 1 }),
          source: src,
          rows: [],
          columns: [],
          filters: [],
          data: [],
          layout: 'Compact',
          subtotalLocation: 'AtTop',
          showRowGrandTotals: true,
          showColumnGrandTotals: true,
        };
        const pivot = state.addPivot(model);
        try {
          pivot.refresh();
        } catch (error) {
          state.deletePivot(pivot);
          throw error;
        }
        created = pivot;
      },
    });
    return new PivotTableProxy(this.ctx, `${this.path}.add(${q(name)})`, () => created ?? fail('ItemNotFound', 'PivotTableCollection.add'));
  }

  /** A table, a range or an address (a string naming a table means that table). */
  private sourceModel(source: XRange | string | XTable, home: SheetState): PivotSourceModel {
    const state = this.ctx.state;
    let ref: RangeRef;
    if (source instanceof TableProxy) {
      const t = source.resolve() ?? fail('InvalidArgument', 'PivotTableCollection.add');
      return { kind: 'table', table: t.name };
    }
    if (typeof source === 'string') {
      const t = splitSheet(source).sheet === undefined ? state.findTable(source) : undefined;
      if (t) return { kind: 'table', table: t.name };
      ref = state.resolveAddress(source, home, 'PivotTableCollection.add');
    } else {
      ref = (source as RangeProxy).resolve() ?? fail('InvalidArgument', 'PivotTableCollection.add');
    }
    // A range that is exactly a table's range is that table, as Excel records it.
    const table = state.tables.find((t) => t.sheet === ref.sheet && formatArea(t.area) === formatArea(ref.area));
    if (table) return { kind: 'table', table: table.name };
    if (ref.area.rows < 2) fail('InvalidArgument', 'PivotTableCollection.add');
    const header = ref.sheet.readValues({ ...ref.area, rows: 1 })[0];
    if (header.some((h) => h === '')) {
      fail('InvalidArgument', 'PivotTableCollection.add', 'The PivotTable field name is not valid. To create a PivotTable report, you must use data that is organized as a list with labeled columns.');
    }
    return { kind: 'range', sheet: ref.sheet.name, address: formatArea(ref.area) };
  }

  getItem(name: string): XPivotTable {
    return new PivotTableProxy(this.ctx, `${this.path}.getItem(${q(name)})`, () => this.find(name) ?? fail('ItemNotFound', 'PivotTableCollection.getItem'));
  }

  getItemOrNullObject(name: string): XPivotTable {
    return new PivotTableProxy(this.ctx, `${this.path}.getItemOrNullObject(${q(name)})`, () => this.find(name) ?? null, true);
  }

  refreshAll(): void {
    this.invoke('refreshAll', [], (list) => {
      for (const p of list) if (!p.isExternal()) p.refresh();
    });
  }
}

type XTable = import('../../excel/api').XTable;

// ---------------------------------------------------------------- layout

export class PivotLayoutProxy extends SimObject<PivotState> implements XPivotLayout {
  readonly entity = 'PivotLayout';

  protected scalars(): Getters<PivotState> {
    return {
      layoutType: (p) => p.model.layout,
      showColumnGrandTotals: (p) => p.model.showColumnGrandTotals,
      showRowGrandTotals: (p) => p.model.showRowGrandTotals,
      subtotalLocation: (p) => p.model.subtotalLocation,
      showFieldHeaders: (p) => p.showFieldHeaders,
    };
  }

  private edit(name: string, value: unknown, apply: (p: PivotState, v: unknown) => void): void {
    this.setProp(name, value, (p, v) => {
      apply(p, v);
      p.markDirty();
    }, true);
  }

  get layoutType(): Excel.PivotLayout['layoutType'] { return this.prop('layoutType'); }
  set layoutType(v: Excel.PivotLayout['layoutType']) {
    this.edit('layoutType', v, (p, x) => {
      if (x !== 'Compact' && x !== 'Outline' && x !== 'Tabular') fail('InvalidArgument', 'PivotLayout.layoutType');
      p.model.layout = x;
    });
  }
  get showColumnGrandTotals(): boolean { return this.prop('showColumnGrandTotals'); }
  set showColumnGrandTotals(v: boolean) { this.edit('showColumnGrandTotals', v, (p, x) => { p.model.showColumnGrandTotals = Boolean(x); }); }
  get showRowGrandTotals(): boolean { return this.prop('showRowGrandTotals'); }
  set showRowGrandTotals(v: boolean) { this.edit('showRowGrandTotals', v, (p, x) => { p.model.showRowGrandTotals = Boolean(x); }); }
  get subtotalLocation(): Excel.PivotLayout['subtotalLocation'] { return this.prop('subtotalLocation'); }
  set subtotalLocation(v: Excel.PivotLayout['subtotalLocation']) {
    this.edit('subtotalLocation', v, (p, x) => {
      if (x !== 'AtTop' && x !== 'AtBottom' && x !== 'Off') fail('InvalidArgument', 'PivotLayout.subtotalLocation');
      p.model.subtotalLocation = x as SubtotalLocation;
    });
  }
  get showFieldHeaders(): boolean { return this.prop('showFieldHeaders'); }
  set showFieldHeaders(v: boolean) { this.edit('showFieldHeaders', v, (p, x) => { p.showFieldHeaders = Boolean(x); }); }

  private area(method: string, pick: (p: PivotState) => string | undefined): XRange {
    return new RangeProxy(this.ctx, `${this.path}.${method}()`, () => {
      const p = this.need(`PivotLayout.${method}`);
      const address = (p.model.rendered ? pick(p) : undefined) ?? fail('ItemNotFound', `PivotLayout.${method}`);
      return { sheet: p.sheet(), area: parseArea(address) };
    });
  }

  getRange(): XRange { return this.area('getRange', (p) => p.model.rendered?.range); }
  getRowLabelRange(): XRange { return this.area('getRowLabelRange', (p) => p.model.rendered?.rowLabelRange); }
  getColumnLabelRange(): XRange { return this.area('getColumnLabelRange', (p) => p.model.rendered?.columnLabelRange); }
  getDataBodyRange(): XRange { return this.area('getDataBodyRange', (p) => p.model.rendered?.dataBodyRange); }
  getFilterAxisRange(): XRange { return this.area('getFilterAxisRange', (p) => p.model.rendered?.filterRange); }
}

// ---------------------------------------------------------------- hierarchies

interface FieldTarget {
  pivot: PivotState;
  field: string;
}

/** `pivot.hierarchies`: one per source column. */
export class PivotHierarchyProxy extends SimObject<FieldTarget> implements XPivotHierarchy {
  readonly entity = 'PivotHierarchy';

  protected scalars(): Getters<FieldTarget> {
    return { id: (h) => h.field, name: (h) => h.field };
  }
  protected override nav(name: string): Collectable | undefined {
    return name === 'fields' ? (this.fields as PivotFieldCollectionProxy) : undefined;
  }

  get id(): string { return this.prop('id'); }
  get name(): string { return this.prop('name'); }
  set name(v: string) { this.setProp('name', v, () => fail('InvalidOperation', 'PivotHierarchy.name')); }
  get fields(): XPivotFieldCollection {
    return this.child('fields', () => new PivotFieldCollectionProxy(this.ctx, `${this.path}.fields`, () => this.resolve()));
  }
}

export class PivotHierarchyCollectionProxy extends SimCollection<FieldTarget, PivotHierarchyProxy> implements XPivotHierarchyCollection {
  readonly entity = 'PivotHierarchyCollection';

  constructor(ctx: SimContext, path: string, private readonly pivot: () => PivotState | null) {
    super(ctx, path, () => {
      const p = pivot();
      return p ? p.fieldNames().map((field) => ({ pivot: p, field })) : [];
    });
  }

  protected makeItem(target: FieldTarget, index: number): PivotHierarchyProxy {
    return new PivotHierarchyProxy(this.ctx, `${this.path}.getItemAt(${index})`, () => target);
  }

  getItem(name: string): XPivotHierarchy {
    return new PivotHierarchyProxy(this.ctx, `${this.path}.getItem(${q(name)})`, () => {
      const p = this.pivot() ?? fail('ItemNotFound', 'PivotHierarchyCollection.getItem');
      const field = p.hasField(name) ?? fail('ItemNotFound', 'PivotHierarchyCollection.getItem');
      return { pivot: p, field };
    });
  }
}

interface AxisTarget extends FieldTarget {
  axis: Axis;
}

function axisList(p: PivotState, axis: Axis): PivotFieldModel[] {
  return p.model[axis];
}

function axisIndex(t: AxisTarget): number {
  const lower = t.field.toLowerCase();
  return axisList(t.pivot, t.axis).findIndex((f) => f.name.toLowerCase() === lower);
}

/** Row, column and filter hierarchies share one implementation. */
export class AxisHierarchyProxy extends SimObject<AxisTarget> implements XRowColumnPivotHierarchy, XFilterPivotHierarchy {
  get entity(): string {
    return 'RowColumnPivotHierarchy';
  }

  constructor(ctx: SimContext, path: string, resolver: () => AxisTarget | null, orNull = false) {
    super(ctx, path, resolver, orNull);
  }

  protected scalars(): Getters<AxisTarget> {
    return {
      id: (h) => h.field,
      name: (h) => h.field,
      position: (h) => axisIndex(h),
      enableMultipleFilterItems: (h) => (h.pivot.fieldModel(h.field)?.hiddenItems?.length ?? 0) > 0,
    };
  }
  protected override nav(name: string): Collectable | undefined {
    return name === 'fields' ? (this.fields as PivotFieldCollectionProxy) : undefined;
  }

  get id(): string { return this.prop('id'); }
  get name(): string { return this.prop('name'); }
  set name(v: string) { this.setProp('name', v, () => fail('InvalidOperation', `${this.entity}.name`)); }
  get position(): number { return this.prop('position'); }
  set position(v: number) {
    this.setProp('position', v, (h, x) => {
      const list = axisList(h.pivot, h.axis);
      const to = Number(x);
      if (!Number.isInteger(to) || to < 0 || to >= list.length) fail('InvalidArgument', `${this.entity}.position`);
      const [moved] = list.splice(axisIndex(h), 1);
      list.splice(to, 0, moved);
      h.pivot.markDirty();
    }, true);
  }
  get enableMultipleFilterItems(): boolean { return this.prop('enableMultipleFilterItems'); }
  set enableMultipleFilterItems(v: boolean) { this.setProp('enableMultipleFilterItems', v, () => undefined, true); }

  get fields(): XPivotFieldCollection {
    return this.child('fields', () => new PivotFieldCollectionProxy(this.ctx, `${this.path}.fields`, () => this.resolve()));
  }
}

export class AxisHierarchyCollectionProxy
  extends SimCollection<AxisTarget, AxisHierarchyProxy>
  implements XRowColumnPivotHierarchyCollection, XFilterPivotHierarchyCollection {
  get entity(): string {
    return this.axis === 'filters' ? 'FilterPivotHierarchyCollection' : 'RowColumnPivotHierarchyCollection';
  }

  constructor(ctx: SimContext, path: string, private readonly pivot: () => PivotState | null, private readonly axis: Axis) {
    super(ctx, path, () => {
      const p = pivot();
      return p ? axisList(p, axis).map((f) => ({ pivot: p, field: f.name, axis })) : [];
    });
  }

  protected makeItem(target: AxisTarget, index: number): AxisHierarchyProxy {
    return new AxisHierarchyProxy(this.ctx, `${this.path}.getItemAt(${index})`, () => target);
  }

  /** Adds a field to this axis, moving it off any other row/column/filter axis (as Excel does). */
  add(pivotHierarchy: XPivotHierarchy): AxisHierarchyProxy {
    let created: AxisTarget | undefined;
    const source = pivotHierarchy as PivotHierarchyProxy;
    this.ctx.enqueue({
      wire: [this.path, 'add', source.path],
      pivotEdit: true,
      run: () => {
        const p = this.pivot() ?? fail('ItemNotFound', `${this.entity}.add`);
        const h = source.resolve() ?? fail('InvalidArgument', `${this.entity}.add`);
        if (h.pivot !== p) fail('InvalidArgument', `${this.entity}.add`);
        const lower = h.field.toLowerCase();
        let kept: PivotFieldModel | undefined;
        for (const axis of ['rows', 'columns', 'filters'] as const) {
          const list = p.model[axis];
          const i = list.findIndex((f) => f.name.toLowerCase() === lower);
          if (i >= 0) kept = list.splice(i, 1)[0];
        }
        p.model[this.axis].push(kept ?? { name: h.field });
        p.markDirty();
        created = { pivot: p, field: h.field, axis: this.axis };
      },
    });
    return new AxisHierarchyProxy(this.ctx, `${this.path}.add(${source.path})`, () => created ?? fail('ItemNotFound', `${this.entity}.add`));
  }

  private find(name: string): AxisTarget | undefined {
    const p = this.pivot();
    if (!p) return undefined;
    const f = axisList(p, this.axis).find((x) => x.name.toLowerCase() === name.toLowerCase());
    return f ? { pivot: p, field: f.name, axis: this.axis } : undefined;
  }

  getItem(name: string): AxisHierarchyProxy {
    return new AxisHierarchyProxy(this.ctx, `${this.path}.getItem(${q(name)})`, () => this.find(name) ?? fail('ItemNotFound', `${this.entity}.getItem`));
  }

  getItemOrNullObject(name: string): AxisHierarchyProxy {
    return new AxisHierarchyProxy(this.ctx, `${this.path}.getItemOrNullObject(${q(name)})`, () => this.find(name) ?? null, true);
  }

  /** Removes the field from this axis (Office.js `remove`). */
  remove(hierarchy: XRowColumnPivotHierarchy | XFilterPivotHierarchy): void {
    const h = hierarchy as AxisHierarchyProxy;
    this.ctx.enqueue({
      wire: [this.path, 'remove', h.path],
      pivotEdit: true,
      run: () => {
        const t = h.resolve() ?? fail('InvalidArgument', `${this.entity}.remove`);
        const i = axisIndex({ ...t, axis: this.axis });
        if (i < 0) fail('InvalidArgument', `${this.entity}.remove`);
        axisList(t.pivot, this.axis).splice(i, 1);
        t.pivot.markDirty();
      },
    });
  }
}

// ---------------------------------------------------------------- data hierarchies

interface DataTarget {
  pivot: PivotState;
  data: PivotDataFieldModel;
}

export class DataHierarchyProxy extends SimObject<DataTarget> implements XDataPivotHierarchy {
  readonly entity = 'DataPivotHierarchy';

  constructor(ctx: SimContext, path: string, resolver: () => DataTarget | null, orNull = false) {
    super(ctx, path, resolver, orNull);
  }

  protected scalars(): Getters<DataTarget> {
    return {
      id: (d) => d.data.name,
      name: (d) => d.data.name,
      numberFormat: (d) => d.data.numberFormat ?? '',
      position: (d) => d.pivot.model.data.indexOf(d.data),
      showAs: (d) => ({ calculation: d.data.showAs ?? 'None' }),
      summarizeBy: (d) => d.data.summarizeBy,
    };
  }
  protected override nav(name: string): Collectable | undefined {
    return name === 'field' ? (this.field as PivotFieldProxy) : undefined;
  }

  private edit(name: string, value: unknown, apply: (d: DataTarget, v: unknown) => void): void {
    this.setProp(name, value, (d, v) => {
      apply(d, v);
      d.pivot.markDirty();
    }, true);
  }

  get id(): string { return this.prop('id'); }
  get name(): string { return this.prop('name'); }
  set name(v: string) {
    this.edit('name', v, (d, x) => {
      const name = String(x);
      const lower = name.toLowerCase();
      const clash = d.pivot.model.data.some((o) => o !== d.data && o.name.toLowerCase() === lower) || d.pivot.hasField(name) !== undefined;
      if (name === '' || clash) fail('InvalidArgument', 'DataPivotHierarchy.name', 'PivotTable field name already exists.');
      d.data.name = name;
    });
  }
  get numberFormat(): string { return this.prop('numberFormat'); }
  set numberFormat(v: string) { this.edit('numberFormat', v, (d, x) => { d.data.numberFormat = String(x); }); }
  get position(): number { return this.prop('position'); }
  set position(v: number) {
    this.edit('position', v, (d, x) => {
      const list = d.pivot.model.data;
      const to = Number(x);
      if (!Number.isInteger(to) || to < 0 || to >= list.length) fail('InvalidArgument', 'DataPivotHierarchy.position');
      list.splice(list.indexOf(d.data), 1);
      list.splice(to, 0, d.data);
    });
  }
  get showAs(): Excel.ShowAsRule { return this.prop('showAs'); }
  set showAs(v: Excel.ShowAsRule) {
    this.edit('showAs', v, (d, x) => {
      const calc = (x as Excel.ShowAsRule | null)?.calculation;
      if (typeof calc !== 'string') fail('InvalidArgument', 'DataPivotHierarchy.showAs');
      if (calc === 'None') delete d.data.showAs;
      else d.data.showAs = calc;
    });
  }
  get summarizeBy(): Excel.DataPivotHierarchy['summarizeBy'] { return this.prop('summarizeBy'); }
  set summarizeBy(v: Excel.DataPivotHierarchy['summarizeBy']) {
    this.edit('summarizeBy', v, (d, x) => {
      if (!SUMMARIZE.includes(x as SummarizeBy)) fail('InvalidArgument', 'DataPivotHierarchy.summarizeBy');
      const next = x as SummarizeBy;
      // Excel renames a caption it generated ("Sum of X" → "Count of X"); user captions stay.
      if (d.data.name === `${SUMMARIZE_CAPTION[d.data.summarizeBy]} of ${d.data.field}`) {
        d.data.name = uniqueCaption(d.pivot, `${SUMMARIZE_CAPTION[next]} of ${d.data.field}`, d.data);
      }
      d.data.summarizeBy = next;
    });
  }

  get field(): XPivotField {
    return this.child('field', () => new PivotFieldProxy(this.ctx, `${this.path}.field`, () => {
      const d = this.resolve();
      return d ? { pivot: d.pivot, field: d.data.field } : null;
    }));
  }
}

/** "Sum of Revenue", then "Sum of Revenue2", "Sum of Revenue3" ... as Excel numbers duplicates. */
function uniqueCaption(p: PivotState, base: string, self?: PivotDataFieldModel): string {
  const taken = (name: string) => p.model.data.some((d) => d !== self && d.name.toLowerCase() === name.toLowerCase());
  if (!taken(base)) return base;
  let n = 2;
  while (taken(`${base}${n}`)) n++;
  return `${base}${n}`;
}

export class DataHierarchyCollectionProxy extends SimCollection<DataTarget, DataHierarchyProxy> implements XDataPivotHierarchyCollection {
  readonly entity = 'DataPivotHierarchyCollection';

  constructor(ctx: SimContext, path: string, private readonly pivot: () => PivotState | null) {
    super(ctx, path, () => {
      const p = pivot();
      return p ? p.model.data.map((data) => ({ pivot: p, data })) : [];
    });
  }

  protected makeItem(target: DataTarget, index: number): DataHierarchyProxy {
    return new DataHierarchyProxy(this.ctx, `${this.path}.getItemAt(${index})`, () => target);
  }

  /** Default function: Sum for an all-numeric field, Count otherwise; caption "Sum of X". */
  add(pivotHierarchy: XPivotHierarchy): XDataPivotHierarchy {
    let created: DataTarget | undefined;
    const source = pivotHierarchy as PivotHierarchyProxy;
    this.ctx.enqueue({
      wire: [this.path, 'add', source.path],
      pivotEdit: true,
      run: () => {
        const p = this.pivot() ?? fail('ItemNotFound', 'DataPivotHierarchyCollection.add');
        const h = source.resolve() ?? fail('InvalidArgument', 'DataPivotHierarchyCollection.add');
        if (h.pivot !== p) fail('InvalidArgument', 'DataPivotHierarchyCollection.add');
        const summarizeBy: SummarizeBy = p.isNumericField(h.field) ? 'Sum' : 'Count';
        const data: PivotDataFieldModel = {
          field: h.field,
          name: uniqueCaption(p, `${SUMMARIZE_CAPTION[summarizeBy]} of ${h.field}`),
          summarizeBy,
        };
        p.model.data.push(data);
        p.markDirty();
        created = { pivot: p, data };
      },
    });
    return new DataHierarchyProxy(this.ctx, `${this.path}.add(${source.path})`, () => created ?? fail('ItemNotFound', 'DataPivotHierarchyCollection.add'));
  }

  private find(name: string): DataTarget | undefined {
    const p = this.pivot();
    const data = p?.model.data.find((d) => d.name.toLowerCase() === name.toLowerCase());
    return p && data ? { pivot: p, data } : undefined;
  }

  getItem(name: string): XDataPivotHierarchy {
    return new DataHierarchyProxy(this.ctx, `${this.path}.getItem(${q(name)})`, () => this.find(name) ?? fail('ItemNotFound', 'DataPivotHierarchyCollection.getItem'));
  }

  getItemOrNullObject(name: string): XDataPivotHierarchy {
    return new DataHierarchyProxy(this.ctx, `${this.path}.getItemOrNullObject(${q(name)})`, () => this.find(name) ?? null, true);
  }

  remove(hierarchy: XDataPivotHierarchy): void {
    const h = hierarchy as DataHierarchyProxy;
    this.ctx.enqueue({
      wire: [this.path, 'remove', h.path],
      pivotEdit: true,
      run: () => {
        const t = h.resolve() ?? fail('InvalidArgument', 'DataPivotHierarchyCollection.remove');
        const i = t.pivot.model.data.indexOf(t.data);
        if (i < 0) fail('InvalidArgument', 'DataPivotHierarchyCollection.remove');
        t.pivot.model.data.splice(i, 1);
        t.pivot.markDirty();
      },
    });
  }
}

// ---------------------------------------------------------------- fields & items

const SUBTOTAL_KEYS: Array<[keyof Excel.Subtotals, 'Automatic' | SummarizeBy]> = [
  ['automatic', 'Automatic'], ['sum', 'Sum'], ['count', 'Count'], ['average', 'Average'], ['max', 'Max'], ['min', 'Min'],
  ['product', 'Product'], ['countNumbers', 'CountNumbers'], ['standardDeviation', 'StandardDeviation'],
  ['standardDeviationP', 'StandardDeviationP'], ['variance', 'Variance'], ['varianceP', 'VarianceP'],
];

export class PivotFieldProxy extends SimObject<FieldTarget> implements XPivotField {
  readonly entity = 'PivotField';

  protected scalars(): Getters<FieldTarget> {
    return {
      id: (f) => f.field,
      name: (f) => f.field,
      showAllItems: () => false,
      subtotals: (f) => {
        const list = f.pivot.fieldModel(f.field)?.subtotals ?? ['Automatic'];
        const out: Excel.Subtotals = {};
        for (const [key, fn] of SUBTOTAL_KEYS) out[key] = list.includes(fn);
        return out;
      },
    };
  }
  protected override nav(name: string): Collectable | undefined {
    return name === 'items' ? (this.items as PivotItemCollectionProxy) : undefined;
  }

  get id(): string { return this.prop('id'); }
  get name(): string { return this.prop('name'); }
  set name(v: string) { this.setProp('name', v, () => fail('InvalidOperation', 'PivotField.name')); }
  get showAllItems(): boolean { return this.prop('showAllItems'); }
  set showAllItems(v: boolean) { this.setProp('showAllItems', v, () => undefined, true); }
  get subtotals(): Excel.Subtotals { return this.prop('subtotals'); }
  set subtotals(v: Excel.Subtotals) {
    this.setProp('subtotals', v, (f, x) => {
      const m = f.pivot.fieldModel(f.field) ?? fail('InvalidOperation', 'PivotField.subtotals');
      const chosen = SUBTOTAL_KEYS.filter(([key]) => (x as Excel.Subtotals)[key]).map(([, fn]) => fn);
      m.subtotals = chosen.includes('Automatic') ? ['Automatic'] : chosen;
      f.pivot.markDirty();
    }, true);
  }

  get items(): XPivotItemCollection {
    return this.child('items', () => new PivotItemCollectionProxy(this.ctx, `${this.path}.items`, () => this.resolve()));
  }
}

export class PivotFieldCollectionProxy extends SimCollection<FieldTarget, PivotFieldProxy> implements XPivotFieldCollection {
  readonly entity = 'PivotFieldCollection';

  constructor(ctx: SimContext, path: string, private readonly owner: () => FieldTarget | null) {
    super(ctx, path, () => {
      const o = owner();
      return o ? [{ pivot: o.pivot, field: o.field }] : [];
    });
  }

  protected makeItem(target: FieldTarget, index: number): PivotFieldProxy {
    return new PivotFieldProxy(this.ctx, `${this.path}.getItemAt(${index})`, () => target);
  }

  getItem(name: string): XPivotField {
    return new PivotFieldProxy(this.ctx, `${this.path}.getItem(${q(name)})`, () => {
      const o = this.owner() ?? fail('ItemNotFound', 'PivotFieldCollection.getItem');
      if (o.field.toLowerCase() !== name.toLowerCase()) fail('ItemNotFound', 'PivotFieldCollection.getItem');
      return { pivot: o.pivot, field: o.field };
    });
  }
}

interface ItemTarget extends FieldTarget {
  item: string;
}

function isHidden(t: ItemTarget): boolean {
  const hidden = t.pivot.fieldModel(t.field)?.hiddenItems ?? [];
  return hidden.some((h) => h.toLowerCase() === t.item.toLowerCase());
}

export class PivotItemProxy extends SimObject<ItemTarget> implements XPivotItem {
  readonly entity = 'PivotItem';

  protected scalars(): Getters<ItemTarget> {
    return {
      id: (i) => `${i.field}:${i.item}`,
      name: (i) => i.item,
      visible: (i) => !isHidden(i),
      isExpanded: () => true,
    };
  }

  get id(): string { return this.prop('id'); }
  get name(): string { return this.prop('name'); }
  set name(v: string) { this.setProp('name', v, () => fail('InvalidOperation', 'PivotItem.name')); }
  get isExpanded(): boolean { return this.prop('isExpanded'); }
  set isExpanded(v: boolean) { this.setProp('isExpanded', v, () => undefined, true); }
  get visible(): boolean { return this.prop('visible'); }
  /** Hiding an item filters it out of the pivot; Excel refuses to hide the last visible item. */
  set visible(v: boolean) {
    this.setProp('visible', v, (i, x) => {
      const m = i.pivot.fieldModel(i.field) ?? fail('InvalidOperation', 'PivotItem.visible');
      const hidden = (m.hiddenItems ?? []).filter((h) => h.toLowerCase() !== i.item.toLowerCase());
      if (!x) hidden.push(i.item);
      if (hidden.length >= i.pivot.fieldItems(i.field).length) fail('InvalidOperation', 'PivotItem.visible');
      if (hidden.length) m.hiddenItems = hidden;
      else delete m.hiddenItems;
      i.pivot.markDirty();
    }, true);
  }
}

export class PivotItemCollectionProxy extends SimCollection<ItemTarget, PivotItemProxy> implements XPivotItemCollection {
  readonly entity = 'PivotItemCollection';

  constructor(ctx: SimContext, path: string, private readonly owner: () => FieldTarget | null) {
    super(ctx, path, () => {
      const o = owner();
      return o ? o.pivot.fieldItems(o.field).map((item) => ({ ...o, item })) : [];
    });
  }

  protected makeItem(target: ItemTarget, index: number): PivotItemProxy {
    return new PivotItemProxy(this.ctx, `${this.path}.getItemAt(${index})`, () => target);
  }

  getItem(name: string): XPivotItem {
    return new PivotItemProxy(this.ctx, `${this.path}.getItem(${q(name)})`, () => {
      const o = this.owner() ?? fail('ItemNotFound', 'PivotItemCollection.getItem');
      const item = o.pivot.fieldItems(o.field).find((c) => c.toLowerCase() === name.toLowerCase()) ?? fail('ItemNotFound', 'PivotItemCollection.getItem');
      return { ...o, item };
    });
  }
}
