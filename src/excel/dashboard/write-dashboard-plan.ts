import type { WritePlan } from '../../dashboards/types';
import { columnIndex } from '../../engine/address';
import { parseBlock } from '../a1';
import type { ExcelRun, XChart, XRange, XWorksheet } from '../api';
import { restoreDashboard, type DashboardBefore } from './restore-dashboard';
import { explainExcelError } from '../errors';
import { estimateJsonBytes } from '../payload';
import { needsTextFormat } from '../text-cells';
import { DashboardWriteError } from './dashboard-write-error';
import { firstForeignCell } from './foreign-cells';
import { defaultRestoreSupport, MAX_FORMAT_BACKUP_CELLS, queueFormatReads, snapshotOf, type RestoreSupport } from './format-backup';

export interface WriteDashboardOptions {
  /** Prefix of every name (and chart) this dashboard owns. */
  prefix: string;
  /** Names it owns now → sheet-local addresses (from readDashboardState). */
  names: ReadonlyMap<string, string>;
  /**
   * What can be backed up besides contents, so a failed write puts fills, fonts and merges back
   * too; by default what the running Office supports (defaultRestoreSupport).
   */
  restore?: RestoreSupport;
}

export interface DashboardWrite {
  syncs: number;
  /** Estimated bytes of the values written. */
  requestBytes: number;
}

/** Wipes a block PivotDeck wrote: merges, values, formats, conditional formats, dropdowns. */
function wipe(range: XRange): void {
  range.unmerge();
  range.conditionalFormats.clearAll();
  range.dataValidation.clear();
  range.clear('All');
}

/** Consecutive indexes with the same size, as [start, count, size] runs (one range each). */
function runs(items: ReadonlyArray<{ index: number; size: number }>): Array<[number, number, number]> {
  const sorted = [...items].sort((a, b) => a.index - b.index);
  const out: Array<[number, number, number]> = [];
  for (const it of sorted) {
    const last = out[out.length - 1];
    if (last && last[0] + last[1] === it.index && last[2] === it.size) last[1]++;
    else out.push([it.index, 1, it.size]);
  }
  return out;
}

function applyFormats(sheet: XWorksheet, plan: WritePlan): void {
  for (const f of plan.formats) {
    const r = sheet.getRange(f.address);
    if (f.merge) r.merge(false);
    if (f.mergeAcross) r.merge(true);
    if (f.bold !== undefined) r.format.font.bold = f.bold;
    if (f.italic !== undefined) r.format.font.italic = f.italic;
    if (f.size !== undefined) r.format.font.size = f.size;
    if (f.color !== undefined) r.format.font.color = f.color;
    if (f.fill !== undefined) r.format.fill.color = f.fill;
    if (f.horizontalAlignment) r.format.horizontalAlignment = f.horizontalAlignment;
    if (f.verticalAlignment) r.format.verticalAlignment = f.verticalAlignment;
    if (f.wrapText !== undefined) r.format.wrapText = f.wrapText;
  }
}

function applyRules(sheet: XWorksheet, plan: WritePlan): void {
  for (const c of plan.conditionalFormats) {
    const range = sheet.getRange(c.address);
    if (c.kind === 'cellValue') {
      const cf = range.conditionalFormats.add('CellValue');
      cf.cellValue.rule = { formula1: c.formula1, ...(c.formula2 !== undefined ? { formula2: c.formula2 } : {}), operator: c.operator };
      if (c.fontColor) cf.cellValue.format.font.color = c.fontColor;
      if (c.fill) cf.cellValue.format.fill.color = c.fill;
    } else {
      const cf = range.conditionalFormats.add('Custom');
      cf.custom.rule.formula = c.formula;
      if (c.fontColor) cf.custom.format.font.color = c.fontColor;
      if (c.fill) cf.custom.format.fill.color = c.fill;
    }
  }
  for (const v of plan.validations) {
    // A list source starting with "=" is a reference Excel evaluates: only PivotDeck's own range
    // address may be one; a list built from data never is (it would be a formula from data).
    if (v.source.startsWith('=') && !/^=\$?[A-Z]{1,3}\$?\d+(:\$?[A-Z]{1,3}\$?\d+)?$/.test(v.source)) {
      throw new DashboardWriteError('foreign', `The dropdown at ${plan.sheet}!${v.address} would get a list that Excel reads as a formula. Nothing was changed.`);
    }
    const range = sheet.getRange(v.address);
    range.dataValidation.clear();
    range.dataValidation.rule = { list: { inCellDropDown: true, source: v.source } };
  }
}

/**
 * Executes a dashboard write plan in two syncs: the first reads the blocks it will write (refusing
 * if any holds cells PivotDeck did not write: nothing is touched then), the sheet's charts and a
 * back-up of the cells it will change; the second wipes what the dashboard wrote before (except
 * stale tiles, kept as they were), writes values, formats, merges, conditional formats, dropdowns,
 * charts (their series pointed at the new rows, never re-made) and the tracking names. If Excel
 * fails during the second, the previous cells (contents, number formats and, where Excel can read
 * them, fills, fonts, alignment and merges), names and charts are put back (all-or-nothing) and a
 * DashboardWriteError says so. Charts of removed tiles are deleted in a third sync, after
 * the write succeeded.
 *
 * @example await writeDashboardPlan(host.run, plan, { prefix: 'PivotDeck_dash_d1_', names: state.names });
 */
