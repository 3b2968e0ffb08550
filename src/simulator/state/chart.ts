/**
 * Native charts as plain models: how Excel lays a source range out into series when a chart is
 * added, and how a series reads its live values from cells.
 */
import type { CellValue } from '../../excel/api';
import { type Area, formatAbsolute, parseArea, splitSheet } from '../../engine/address/a1';
import { fail } from '../errors';
import { formatValue } from '../format';
import type { ChartAxisModel, ChartModel, ChartSeriesModel } from '../model';
import type { SheetState } from './sheet';

/** Every chart type Office.js names (Excel.ChartType), for argument checks. */
export const CHART_TYPES = new Set(
  ('ColumnClustered ColumnStacked ColumnStacked100 3DColumnClustered 3DColumnStacked 3DColumnStacked100 BarClustered BarStacked ' +
    'BarStacked100 3DBarClustered 3DBarStacked 3DBarStacked100 LineStacked LineStacked100 LineMarkers LineMarkersStacked ' +
    'LineMarkersStacked100 PieOfPie PieExploded 3DPieExploded BarOfPie XYScatterSmooth XYScatterSmoothNoMarkers XYScatterLines ' +
    'XYScatterLinesNoMarkers AreaStacked AreaStacked100 3DAreaStacked 3DAreaStacked100 DoughnutExploded RadarMarkers RadarFilled ' +
    'Surface SurfaceWireframe SurfaceTopView SurfaceTopViewWireframe Bubble Bubble3DEffect StockHLC StockOHLC StockVHLC StockVOHLC ' +
    'CylinderColClustered CylinderColStacked CylinderColStacked100 CylinderBarClustered CylinderBarStacked CylinderBarStacked100 ' +
    'CylinderCol ConeColClustered ConeColStacked ConeColStacked100 ConeBarClustered ConeBarStacked ConeBarStacked100 ConeCol ' +
    'PyramidColClustered PyramidColStacked PyramidColStacked100 PyramidBarClustered PyramidBarStacked PyramidBarStacked100 ' +
    'PyramidCol 3DColumn Line 3DLine 3DPie Pie XYScatter 3DArea Area Doughnut Radar Histogram Boxwhisker Pareto RegionMap ' +
    'Treemap Waterfall Sunburst Funnel').split(' '),
);

/** Excel's default size of a new chart: 5 × 3 inches. */
export const DEFAULT_CHART_WIDTH = 360;
export const DEFAULT_CHART_HEIGHT = 216;

export function checkChartType(type: unknown, location: string): string {
  if (typeof type !== 'string' || !CHART_TYPES.has(type)) return fail('InvalidArgument', location);
  return type;
}

const axis = (): ChartAxisModel => ({ title: { text: 'Axis Title', visible: false }, numberFormat: 'General', visible: true });

function isLabel(sheet: SheetState, r: number, c: number): boolean {
  const v = sheet.value(r, c);
  if (typeof v === 'string') return true;
  // A date column reads as categories in Excel too.
  return typeof v === 'number' && /[dmy]/i.test(sheet.numberFormat(r, c).replace(/\[[^\]]*\]|"[^"]*"/g, ''));
}

/**
 * Splits a source range into series like Excel's chart wizard:
 * - a first row whose cells (after the first) are all text or blank, with at least one text, or a
 *   blank top-left corner, holds series names (by columns) / categories (by rows);
 * - a first column whose cells below that row are all text (or dates) holds categories (by
 *   columns) / series names (by rows);
 * - 'Auto' puts series in columns when the data has at least as many rows as columns.
 * @example
 * // A1:C4 = [["Month","Sales","Margin"],["Jan",10,2],["Feb",12,3],["Mar",9,1]]
 * layoutSeries(sheet, parseArea('A1:C4'), 'Auto') // 2 series: Sales (B2:B4), Margin (C2:C4), categories A2:A4
 */
