/**
 * Chart proxies: ChartCollection, Chart, ChartTitle, ChartLegend, ChartSeriesCollection,
 * ChartSeries (+ format fill/line), ChartAxes, ChartAxis, ChartAxisTitle.
 *
 * A chart's series reference cells ("Dash!$B$2:$B$13"), so values read back are the cells' values
 * at that moment, as in Excel. Positions are points from the sheet's top-left corner.
 */
import type {
  XChart, XChartAxes, XChartAxis, XChartAxisTitle, XChartCollection, XChartFill, XChartLegend, XChartLineFormat, XChartSeries,
  XChartSeriesBy, XChartSeriesCollection, XChartSeriesFormat, XChartPointsCollection, XChartPoint, XChartTitle, XChartType, XClientResult, XRange, XWorksheet,
} from '../../excel/api';
import { formatAbsolute } from '../../engine/address/a1';
import { fail } from '../errors';
import type { ChartAxisModel, ChartModel, ChartSeriesModel } from '../model';
import { checkChartType, layoutSeries, newChart, readRef, seriesCategories, seriesName } from '../state/chart';
import type { SheetState } from '../state/sheet';
import type { RangeRef } from '../state/workbook';
import { type Collectable, type Getters, q, SimCollection, SimObject } from './base';
import type { SimContext } from './context';
import { normalizeColor, RangeProxy } from './range';
import { WorksheetProxy } from './worksheet';

interface ChartTarget {
  sheet: SheetState;
  chart: ChartModel;
}

const SERIES_BY = new Set(['Auto', 'Columns', 'Rows']);

const isRound = (type: string) => /Pie|Doughnut/.test(type);

function checkNumber(x: unknown, location: string): number {
  if (typeof x !== 'number' || !Number.isFinite(x) || x < 0) return fail('InvalidArgument', location);
  return x;
}

/** The sheet cells behind a Range proxy argument (same sheet as the chart unless qualified). */
function rangeArg(ctx: SimContext, arg: XRange | string, sheet: SheetState, location: string): RangeRef {
  if (typeof arg === 'string') return ctx.state.resolveAddress(arg, sheet, location);
  if (!(arg instanceof RangeProxy)) return fail('InvalidArgument', location);
  return arg.resolve() ?? fail('ItemNotFound', location);
}

export class ChartCollectionProxy extends SimCollection<ChartTarget, ChartProxy> implements XChartCollection {
  readonly entity = 'ChartCollection';

  constructor(ctx: SimContext, path: string, private readonly sheetOf: () => SheetState | null) {
    super(ctx, path, () => {
      const sheet = sheetOf();
      return sheet ? sheet.charts.map((chart) => ({ sheet, chart })) : null;
    });
  }

  protected makeItem(target: ChartTarget, index: number): ChartProxy {
    return new ChartProxy(this.ctx, `${this.path}.getItemAt(${index})`, () => target);
  }

  override get count(): number { return super.count; }

  add(type: XChartType, sourceData: XRange, seriesBy: XChartSeriesBy = 'Auto'): XChart {
    let created: ChartTarget | undefined;
    this.ctx.enqueue({
      wire: [this.path, 'add', type, (sourceData as RangeProxy).path, seriesBy],
      run: () => {
        const sheet = this.sheetOf() ?? fail('ItemNotFound', 'ChartCollection.add');
        const chartType = checkChartType(type, 'ChartCollection.add');
        if (!SERIES_BY.has(seriesBy)) fail('InvalidArgument', 'ChartCollection.add');
        const source = rangeArg(this.ctx, sourceData, sheet, 'ChartCollection.add');
        const chart = newChart(source.sheet, this.ctx.state.newId('CHART'), chartType, source.area, seriesBy);
        if (source.sheet !== sheet) {
          // Data on another sheet: the chart still lives on this one.
          chart.left = 0;
          chart.top = 0;
        }
        sheet.charts.push(chart);
        created = { sheet, chart };
        this.ctx.state.changed();
      },
    });
    return new ChartProxy(this.ctx, `${this.path}.add(${q(type)})`, () => created ?? fail('ItemNotFound', 'ChartCollection.add'));
  }

  getCount(): XClientResult<number> {
    return this.result('getCount', [], (list) => list.length);
  }

  getItem(name: string): XChart {
    return new ChartProxy(this.ctx, `${this.path}.getItem(${q(name)})`, () => this.find(name) ?? fail('ItemNotFound', 'ChartCollection.getItem'));
  }

