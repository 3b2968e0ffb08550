/**
 * The write plan: what a refresh writes on the dashboard sheet, cell by cell, as plain data.
 * Pure, so the look of every tile is tested without Excel, and the Excel writer only executes
 * (in a few batched syncs). Fresh tiles are rewritten whole (values padded with blanks over the
 * tile's rectangle, so a shorter top-10 leaves nothing behind); stale tiles keep their cells and
 * get a note; chart data goes to a data area right of the grid, one fixed slot per chart.
 */
import { assignColours, coloursOf, type ChartColours, type ColourPair } from './chart-colours';
import { chartName, dashboardNamePrefix, tileName } from './names';
import { historyChartTile } from './history-tile';
import { rectAddress } from './layout';
import { dashboardParameters, isAll } from './tile-queries';
import { CHART_DATA_SLOT, DASHBOARD_STYLE as S, MAX_CHART_SERIES, MAX_INLINE_LIST } from './style';
import type {
  ChartData, ChartTile, ExcelChartTypeName, HeaderData, HeaderTile, KpiData, KpiTile, ParameterValues, PlanBlock, PlanCell,
  PlanConditionalFormat, PlanFormat, PlanValidation, TableData, TableTile, Tile, TileOutcome, TileRect, WritePlan,
} from './types';

export interface PlanInput {
  dashboardId: string;
  sheet: string;
  tiles: readonly Tile[];
  /** Per tile id (header tiles get HeaderData). A tile without an outcome is left as it is. */
  outcomes: ReadonlyMap<string, TileOutcome>;
  /** Parameter values to show in the parameter cells (as read from them, or "All" on first build). */
  values: ParameterValues;
  /** The colours charts gave their categories before (saved with the dashboard); absent: none yet. */
  colours?: ChartColours;
}

const cell = (row: number, col: number) => rectAddress({ row, col, rows: 1, cols: 1 });
const rect = (row: number, col: number, rows: number, cols: number) => rectAddress({ row, col, rows, cols });

/** Accumulates one plan. */
class Plan {
  readonly blocks: PlanBlock[] = [];
  readonly formats: PlanFormat[] = [];
  readonly cf: PlanConditionalFormat[] = [];
  readonly dv: PlanValidation[] = [];
  readonly charts: WritePlan['charts'] = [];
  readonly names: WritePlan['names'] = [];
  readonly keep: string[] = [];
  readonly owned: string[] = [];
  readonly clear: string[] = [];
  readonly rowHeights = new Map<number, number>();
  readonly parameterCells: Record<string, string> = {};
  /** Category → colour per chart tile after this write. */
  readonly colours = new Map<string, ColourPair[]>();

  value(row: number, col: number, v: PlanCell, numberFormat?: string): void {
    this.blocks.push({ address: cell(row, col), values: [[v]], ...(numberFormat ? { numberFormat: [[numberFormat]] } : {}) });
  }

  format(f: PlanFormat): void {
    this.formats.push(f);
  }

  /**
   * A stale tile keeps what it showed and gets a note inside its rectangle. The rectangle stays
   * tracked by its name (added when the tile was never written, as when the first refresh
   * already failed), so the next refresh knows the note is PivotDeck's own.
   */
  stale(r: TileRect, name: string): void {
    this.keep.push(name);
    this.owned.push(rectAddress(r));
    this.names.push({ name, address: rectAddress(r), comment: 'PivotDeck dashboard tile (not refreshed: it keeps its last values).' });
  }

  /** A fresh tile's whole rectangle: owned, cleared, blank-filled (cells written later win). */
  area(r: TileRect, name: string, comment: string): void {
    const address = rectAddress(r);
    this.owned.push(address);
    this.clear.push(address);
    this.blocks.push({ address, values: Array.from({ length: r.rows }, () => Array<PlanCell>(r.cols).fill('')) });
    this.names.push({ name, address, comment });
  }
}

function staleText(reason: string): string {
  return `⚠ Not refreshed: ${reason}`.slice(0, 1000);
}