export function layoutSeries(sheet: SheetState, area: Area, seriesBy: string, chartType: string): ChartSeriesModel[] {
  const { row: r0, column: c0, rows, columns } = area;
  const topLeftBlank = sheet.value(r0, c0) === '';
  let rowLabels = rows > 1 && topLeftBlank;
  if (!rowLabels && rows > 1) {
    let text = 0, numbers = 0;
    for (let c = c0 + (columns > 1 ? 1 : 0); c < c0 + columns; c++) {
      const v = sheet.value(r0, c);
      if (typeof v === 'string' && v !== '') text++;
      else if (v !== '') numbers++;
    }
    rowLabels = text > 0 && numbers === 0;
  }
  let colLabels = columns > 1;
  if (colLabels) {
    for (let r = r0 + (rowLabels ? 1 : 0); r < r0 + rows; r++) {
      if (!isLabel(sheet, r, c0)) { colLabels = false; break; }
    }
  }
  const dataRows = rows - (rowLabels ? 1 : 0);
  const dataCols = columns - (colLabels ? 1 : 0);
  if (dataRows < 1 || dataCols < 1) return [];
  const byColumns = seriesBy === 'Columns' || (seriesBy !== 'Rows' && dataRows >= dataCols);
  const ref = (a: Area) => formatAbsolute(sheet.name, a);
  const out: ChartSeriesModel[] = [];
  const firstDataRow = r0 + (rowLabels ? 1 : 0);
  const firstDataCol = c0 + (colLabels ? 1 : 0);
  if (byColumns) {
    for (let c = firstDataCol; c < c0 + columns; c++) {
      const i = out.length;
      out.push({
        name: `Series${i + 1}`,
        ...(rowLabels ? { nameRef: ref({ row: r0, column: c, rows: 1, columns: 1 }) } : {}),
        valuesRef: ref({ row: firstDataRow, column: c, rows: dataRows, columns: 1 }),
        ...(colLabels ? { categoriesRef: ref({ row: firstDataRow, column: c0, rows: dataRows, columns: 1 }) } : {}),
        chartType,
        axisGroup: 'Primary',
      });
    }
  } else {
    for (let r = firstDataRow; r < r0 + rows; r++) {
      const i = out.length;
      out.push({
        name: `Series${i + 1}`,
        ...(colLabels ? { nameRef: ref({ row: r, column: c0, rows: 1, columns: 1 }) } : {}),
        valuesRef: ref({ row: r, column: firstDataCol, rows: 1, columns: dataCols }),
        ...(rowLabels ? { categoriesRef: ref({ row: r0, column: firstDataCol, rows: 1, columns: dataCols }) } : {}),
        chartType,
        axisGroup: 'Primary',
      });
    }
  }
  return out;
}

export function newChart(sheet: SheetState, id: string, chartType: string, area: Area, seriesBy: string): ChartModel {
  let n = 1;
  while (sheet.charts.some((c) => c.name === `Chart ${n}`)) n++;
  const series = layoutSeries(sheet, area, seriesBy, chartType);
  // Excel titles a one-series chart with the series name and shows no legend for it (a pie
  // keeps its legend: its entries are the categories).
  const single = series.length === 1;
  const pie = /Pie|Doughnut/.test(chartType);
  const singleName = single ? (series[0].nameRef ? readRef(series[0].nameRef, (n) => (n === sheet.name ? sheet : undefined))[0]?.text : undefined) : undefined;
  return {
    id,
    name: `Chart ${n}`,
    chartType,
    left: sheet.columnLeft(area.column + area.columns + 1),
    top: sheet.rowTop(area.row),
    width: DEFAULT_CHART_WIDTH,
    height: DEFAULT_CHART_HEIGHT,
    title: { text: singleName || 'Chart Title', visible: true, overlay: false },
    legend: { visible: !single || pie, position: 'Bottom', overlay: false },
    series,
    axes: { category: axis(), value: axis(), secondaryValue: axis() },
  };
}

type FindSheet = (name: string) => SheetState | undefined;

/** Cells of a sheet-qualified reference ("Dash!$B$2:$B$13"), row-major; [] when the sheet is gone. */
export function readRef(ref: string | undefined, findSheet: FindSheet): Array<{ value: CellValue; text: string }> {
  if (!ref) return [];
  const { sheet: name, local } = splitSheet(ref);
  const sheet = name === undefined ? undefined : findSheet(name);
  if (!sheet) return [];
  const area = parseArea(local);
  const out: Array<{ value: CellValue; text: string }> = [];
  for (let r = area.row; r < area.row + area.rows; r++) {
    for (let c = area.column; c < area.column + area.columns; c++) {
      const value = sheet.value(r, c);
      out.push({ value, text: value === '' ? '' : formatValue(value, sheet.numberFormat(r, c)) });
    }
  }
  return out;
}

export function seriesName(s: ChartSeriesModel, findSheet: FindSheet): string {
  if (!s.nameRef) return s.name;
  const cell = readRef(s.nameRef, findSheet)[0];
  return cell ? cell.text : s.name;
}

/** Numbers a series plots: text and blanks are gaps (null), as Excel leaves them unplotted. */
export function seriesValues(s: ChartSeriesModel, findSheet: FindSheet): Array<number | null> {
  return readRef(s.valuesRef, findSheet).map((c) => (typeof c.value === 'number' ? c.value : null));
}

/** Category labels: the referenced cells' text, or 1..n when the series has none. */
export function seriesCategories(s: ChartSeriesModel, findSheet: FindSheet): string[] {
  const cats = readRef(s.categoriesRef, findSheet);
  if (cats.length) return cats.map((c) => c.text);
  return seriesValues(s, findSheet).map((_, i) => String(i + 1));
}

/** Renames the sheet inside every stored reference (charts keep pointing at the same cells). */
export function renameSheetInRefs(charts: ChartModel[], oldName: string, newName: string): void {
  const fix = (ref: string | undefined) => {
    if (!ref) return ref;
    const { sheet, local } = splitSheet(ref);
    return sheet === oldName ? `${formatAbsolute(newName, parseArea(local)).split('!')[0]}!${local}` : ref;
  };
  for (const chart of charts) {
    for (const s of chart.series) {
      s.nameRef = fix(s.nameRef);
      s.valuesRef = fix(s.valuesRef);
      s.categoriesRef = fix(s.categoriesRef);
    }
  }
}