  getItemAt(index: number): XChart {
    return new ChartProxy(this.ctx, `${this.path}.getItemAt(${index})`, () => {
      const list = this.resolve() ?? [];
      return list[index] ?? fail('InvalidArgument', 'ChartCollection.getItemAt');
    });
  }

  getItemOrNullObject(name: string): XChart {
    return new ChartProxy(this.ctx, `${this.path}.getItemOrNullObject(${q(name)})`, () => this.find(name) ?? null, true);
  }

  private find(name: string): ChartTarget | undefined {
    const sheet = this.sheetOf();
    const chart = sheet?.charts.find((c) => c.name.toLowerCase() === name.toLowerCase());
    return sheet && chart ? { sheet, chart } : undefined;
  }
}

export class ChartProxy extends SimObject<ChartTarget> implements XChart {
  readonly entity = 'Chart';

  constructor(ctx: SimContext, path: string, resolver: () => ChartTarget | null, orNull = false) {
    super(ctx, path, () => {
      const t = resolver();
      // A deleted chart no longer resolves.
      return t && t.sheet.charts.includes(t.chart) ? t : null;
    }, orNull);
  }

  protected scalars(): Getters<ChartTarget> {
    return {
      id: (t) => t.chart.id,
      name: (t) => t.chart.name,
      chartType: (t) => t.chart.chartType,
      top: (t) => t.chart.top,
      left: (t) => t.chart.left,
      width: (t) => t.chart.width,
      height: (t) => t.chart.height,
    };
  }

  protected override nav(name: string): Collectable | undefined {
    const navs: Record<string, () => unknown> = {
      title: () => this.title,
      legend: () => this.legend,
      series: () => this.series,
      axes: () => this.axes,
      worksheet: () => this.worksheet,
    };
    return navs[name]?.() as Collectable | undefined;
  }

  private edit(name: string, v: unknown, apply: (t: ChartTarget, x: unknown) => void): void {
    this.setProp(name, v, (t, x) => {
      apply(t, x);
      this.ctx.state.changed();
    });
  }

  get id(): string { return this.prop('id'); }
  get name(): string { return this.prop('name'); }
  set name(v: string) {
    this.edit('name', v, (t, x) => {
      if (typeof x !== 'string' || x.trim() === '') fail('InvalidArgument', 'Chart.name');
      t.chart.name = x;
    });
  }
  get chartType(): XChartType { return this.prop('chartType'); }
  set chartType(v: XChartType) {
    this.edit('chartType', v, (t, x) => {
      const type = checkChartType(x, 'Chart.chartType');
      t.chart.chartType = type;
      // Changing the chart's type changes every series, which ends a combo chart.
      for (const s of t.chart.series) {
        s.chartType = type;
        s.axisGroup = 'Primary';
      }
    });
  }
  get top(): number { return this.prop('top'); }
  set top(v: number) { this.edit('top', v, (t, x) => { t.chart.top = checkNumber(x, 'Chart.top'); }); }
  get left(): number { return this.prop('left'); }
  set left(v: number) { this.edit('left', v, (t, x) => { t.chart.left = checkNumber(x, 'Chart.left'); }); }
  get width(): number { return this.prop('width'); }
  set width(v: number) { this.edit('width', v, (t, x) => { t.chart.width = checkNumber(x, 'Chart.width'); }); }
  get height(): number { return this.prop('height'); }
  set height(v: number) { this.edit('height', v, (t, x) => { t.chart.height = checkNumber(x, 'Chart.height'); }); }

  get title(): XChartTitle {
    return this.child('title', () => new ChartPartProxy(this.ctx, `${this.path}.title`, () => this.resolve()?.chart.title ?? null, 'ChartTitle', {
      text: 'string', visible: 'boolean', overlay: 'boolean',
    })) as unknown as XChartTitle;
  }

  get legend(): XChartLegend {
    return this.child('legend', () => new ChartPartProxy(this.ctx, `${this.path}.legend`, () => this.resolve()?.chart.legend ?? null, 'ChartLegend', {
      visible: 'boolean', position: ['Top', 'Bottom', 'Left', 'Right', 'Corner', 'Custom'], overlay: 'boolean',
    })) as unknown as XChartLegend;
  }

  get series(): XChartSeriesCollection {
    return this.child('series', () => new ChartSeriesCollectionProxy(this.ctx, `${this.path}.series`, () => this.resolve()));
  }