function header(p: Plan, tile: HeaderTile, data: HeaderData | undefined, input: PlanInput, prefix: string): void {
  const { row: R, col: C, cols: W } = tile.at;
  p.area(tile.at, tileName(input.dashboardId, tile.id), 'PivotDeck dashboard header. PivotDeck rewrites it on refresh; your dropdown choices are kept.');
  p.value(R, C, tile.title);
  p.format({ address: rect(R, C, 1, W), fill: S.header.fill, color: S.header.color, size: S.header.size, bold: true, merge: true, verticalAlignment: 'Center' });
  p.rowHeights.set(R, S.header.rowHeight);
  const cells = headerParameterCells(tile);
  tile.parameters.forEach((param, i) => {
    const col = C + 2 * i;
    if (!cells[param.id]) return;
    p.value(R + 1, col, `${param.label}:`);
    p.format({ address: cell(R + 1, col), horizontalAlignment: 'Right', color: S.parameterLabel.color, size: S.parameterLabel.size });
    const current = input.values[param.id];
    const address = cell(R + 1, col + 1);
    const dated = param.kind === 'from' || param.kind === 'to';
    p.value(R + 1, col + 1, current === undefined || current === '' ? 'All' : current, dated ? 'yyyy-mm-dd' : undefined);
    p.parameterCells[param.id] = address;
    p.format({ address, bold: true, fill: S.parameterValue.fill, color: S.parameterValue.color, horizontalAlignment: 'Left' });
    if (dated) return;
    // Without fresh choices (the source failed) the dropdown offers what it can: All and the current value.
    const choices = data?.choices[param.id] ?? (isAll(current) ? ['All'] : ['All', current as string | number]);
    const inline = choices.map((c) => String(c).replace(/,/g, ' ')).join(',');
    if (inline.length <= MAX_INLINE_LIST) {
      p.dv.push({ address, list: choices, source: inline });
    } else {
      // Too long for an inline list: the items go to the data area and the dropdown points there.
      const slot = dataColumn(input.tiles) + chartCount(input.tiles) * CHART_DATA_SLOT + i * 2;
      const listAddress = rect(1, slot, choices.length, 1);
      p.value(0, slot, `${param.label} choices`);
      p.blocks.push({ address: listAddress, values: choices.map((c) => [c]) });
      const whole = rect(0, slot, choices.length + 1, 1);
      p.owned.push(whole);
      p.clear.push(whole);
      p.names.push({ name: `${prefix}${param.id}_choices`, address: whole, comment: 'PivotDeck: dropdown choices of a dashboard parameter.' });
      p.format({ address: whole, color: S.data.color, size: S.data.size });
      const abs = listAddress.replace(/([A-Z]+)(\d+)/g, '$$$1$$$2');
      p.dv.push({ address, list: choices, source: `=${abs}` });
    }
  });
  if (tile.at.rows >= 3) {
    p.value(R + 2, C, data?.status ?? '');
    p.format({ address: rect(R + 2, C, 1, W), italic: true, color: S.status.color, size: S.status.size, merge: true });
  }
}