export async function writeDashboardPlan(run: ExcelRun, plan: WritePlan, options: WriteDashboardOptions): Promise<DashboardWrite> {
  const keep = new Set(plan.keepNames);
  const oldAreas = [...options.names.values()];
  return run(async (context) => {
    const wb = context.workbook;
    const sheet = wb.worksheets.getItem(plan.sheet);
    const owned = plan.owned.map((address) => ({ address, range: sheet.getRange(address).load('values') }));
    // Series counts too: a chart whose series still fit is resized in place, never re-made.
    const charts = sheet.charts.load('items/name, items/chartType, items/top, items/left, items/width, items/height, items/title/text, items/series/items/name');
    // What the cells PivotDeck will touch hold now (formulas keep constants and formulas alike),
    // read in the same sync, so a failure halfway can put them back.
    // Their fills, fonts and merges too, where Excel can read them per cell, within a bound.
    const areas = backupAreas(plan, options, keep);
    const support = options.restore ?? defaultRestoreSupport();
    const cells = areas.reduce((n, a) => n + cellCount(a), 0);
    const reading = { cellFormats: support.cellFormats && cells <= MAX_FORMAT_BACKUP_CELLS, merges: support.merges };
    const backups = areas.map((address) => {
      const range = sheet.getRange(address).load('formulas, numberFormat');
      return { address, range, look: queueFormatReads(range, reading) };
    });
    try {
      await context.sync();
    } catch (error) {
      throw new DashboardWriteError('sheet', explainExcelError(error, `open the sheet "${plan.sheet}"`));
    }
    for (const o of owned) {
      const foreign = firstForeignCell(o.address, o.range.values, oldAreas);
      if (foreign) {
        throw new DashboardWriteError('foreign', `The cell ${plan.sheet}!${foreign} holds something PivotDeck did not write, and the dashboard needs that space. Move or clear it (or move the tile), then try again. Nothing was changed.`);
      }
    }
    const existingCharts = new Set(charts.items.map((c) => c.name));
    const seriesBefore = new Map(charts.items.map((c) => [c.name, c.series.items.length]));

    // 1. Wipe what this dashboard wrote before, except stale tiles (they keep their values).
    for (const [name, address] of options.names) {
      if (keep.has(name)) continue;
      wipe(sheet.getRange(address));
      wb.names.getItem(name).delete();
    }
    for (const address of plan.clear) wipe(sheet.getRange(address));
    // Charts of removed tiles are deleted only after the write succeeded (a deleted chart could not be put back).
    const removedCharts = [...existingCharts].filter((name) => name.startsWith(options.prefix) && !keep.has(name) && !plan.charts.some((c) => c.name === name));

    // 2. Sheet look, values, formats, rules.
    sheet.showGridlines = plan.showGridlines;
    if (plan.tabColor) sheet.tabColor = plan.tabColor;
    if (plan.freezeRows) sheet.freezePanes.freezeRows(plan.freezeRows);
    for (const [start, count, width] of runs(plan.columnWidths.map((c) => ({ index: c.col, size: c.width })))) {
      sheet.getRangeByIndexes(0, start, 1, count).format.columnWidth = width;
    }
    for (const [start, count, height] of runs(plan.rowHeights.map((r) => ({ index: r.row, size: r.height })))) {
      sheet.getRangeByIndexes(start, 0, count, 1).format.rowHeight = height;
    }
    let requestBytes = 0;
    for (const b of plan.blocks) {
      const r = sheet.getRange(b.address);
      // Data never becomes a formula: text Excel would parse gets "@" before the value is written.
      const formats = textSafeFormats(b.values, b.numberFormat);
      if (formats) r.numberFormat = formats;
      r.values = b.values;
      requestBytes += estimateJsonBytes(b.values);
    }
    applyFormats(sheet, plan);
    applyRules(sheet, plan);

    // 3. Charts: kept (and restyled by users) across refreshes; only data, type, title and place are set.
    for (const c of plan.charts) {
      const data = sheet.getRange(c.dataAddress);
      let chart;
      if (existingCharts.has(c.name)) {
        chart = sheet.charts.getItem(c.name);
        chart.chartType = c.type;
        const block = parseBlock(c.dataAddress);
        const n = block ? block.columns - 1 : 0;
        if (block && n >= 1 && seriesBefore.get(c.name) === n) {
          // The same series, pointed at the new rows (ExcelApi 1.7): the user's series formatting
          // and anything else they set on the chart stay. No data rows: the (empty) row below.
          const rows = Math.max(1, block.rows - 1);
          const categories = sheet.getRangeByIndexes(block.row + 1, block.column, rows, 1);
          for (let i = 0; i < n; i++) {
            const s = chart.series.getItemAt(i);
            s.setValues(sheet.getRangeByIndexes(block.row + 1, block.column + 1 + i, rows, 1));
            s.setXAxisValues(categories);
          }
        } else {
          chart.setData(data, 'Columns');
        }
      } else {
        chart = sheet.charts.add(c.type, data, 'Columns');
        chart.name = c.name;
      }
      chart.title.text = c.title;
      chart.title.visible = true;
      chart.setPosition(c.from, c.to);
      const seriesCount = parseDataWidth(c.dataAddress) - 1;
      const round = c.type === 'Pie' || c.type === 'Doughnut';
      chart.legend.visible = seriesCount > 1 || round;
      // Pies have no value axis; Excel refuses to format one.
      if (!round) chart.axes.valueAxis.numberFormat = c.numberFormat;
      for (const i of c.secondarySeries) {
        const s = chart.series.getItemAt(i);
        s.chartType = 'Line';
        s.axisGroup = 'Secondary';
      }
      paint(chart, c);
    }

    // 4. Tracking names over every block written.
    // A kept (stale) tile's name is still there: it is added only when the tile was never written.
    for (const n of plan.names) if (!(keep.has(n.name) && options.names.has(n.name))) wb.names.add(n.name, sheet.getRange(n.address), n.comment);
    try {
      await context.sync();
    } catch (error) {
      // Excel ran part of the batch and stopped: put back what the sheet held (all-or-nothing).
      const before: DashboardBefore = {
        cells: backups.map((b) => ({ address: b.address, formulas: b.range.formulas as unknown[][], numberFormat: b.range.numberFormat as unknown[][], ...snapshotOf(b.look) })),
        charts: charts.items.map((c) => ({ name: c.name, type: c.chartType, top: c.top, left: c.left, width: c.width, height: c.height, title: c.title.text, series: c.series.items.length })),
      };
      const put = await run((ctx) => restoreDashboard(ctx, plan.sheet, options, before)).then(() => true, () => false);
      throw new DashboardWriteError('excel', `Excel stopped while writing the dashboard (${explainExcelError(error, `write the sheet "${plan.sheet}"`)}). ${put
        ? `PivotDeck put the previous ${putBack(reading)}`
        : 'PivotDeck could not put the previous values back either; refresh again to rewrite the dashboard.'} Try Refresh again.`);
    }
    let syncs = 2;
    if (removedCharts.length) {
      for (const name of removedCharts) sheet.charts.getItem(name).delete();
      await context.sync();
      syncs++;
    }
    return { syncs, requestBytes };
  });
}