  get axes(): XChartAxes {
    return this.child('axes', () => new ChartAxesProxy(this.ctx, `${this.path}.axes`, () => this.resolve()));
  }

  get worksheet(): XWorksheet {
    return this.child('worksheet', () => new WorksheetProxy(this.ctx, `${this.path}.worksheet`, () => this.resolve()?.sheet ?? null));
  }

  delete(): void {
    this.invoke('delete', [], (t) => {
      t.sheet.charts.splice(t.sheet.charts.indexOf(t.chart), 1);
      this.ctx.state.changed();
    });
  }

  setData(sourceData: XRange, seriesBy: XChartSeriesBy = 'Auto'): void {
    this.invoke('setData', [(sourceData as RangeProxy).path, seriesBy], (t) => {
      if (!SERIES_BY.has(seriesBy)) fail('InvalidArgument', 'Chart.setData');
      const source = rangeArg(this.ctx, sourceData, t.sheet, 'Chart.setData');
      t.chart.series = layoutSeries(source.sheet, source.area, seriesBy, t.chart.chartType);
      this.ctx.state.changed();
    });
  }

  setPosition(startCell: XRange | string, endCell?: XRange | string): void {
    const wire = (x: XRange | string | undefined) => (x === undefined || typeof x === 'string' ? x : (x as RangeProxy).path);
    this.invoke('setPosition', [wire(startCell), wire(endCell)], (t) => {
      const start = rangeArg(this.ctx, startCell, t.sheet, 'Chart.setPosition');
      if (start.sheet !== t.sheet) fail('InvalidArgument', 'Chart.setPosition');
      const s = t.sheet;
      t.chart.left = s.columnLeft(start.area.column);
      t.chart.top = s.rowTop(start.area.row);
      if (endCell !== undefined) {
        const end = rangeArg(this.ctx, endCell, t.sheet, 'Chart.setPosition');
        if (end.sheet !== t.sheet) fail('InvalidArgument', 'Chart.setPosition');
        const right = s.columnLeft(end.area.column + end.area.columns);
        const bottom = s.rowTop(end.area.row + end.area.rows);
        if (right <= t.chart.left || bottom <= t.chart.top) fail('InvalidArgument', 'Chart.setPosition');
        t.chart.width = right - t.chart.left;
        t.chart.height = bottom - t.chart.top;
      }
      this.ctx.state.changed();
    });
  }
}

/** A plain sub-object (title, legend, axis title) whose properties are checked by kind. */
type FieldKind = 'string' | 'boolean' | 'number' | string[];

class ChartPartProxy extends SimObject<Record<string, unknown>> {
  constructor(
    ctx: SimContext,
    path: string,
    resolver: () => object | null,
    readonly entity: string,
    private readonly fields: Record<string, FieldKind>,
  ) {
    super(ctx, path, resolver as () => Record<string, unknown> | null);
    for (const name of Object.keys(fields)) {
      Object.defineProperty(this, name, {
        get: () => this.prop(name),
        set: (v: unknown) => this.setField(name, v),
        enumerable: true,
      });
    }
  }

  protected scalars(): Getters<Record<string, unknown>> {
    return Object.fromEntries(Object.keys(this.fields).map((k) => [k, (t: Record<string, unknown>) => t[k]]));
  }

  private setField(name: string, v: unknown): void {
    this.setProp(name, v, (t, x) => {
      const kind = this.fields[name];
      const ok = Array.isArray(kind) ? kind.includes(x as string) : typeof x === kind;
      if (!ok) fail('InvalidArgument', `${this.entity}.${name}`);
      t[name] = x;
      this.ctx.state.changed();
    });
  }
}

interface SeriesTarget {
  sheet: SheetState;
  chart: ChartModel;
  series: ChartSeriesModel;
}

export class ChartSeriesCollectionProxy extends SimCollection<SeriesTarget, ChartSeriesProxy> implements XChartSeriesCollection {
  readonly entity = 'ChartSeriesCollection';

  constructor(ctx: SimContext, path: string, private readonly chartOf: () => ChartTarget | null) {
    super(ctx, path, () => {
      const t = chartOf();
      return t ? t.chart.series.map((series) => ({ ...t, series })) : null;
    });
  }

  protected makeItem(target: SeriesTarget, index: number): ChartSeriesProxy {
    return new ChartSeriesProxy(this.ctx, `${this.path}.getItemAt(${index})`, () => target);
  }

  override get count(): number { return super.count; }