function kpi(p: Plan, tile: KpiTile, outcome: TileOutcome, input: PlanInput): void {
  const { row: R, col: C, rows: H, cols: W } = tile.at;
  const noteRow = R + Math.min(3, H - 1);
  if (outcome.status === 'stale') {
    p.stale(tile.at, tileName(input.dashboardId, tile.id));
    p.value(noteRow, C, staleText(outcome.reason));
    p.format({ address: cell(noteRow, C), italic: true, color: S.stale.color, size: S.stale.size });
    return;
  }
  const data = outcome.data as KpiData;
  p.area(tile.at, tileName(input.dashboardId, tile.id), `PivotDeck KPI "${tile.title}". PivotDeck replaces these cells on refresh.`);
  p.format({ address: rectAddress(tile.at), fill: S.card.fill });
  p.value(R, C, tile.title);
  p.format({ address: rect(R, C, 1, W), bold: true, color: S.card.titleColor, size: S.card.titleSize, merge: true });
  if (H < 2) return;
  const valueCell = cell(R + 1, C);
  p.value(R + 1, C, data.value ?? '', data.numberFormat);
  p.format({ address: rect(R + 1, C, 1, W), bold: true, size: S.card.valueSize, color: S.card.valueColor, merge: true, horizontalAlignment: 'Left', verticalAlignment: 'Center' });
  p.rowHeights.set(R + 1, S.card.valueRowHeight);
  let deltaCell: string | undefined;
  if (H >= 3 && data.comparison) {
    deltaCell = cell(R + 2, C);
    const before = data.comparison.value;
    const delta = data.value !== null && before !== null && before !== 0 ? (data.value - before) / Math.abs(before) : '';
    p.value(R + 2, C, delta, S.deltaFormat);
    p.format({ address: deltaCell, bold: true, horizontalAlignment: 'Left' });
    p.cf.push({ kind: 'cellValue', address: deltaCell, operator: 'GreaterThan', formula1: '0', fontColor: S.up });
    p.cf.push({ kind: 'cellValue', address: deltaCell, operator: 'LessThan', formula1: '0', fontColor: S.down });
    if (W >= 2) {
      p.value(R + 2, C + 1, data.comparison.label);
      p.format({ address: rect(R + 2, C + 1, 1, W - 1), color: S.card.titleColor, size: S.card.noteSize, merge: true });
    }
  }
  if (noteRow > R + 2 || (noteRow === R + 2 && !data.comparison)) {
    // Text format: Excel would turn "2025" into a number and "2025-03" into a date.
    p.value(noteRow, C, data.periodLabel ?? '', '@');
    p.format({ address: rect(noteRow, C, 1, W), italic: true, color: S.status.color, size: S.card.noteSize, merge: true });
  }
  const t = tile.thresholds;
  const target = t?.on === 'change' ? deltaCell : valueCell;
  if (t && target) {
    const amber = { fill: S.amber.fill, fontColor: S.amber.color };
    const red = { fill: S.red.fill, fontColor: S.red.color };
    if (t.direction === 'higherIsBetter') {
      p.cf.push({ kind: 'cellValue', address: target, operator: 'LessThan', formula1: String(t.red), ...red });
      if (t.amber > t.red || t.amber === t.red) p.cf.push({ kind: 'cellValue', address: target, operator: 'Between', formula1: String(t.red), formula2: String(t.amber), ...amber });
    } else {
      p.cf.push({ kind: 'cellValue', address: target, operator: 'GreaterThan', formula1: String(t.red), ...red });
      p.cf.push({ kind: 'cellValue', address: target, operator: 'Between', formula1: String(t.amber), formula2: String(t.red), ...amber });
    }
  }
}

const CHART_TYPE: Record<ChartTile['chartType'], ExcelChartTypeName> = {
  column: 'ColumnClustered', bar: 'BarClustered', line: 'Line', area: 'Area', pie: 'Pie', doughnut: 'Doughnut', combo: 'ColumnClustered',
};

function gridRight(tiles: readonly Tile[]): number {
  return tiles.reduce((m, t) => Math.max(m, t.at.col + t.at.cols), 0);
}

/** First column of the data area: one blank column right of the grid. */
export function dataColumn(tiles: readonly Tile[]): number {
  return gridRight(tiles) + 1;
}

function chartCount(tiles: readonly Tile[]): number {
  // History tiles (issue 17) are line charts with a data slot of their own.
  return tiles.filter((t) => t.kind === 'chart' || t.kind === 'history').length;
}

/**
 * A compact value-axis format: thousands as "K" and millions as "M", keeping a currency symbol
 * (Excel's own axis shows 500000 as "500,000", too wide beside a small chart).
 * @example axisNumberFormat('$#,##0', 2_400_000) // '$#,##0.0,,"M"'
 */