/** What the message says was put back, and what waits for the next refresh. */
function putBack(read: { cellFormats: boolean; merges: boolean }): string {
  if (read.cellFormats && read.merges) return 'values, colours, merged cells, charts and names back as they were.';
  const later = read.cellFormats ? 'merged cells' : read.merges ? 'colours and fonts' : 'colours and merged cells';
  return `values, charts and names back as they were (the tiles' ${later} come back with the next refresh).`;
}

/** Cells of a sheet-local block address ("A1:C4" → 12). */
function cellCount(address: string): number {
  const block = parseBlock(address);
  return block ? block.rows * block.columns : 1;
}

/**
 * The areas a write may change and a failure must put back: every block the dashboard wrote
 * before (except stale tiles, which the write leaves alone) and every block it writes now.
 */
function backupAreas(plan: WritePlan, options: WriteDashboardOptions, keep: ReadonlySet<string>): string[] {
  const out = new Set<string>();
  for (const [name, address] of options.names) if (!keep.has(name)) out.add(address);
  for (const address of plan.owned) out.add(address);
  return [...out];
}

/**
 * Colours that stay with their category: per slice of a pie or doughnut, per series otherwise
 * (a line's colour is its line, not its fill).
 */
function paint(chart: XChart, c: WritePlan['charts'][number]): void {
  if (!c.colours) return;
  const lines = c.type === 'Line' || c.type === 'LineMarkers';
  c.colours.values.forEach((colour, i) => {
    if (c.colours!.by === 'point') {
      chart.series.getItemAt(0).points.getItemAt(i).format.fill.setSolidColor(colour);
      return;
    }
    const s = chart.series.getItemAt(i);
    if (lines || c.secondarySeries.includes(i)) s.format.line.color = colour;
    else s.format.fill.setSolidColor(colour);
  });
}

/**
 * The number formats to write before `values`: the block's own, with "@" on every cell whose text
 * Excel would not keep as written; undefined when the block sets none and needs none.
 */
function textSafeFormats(values: ReadonlyArray<ReadonlyArray<unknown>>, formats: string[][] | undefined): string[][] | undefined {
  let risky = false;
  for (const row of values) for (const v of row) if (typeof v === 'string' && needsTextFormat(v)) risky = true;
  if (!risky) return formats;
  return values.map((row, i) => row.map((v, j) => (typeof v === 'string' && needsTextFormat(v) ? '@' : formats?.[i]?.[j] ?? 'General')));
}

function parseDataWidth(address: string): number {
  const m = /^([A-Z]+)\d+:([A-Z]+)\d+$/.exec(address);
  if (!m) return 1;
  return columnIndex(m[2]) - columnIndex(m[1]) + 1;
}