  add(name?: string, index?: number): XChartSeries {
    let created: SeriesTarget | undefined;
    this.ctx.enqueue({
      wire: [this.path, 'add', name, index],
      run: () => {
        const t = this.chartOf() ?? fail('ItemNotFound', 'ChartSeriesCollection.add');
        const list = t.chart.series;
        const at = index === undefined ? list.length : index;
        if (!Number.isInteger(at) || at < 0 || at > list.length) fail('InvalidArgument', 'ChartSeriesCollection.add');
        const series: ChartSeriesModel = { name: name ?? `Series${list.length + 1}`, chartType: t.chart.chartType, axisGroup: 'Primary' };
        list.splice(at, 0, series);
        created = { ...t, series };
        this.ctx.state.changed();
      },
    });
    return new ChartSeriesProxy(this.ctx, `${this.path}.add(${name === undefined ? '' : q(name)})`, () => created ?? fail('ItemNotFound', 'ChartSeriesCollection.add'));
  }

  getCount(): XClientResult<number> {
    return this.result('getCount', [], (list) => list.length);
  }

  getItemAt(index: number): XChartSeries {
    return new ChartSeriesProxy(this.ctx, `${this.path}.getItemAt(${index})`, () => {
      const list = this.resolve() ?? fail('ItemNotFound', 'ChartSeriesCollection.getItemAt');
      return list[index] ?? fail('InvalidArgument', 'ChartSeriesCollection.getItemAt');
    });
  }
}

export class ChartSeriesProxy extends SimObject<SeriesTarget> implements XChartSeries {
  readonly entity = 'ChartSeries';

  constructor(ctx: SimContext, path: string, resolver: () => SeriesTarget | null) {
    super(ctx, path, () => {
      const t = resolver();
      return t && t.sheet.charts.includes(t.chart) && t.chart.series.includes(t.series) ? t : null;
    });
  }

  private find = (name: string) => this.ctx.state.findSheet(name);

  protected scalars(): Getters<SeriesTarget> {
    return {
      name: (t) => seriesName(t.series, this.find),
      chartType: (t) => t.series.chartType,
      axisGroup: (t) => t.series.axisGroup,
      hasDataLabels: (t) => t.series.hasDataLabels ?? false,
    };
  }

  protected override nav(name: string): Collectable | undefined {
    return name === 'format' ? (this.format as unknown as Collectable) : undefined;
  }

  private edit(name: string, v: unknown, apply: (t: SeriesTarget, x: unknown) => void): void {
    this.setProp(name, v, (t, x) => {
      apply(t, x);
      this.ctx.state.changed();
    });
  }

  get name(): string { return this.prop('name'); }
  set name(v: string) {
    this.edit('name', v, (t, x) => {
      if (typeof x !== 'string') fail('InvalidArgument', 'ChartSeries.name');
      t.series.name = x;
      delete t.series.nameRef;
    });
  }
  get chartType(): XChartType { return this.prop('chartType'); }
  set chartType(v: XChartType) { this.edit('chartType', v, (t, x) => { t.series.chartType = checkChartType(x, 'ChartSeries.chartType'); }); }
  get axisGroup(): 'Primary' | 'Secondary' { return this.prop('axisGroup'); }
  set axisGroup(v: 'Primary' | 'Secondary') {
    this.edit('axisGroup', v, (t, x) => {
      if (x !== 'Primary' && x !== 'Secondary') fail('InvalidArgument', 'ChartSeries.axisGroup');
      // Pie and doughnut charts have no axes.
      if (x === 'Secondary' && isRound(t.series.chartType)) fail('InvalidArgument', 'ChartSeries.axisGroup');
      t.series.axisGroup = x;
    });
  }
  get hasDataLabels(): boolean { return this.prop('hasDataLabels'); }
  set hasDataLabels(v: boolean) { this.edit('hasDataLabels', v, (t, x) => { t.series.hasDataLabels = Boolean(x); }); }

  get format(): XChartSeriesFormat {
    return this.child('format', () => new ChartSeriesFormatProxy(this.ctx, `${this.path}.format`, () => this.resolve()?.series ?? null));
  }

  get points(): XChartPointsCollection {
    return {
      getItemAt: (index: number): XChartPoint => {
        const path = `${this.path}.points.getItemAt(${index})`;
        const point = new ChartPointFillProxy(this.ctx, `${path}.format.fill`, () => {
          const t = this.resolve();
          return t ? { series: t.series, index } : null;
        }, (t) => readRef(t.series.valuesRef, this.find).length);
        return { format: { fill: point } };
      },
    };
  }