export function axisNumberFormat(numberFormat: string, maxAbs: number): string {
  const symbol = /^\[?\$?([$€£¥])/.exec(numberFormat)?.[1] ?? '';
  if (numberFormat.includes('%')) return '0%';
  // A zero section, so the axis starts at "$0" rather than "$0.0M".
  if (maxAbs >= 1_000_000) return `${symbol}#,##0.0,,"M";-${symbol}#,##0.0,,"M";${symbol}0`;
  if (maxAbs >= 10_000) return `${symbol}#,##0,"K";-${symbol}#,##0,"K";${symbol}0`;
  return `${symbol}#,##0`;
}

/**
 * Says which dropdowns a tile does not follow while they are set (e.g. the share-by-region chart
 * keeps every region when Region = West, so it can show West's share): without it, a chart that
 * does not change with the dropdown looks broken.
 */
export function ignoredChoices(tile: ChartTile, input: Pick<PlanInput, 'tiles' | 'values'>): string | undefined {
  const ignored = dashboardParameters(input.tiles)
    .filter((param) => tile.ignoreParameters?.includes(param.id) && !isAll(input.values[param.id]))
    .map((param) => param.label);
  if (ignored.length === 0) return undefined;
  return `Not filtered by ${ignored.join(' or ')}: shows them all.`;
}

function chart(p: Plan, tile: ChartTile, outcome: TileOutcome, input: PlanInput, slot: number): void {
  const { row: R, col: C, rows: H, cols: W } = tile.at;
  const name = chartName(input.dashboardId, tile.id);
  if (outcome.status === 'stale') {
    p.stale(tile.at, tileName(input.dashboardId, tile.id));
    p.keep.push(`${name}_data`);
    p.value(R, C, staleText(outcome.reason));
    p.format({ address: cell(R, C), italic: true, color: S.stale.color, size: S.stale.size });
    return;
  }
  const data = outcome.data as ChartData;
  p.area(tile.at, tileName(input.dashboardId, tile.id), `PivotDeck chart "${tile.title}". PivotDeck replaces these cells and the chart on refresh.`);
  const unfiltered = ignoredChoices(tile, input);
  if (unfiltered && H > 2) {
    // The chart starts one row down, so this line sits between the tile's edge and the chart.
    p.value(R, C, unfiltered, '@');
    p.format({ address: rect(R, C, 1, W), italic: true, color: S.status.color, size: S.card.noteSize, merge: true });
  }
  const series = data.series.slice(0, MAX_CHART_SERIES);
  const col0 = dataColumn(input.tiles) + slot * CHART_DATA_SLOT;
  const categories = data.categories.length ? data.categories : ['(no data)'];
  const values: PlanCell[][] = [
    [`${tile.title}`, ...series.map(() => '')],
    [tile.category.field, ...series.map((s) => s.name)],
    ...categories.map((c, i) => [c, ...series.map((s) => s.values[i] ?? '')]),
  ];
  const width = 1 + Math.max(1, series.length);
  for (const row of values) while (row.length < width) row.push('');
  const whole = rect(0, col0, values.length, width);
  p.owned.push(whole);
  p.clear.push(whole);
  // Labels as text, so Excel keeps "2025-03" and "2024" as the categories PivotDeck wrote.
  p.blocks.push({ address: whole, values, numberFormat: values.map((row, r) => row.map((_, c) => (r < 2 || c === 0 ? '@' : data.numberFormat))) });
  p.names.push({ name: `${name}_data`, address: whole, comment: `PivotDeck: data of the chart "${tile.title}". PivotDeck replaces these cells on refresh.` });
  p.format({ address: whole, color: S.data.color, size: S.data.size });
  p.format({ address: rect(1, col0, 1, width), bold: true });
  p.charts.push({
    name,
    tileId: tile.id,
    type: CHART_TYPE[tile.chartType],
    dataAddress: rect(1, col0, categories.length + 1, width),
    title: tile.title,
    from: cell(R + (H > 2 ? 1 : 0), C),
    to: cell(R + H - 1, C + W - 1),
    secondarySeries: series.map((s, i) => (s.secondary ? i : -1)).filter((i) => i >= 0),
    ...withColours(chartColours(p, tile, data.categories, series.map((s) => s.name), input)),
    numberFormat: axisNumberFormat(data.numberFormat, series.filter((s) => !s.secondary).reduce((m, s) => s.values.reduce<number>((n, v) => Math.max(n, Math.abs(v ?? 0)), m), 0)),
  });
}

/**
 * Pie and doughnut slices are coloured per category, charts split by a field per series; each
 * name keeps the colour it had before (saved with the dashboard), so colours never move between
 * categories. Other charts (one series per measure, whose order never changes) are not painted:
 * colours the user gave them stay.
 */
function chartColours(p: Plan, tile: ChartTile, categories: readonly string[], seriesNames: readonly string[], input: PlanInput): WritePlan['charts'][number]['colours'] {
  const round = tile.chartType === 'pie' || tile.chartType === 'doughnut';
  if (!round && !tile.series) return undefined;
  const names = round ? categories : seriesNames;
  // Charts coloured by the same field share their colours: "West" is one colour on the dashboard.
  const field = round ? tile.category.field : tile.series;
  const seed = new Map<string, string>();
  for (const other of input.tiles) {
    if (other.kind !== 'chart' || other.id === tile.id) continue;
    const otherRound = other.chartType === 'pie' || other.chartType === 'doughnut';
    if ((otherRound ? other.category.field : other.series) !== field) continue;
    for (const [k, v] of [...(p.colours.get(other.id) ?? []), ...(coloursOf(input.colours, other.id) ?? [])]) if (!seed.has(k)) seed.set(k, v);
  }
  for (const [k, v] of coloursOf(input.colours, tile.id) ?? []) seed.set(k, v);
  const { colours, map } = assignColours([...seed], names);
  // The document keeps names up to 255 characters (a longer one is coloured, not remembered).
  p.colours.set(tile.id, map.filter(([n]) => n.length <= 255));
  return { by: round ? 'point' : 'series', values: colours };
}

const withColours = (colours: WritePlan['charts'][number]['colours']) => (colours ? { colours } : {});

function table(p: Plan, tile: TableTile, outcome: TileOutcome, input: PlanInput): void {
  const { row: R, col: C, rows: H, cols: W } = tile.at;
  if (outcome.status === 'stale') {
    p.stale(tile.at, tileName(input.dashboardId, tile.id));
    p.value(R, C, `${tile.title} · ${staleText(outcome.reason)}`);
    p.format({ address: cell(R, C), italic: true, color: S.stale.color, size: S.stale.size });
    return;
  }
  const data = outcome.data as TableData;
  p.area(tile.at, tileName(input.dashboardId, tile.id), `PivotDeck table "${tile.title}". PivotDeck replaces these cells on refresh.`);
  p.value(R, C, tile.title);
  p.format({ address: rect(R, C, 1, W), bold: true, color: S.tableTitle.color, size: S.tableTitle.size, merge: true });
  if (H < 2) return;
  // Columns: the first (labels) widens to use the tile's spare columns; the rest one each.
  const n = Math.min(data.header.length, W);
  const span = W - n + 1;
  const colOf = (j: number) => (j === 0 ? C : C + span + j - 1);
  const room = H - 2;
  let rows = data.rows;
  if (rows.length > room && room >= 1) {
    const more = rows.length - room + 1;
    rows = [...rows.slice(0, room - 1), [`… and ${more.toLocaleString('en-US')} more`]];
  }
  const grid: PlanCell[][] = [data.header.slice(0, n), ...rows.slice(0, Math.max(0, room)).map((r) => r.slice(0, n).map((v) => (v === null ? '' : v)))];
  const formats: string[][] = grid.map((_, i) => data.numberFormats.slice(0, n).map((f, j) => (i === 0 || j < (data.labelColumns ?? 1) ? '@' : f)));
  grid.forEach((r, i) => r.forEach((v, j) => {
    p.blocks.push({ address: cell(R + 1 + i, colOf(j)), values: [[v]], numberFormat: [[formats[i][j] ?? 'General']] });
  }));
  p.format({ address: rect(R + 1, C, 1, W), bold: true, fill: S.tableHeader.fill, color: S.tableHeader.color });
  for (let j = 1; j < n; j++) p.format({ address: rect(R + 1, colOf(j), grid.length, 1), horizontalAlignment: 'Right' });
  if (span > 1) p.format({ address: rect(R + 1, C, Math.max(1, room + 1), span), mergeAcross: true });
  const totalAt = rows.findIndex((r) => r[0] === 'Total');
  if (totalAt >= 0) p.format({ address: rect(R + 2 + totalAt, C, 1, W), bold: true });
}

/** Where a header tile's parameter cells are: row 2 of the tile, label then value, left to right. */
function headerParameterCells(tile: HeaderTile): Record<string, string> {
  const out: Record<string, string> = {};
  const { row: R, col: C, cols: W } = tile.at;
  tile.parameters.forEach((param, i) => {
    const col = C + 2 * i;
    if (col + 1 < C + W && tile.at.rows >= 2) out[param.id] = cell(R + 1, col + 1);
  });
  return out;
}

/**
 * The cells holding the dashboard's parameter values, by parameter id, and the header tile they
 * sit in (a refresh reads them before computing).
 * @example parameterCells(tiles) // { header: 'header', cells: { p_region: 'B2', p_year: 'D2' } }
 */
export function parameterCells(tiles: readonly Tile[]): { header?: string; cells: Record<string, string> } {
  const header = tiles.find((t): t is HeaderTile => t.kind === 'header');
  return header ? { header: header.id, cells: headerParameterCells(header) } : { cells: {} };
}

/**
 * The write plan for one refresh of a dashboard.
 *
 * @example
 * const plan = planDashboard({ dashboardId: 'd1', sheet: 'Dashboard', tiles, outcomes, values: { p_region: 'West' } });
 * plan.charts.length // one per chart tile that refreshed
 */
export function planDashboard(input: PlanInput): WritePlan {
  const p = new Plan();
  const prefix = dashboardNamePrefix(input.dashboardId);
  let slot = 0;
  for (const tile of input.tiles) {
    const outcome = input.outcomes.get(tile.id);
    const chartSlot = tile.kind === 'chart' || tile.kind === 'history' ? slot++ : -1;
    if (tile.kind === 'header') {
      header(p, tile, outcome?.status === 'fresh' ? (outcome.data as HeaderData) : undefined, input, prefix);
      continue;
    }
    if (!outcome) continue;
    if (tile.kind === 'kpi') kpi(p, tile, outcome, input);
    else if (tile.kind === 'chart') chart(p, tile, outcome, input, chartSlot);
    else if (tile.kind === 'history') {
      // Issue 17. A history moves little against its level (11.22M, 11.23M): the compact axis
      // format would print "$11.2M" on every line, so the axis keeps the KPI's own format.
      chart(p, historyChartTile(tile), outcome, input, chartSlot);
      if (outcome.status === 'fresh') p.charts[p.charts.length - 1]!.numberFormat = (outcome.data as ChartData).numberFormat;
    }
    else table(p, tile, outcome, input);
  }
  const right = gridRight(input.tiles);
  const top = input.tiles.find((t) => t.kind === 'header' && t.at.row === 0 && t.at.rows <= 4);
  const freeze = top ? top.at.rows : 0;
  const columnWidths: WritePlan['columnWidths'] = Array.from({ length: right }, (_, col) => ({ col, width: S.columnWidth }));
  const charts = chartCount(input.tiles);
  for (let c = 0; c < charts * CHART_DATA_SLOT; c++) columnWidths.push({ col: right + 1 + c, width: S.dataColumnWidth });
  return {
    sheet: input.sheet,
    clear: p.clear,
    blocks: p.blocks,
    formats: p.formats,
    columnWidths,
    rowHeights: [...p.rowHeights].map(([row, height]) => ({ row, height })),
    conditionalFormats: p.cf,
    validations: p.dv,
    charts: p.charts,
    names: p.names,
    keepNames: p.keep,
    owned: p.owned,
    parameterCells: p.parameterCells,
    showGridlines: false,
    ...(freeze ? { freezeRows: freeze } : {}),
    tabColor: S.header.fill,
    chartColours: keptColours(p.colours, input),
  };
}

/** This write's chart colours, with stale (or unwritten) charts keeping the map they had. */
function keptColours(fresh: ReadonlyMap<string, ColourPair[]>, input: PlanInput): ChartColours {
  const out: ChartColours = [];
  for (const t of input.tiles) {
    if (t.kind !== 'chart') continue;
    const colours = fresh.get(t.id) ?? coloursOf(input.colours, t.id);
    if (colours) out.push({ tile: t.id, colours });
  }
  return out;
}