  delete(): void {
    this.invoke('delete', [], (t) => {
      t.chart.series.splice(t.chart.series.indexOf(t.series), 1);
      this.ctx.state.changed();
    });
  }

  private setRef(method: string, sourceData: XRange, key: 'valuesRef' | 'categoriesRef'): void {
    this.invoke(method, [(sourceData as RangeProxy).path], (t) => {
      const ref = rangeArg(this.ctx, sourceData, t.sheet, `ChartSeries.${method}`);
      if (ref.area.rows > 1 && ref.area.columns > 1) fail('InvalidArgument', `ChartSeries.${method}`);
      t.series[key] = formatAbsolute(ref.sheet.name, ref.area);
      this.ctx.state.changed();
    });
  }

  setValues(sourceData: XRange): void {
    this.setRef('setValues', sourceData, 'valuesRef');
  }

  setXAxisValues(sourceData: XRange): void {
    this.setRef('setXAxisValues', sourceData, 'categoriesRef');
  }

  getDimensionValues(dimension: string): XClientResult<string[]> {
    return this.result('getDimensionValues', [dimension], (t) => {
      this.ctx.state.ensureCalculated();
      if (dimension === 'Categories' || dimension === 'XValues') return seriesCategories(t.series, this.find);
      if (dimension === 'Values' || dimension === 'YValues') return readRef(t.series.valuesRef, this.find).map((c) => (c.value === '' ? '' : String(c.value)));
      return fail('InvalidArgument', 'ChartSeries.getDimensionValues');
    });
  }
}

class ChartSeriesFormatProxy extends SimObject<ChartSeriesModel> implements XChartSeriesFormat {
  readonly entity = 'ChartSeriesFormat';

  protected scalars(): Getters<ChartSeriesModel> {
    return {};
  }

  protected override nav(name: string): Collectable | undefined {
    return name === 'line' ? (this.line as unknown as Collectable) : undefined;
  }

  get fill(): XChartFill {
    return this.child('fill', () => new ChartFillProxy(this.ctx, `${this.path}.fill`, () => this.resolve()));
  }

  get line(): XChartLineFormat {
    return this.child('line', () => new ChartLineProxy(this.ctx, `${this.path}.line`, () => this.resolve()));
  }
}

class ChartFillProxy extends SimObject<ChartSeriesModel> implements XChartFill {
  readonly entity = 'ChartFill';

  protected scalars(): Getters<ChartSeriesModel> {
    return {};
  }

  clear(): void {
    this.invoke('clear', [], (s) => {
      delete s.fillColor;
      this.ctx.state.changed();
    });
  }

  setSolidColor(color: string): void {
    this.invoke('setSolidColor', [color], (s) => {
      s.fillColor = normalizeColor(color, 'ChartFill.setSolidColor');
      this.ctx.state.changed();
    });
  }
}

/**
 * One point's fill (ChartPoint.format.fill, ExcelApi 1.1). Excel refuses an index past the
 * series' last point with InvalidArgument; the colour is kept per index, as Excel keeps a
 * formatted point's colour when the series' values change.
 */
class ChartPointFillProxy extends SimObject<{ series: ChartSeriesModel; index: number }> implements XChartFill {
  readonly entity = 'ChartFill';

  constructor(ctx: SimContext, path: string, resolver: () => { series: ChartSeriesModel; index: number } | null, private readonly count: (t: { series: ChartSeriesModel; index: number }) => number) {
    super(ctx, path, resolver);
  }

  protected scalars(): Getters<{ series: ChartSeriesModel; index: number }> {
    return {};
  }

  private point(t: { series: ChartSeriesModel; index: number }): void {
    if (!Number.isInteger(t.index) || t.index < 0 || t.index >= this.count(t)) fail('InvalidArgument', 'ChartPointsCollection.getItemAt');
  }

  clear(): void {
    this.invoke('clear', [], (t) => {
      this.point(t);
      if (t.series.pointColors) delete t.series.pointColors[String(t.index)];
      this.ctx.state.changed();
    });
  }

  setSolidColor(color: string): void {
    this.invoke('setSolidColor', [color], (t) => {
      this.point(t);
      t.series.pointColors = { ...(t.series.pointColors ?? {}), [String(t.index)]: normalizeColor(color, 'ChartFill.setSolidColor') };
      this.ctx.state.changed();
    });
  }
}

class ChartLineProxy extends SimObject<ChartSeriesModel> implements XChartLineFormat {
  readonly entity = 'ChartLineFormat';

  protected scalars(): Getters<ChartSeriesModel> {
    return { color: (s) => s.lineColor ?? null };
  }

  get color(): string { return this.prop('color'); }
  set color(v: string) {
    this.setProp('color', v, (s, x) => {
      s.lineColor = normalizeColor(x, 'ChartLineFormat.color');
      this.ctx.state.changed();
    });
  }
}

class ChartAxesProxy extends SimObject<ChartTarget> implements XChartAxes {
  readonly entity = 'ChartAxes';

  protected scalars(): Getters<ChartTarget> {
    return {};
  }

  protected override nav(name: string): Collectable | undefined {
    if (name === 'categoryAxis') return this.categoryAxis as unknown as Collectable;
    if (name === 'valueAxis') return this.valueAxis as unknown as Collectable;
    return undefined;
  }

  /** Pie and doughnut charts have no axes: Excel refuses to reach one. */
  private axesOf(location: string): ChartTarget['chart']['axes'] {
    const t = this.need(location);
    if (t.chart.series.length > 0 && t.chart.series.every((s) => isRound(s.chartType))) {
      fail('InvalidArgument', location, 'A pie or doughnut chart has no axes.');
    }
    return t.chart.axes;
  }

  get categoryAxis(): XChartAxis {
    return this.child('categoryAxis', () => new ChartAxisProxy(this.ctx, `${this.path}.categoryAxis`, () => this.axesOf('ChartAxes.categoryAxis').category));
  }

  get valueAxis(): XChartAxis {
    return this.child('valueAxis', () => new ChartAxisProxy(this.ctx, `${this.path}.valueAxis`, () => this.axesOf('ChartAxes.valueAxis').value));
  }

  /** getItem('Value', 'Secondary') is the right-hand axis of a combo chart. */
  getItem(type: string, group: string = 'Primary'): XChartAxis {
    return new ChartAxisProxy(this.ctx, `${this.path}.getItem(${q(type)},${q(group)})`, () => {
      const axes = this.axesOf('ChartAxes.getItem');
      if (type === 'Category') return axes.category;
      if (type === 'Value') return group === 'Secondary' ? axes.secondaryValue : axes.value;
      return fail('InvalidArgument', 'ChartAxes.getItem');
    });
  }
}

class ChartAxisProxy extends SimObject<ChartAxisModel> implements XChartAxis {
  readonly entity = 'ChartAxis';

  protected scalars(): Getters<ChartAxisModel> {
    return {
      numberFormat: (a) => a.numberFormat,
      visible: (a) => a.visible,
      minimum: (a) => a.minimum ?? null,
      maximum: (a) => a.maximum ?? null,
    };
  }

  protected override nav(name: string): Collectable | undefined {
    return name === 'title' ? (this.title as unknown as Collectable) : undefined;
  }

  get title(): XChartAxisTitle {
    return this.child('title', () => new ChartPartProxy(this.ctx, `${this.path}.title`, () => this.resolve()?.title ?? null, 'ChartAxisTitle', {
      text: 'string', visible: 'boolean',
    })) as unknown as XChartAxisTitle;
  }

  private edit(name: string, v: unknown, apply: (a: ChartAxisModel, x: unknown) => void): void {
    this.setProp(name, v, (a, x) => {
      apply(a, x);
      this.ctx.state.changed();
    });
  }

  get numberFormat(): string { return this.prop('numberFormat'); }
  set numberFormat(v: string) { this.edit('numberFormat', v, (a, x) => { a.numberFormat = typeof x === 'string' ? x : fail('InvalidArgument', 'ChartAxis.numberFormat'); }); }
  get visible(): boolean { return this.prop('visible'); }
  set visible(v: boolean) { this.edit('visible', v, (a, x) => { a.visible = Boolean(x); }); }
  // `any` in Office.js: a number, or "" / null for automatic.
  get minimum(): Excel.ChartAxis['minimum'] { return this.prop('minimum'); }
  set minimum(v: Excel.ChartAxis['minimum']) { this.edit('minimum', v, (a, x) => { a.minimum = typeof x === 'number' ? x : undefined; }); }
  get maximum(): Excel.ChartAxis['maximum'] { return this.prop('maximum'); }
  set maximum(v: Excel.ChartAxis['maximum']) { this.edit('maximum', v, (a, x) => { a.maximum = typeof x === 'number' ? x : undefined; }); }
}
