/**
 * Dashboard tiles: the persisted, versioned shape of each tile (zod, because a workbook is
 * untrusted input), the data a refresh computes for a tile, and the write plan that the Excel
 * writer executes. Pure: no Office, no React. The workbook document keeps tiles opaque
 * (src/model/schema.ts `dashboardDef.tiles`); this file is where they are validated.
 */
import { z } from 'zod';
import { DATE_PARTS, FilterSchema, MeasureSchema, SourceRefSchema, type SourceRef } from '../engine/spec';
import type { ChartColours } from './chart-colours';

/** Bump when a tile's persisted shape changes (and migrate older tiles in parse-tiles.ts). */
export const TILE_VERSION = 1;

const tileId = z.string().min(1).max(40).regex(/^[A-Za-z0-9_]+$/, 'tile ids use letters, digits and _');
const fieldName = z.string().min(1).max(255);

/**
 * Where a tile sits on the dashboard sheet, in cells, 0-based from A1 (row 0 = sheet row 1).
 * A dashboard grid is 12 columns wide by default (see GRID_COLUMNS in layout).
 */
export const TileRectSchema = z.strictObject({
  row: z.int().min(0).max(2000),
  col: z.int().min(0).max(60),
  rows: z.int().min(1).max(80),
  cols: z.int().min(1).max(30),
});
export type TileRect = z.infer<typeof TileRectSchema>;

/**
 * A field on a chart's category axis or a table's rows: a plain field, or a date field grouped
 * by a date part ('yearMonth' groups by year and month together, labelled "2025-03").
 */
export const AxisFieldSchema = z.strictObject({
  field: fieldName,
  by: z.enum([...DATE_PARTS, 'yearMonth']).optional(),
});
export type AxisField = z.infer<typeof AxisFieldSchema>;

/**
 * What a KPI compares its value with.
 * - previousPeriod / samePeriodLastYear: the measure in the current period (the Year parameter's
 *   year, else the latest period with data) against the period before / a year before;
 * - target: a fixed number or a cell (e.g. "Targets!B2", a user cell PivotDeck only reads).
 */
export const ComparisonSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.enum(['previousPeriod', 'samePeriodLastYear']),
    dateField: fieldName,
    period: z.enum(['year', 'quarter', 'month']),
  }),
  z.strictObject({
    kind: z.literal('target'),
    value: z.number().optional(),
    /** "Sheet!A1" or "A1" (on the dashboard sheet). */
    cell: z.string().max(80).regex(/^(?:(?:'[^']+'|[A-Za-z0-9_.]+)!)?\$?[A-Z]{1,3}\$?\d{1,7}$/, 'a target cell looks like Targets!B2').optional(),
  }).refine((t) => t.value !== undefined || t.cell !== undefined, { message: 'give a target value or a target cell' }),
]);
export type Comparison = z.infer<typeof ComparisonSchema>;

/**
 * "Monitor" behaviour: the KPI's value cell (or its change cell, `on: 'change'`, where limits are
 * ratios: -0.1 is -10%) turns amber, then red, past these limits, through Excel conditional
 * formatting, so it stays live when users edit. higherIsBetter: red below `red`, amber from `red`
 * up to `amber` (red ≤ amber). lowerIsBetter: the mirror.
 */
export const ThresholdsSchema = z.strictObject({
  direction: z.enum(['higherIsBetter', 'lowerIsBetter']),
  on: z.enum(['value', 'change']).optional(),
  amber: z.number(),
  red: z.number(),
}).refine((t) => (t.direction === 'higherIsBetter' ? t.red <= t.amber : t.red >= t.amber), {
  message: 'the red limit must be past the amber limit',
});
export type Thresholds = z.infer<typeof ThresholdsSchema>;

const tileBase = {
  version: z.literal(TILE_VERSION),
  id: tileId,
  title: z.string().max(255),
  at: TileRectSchema,
};

/** Tiles that compute: their source and own filters; dashboard parameters add filters on refresh. */
const computed = {
  source: SourceRefSchema,
  filters: z.array(FilterSchema).max(32).optional(),
  /** Parameter ids this tile ignores (e.g. a "Total all years" KPI ignores Year). */
  ignoreParameters: z.array(tileId).max(20).optional(),
};

export const KpiTileSchema = z.strictObject({
  ...tileBase,
  ...computed,
  kind: z.literal('kpi'),
  /** Any engine measure: a catalogue kind over a field, or a formula in our formula language. */
  measure: MeasureSchema,
  comparison: ComparisonSchema.optional(),
  thresholds: ThresholdsSchema.optional(),
  /** Excel number format of the big number; default from the measure or "#,##0". */
  numberFormat: z.string().max(255).optional(),
  /**
   * History (issue 17): also compare with the value in the dashboard's last history snapshot taken
   * with the same parameter choices (change and %). Needs the dashboard's "Keep history".
   */
  vsLastSnapshot: z.boolean().optional(),
});

export const CHART_TYPES = ['column', 'bar', 'line', 'area', 'pie', 'doughnut', 'combo'] as const;
export type DashboardChartType = (typeof CHART_TYPES)[number];

export const ChartTileSchema = z.strictObject({
  ...tileBase,
  ...computed,
  kind: z.literal('chart'),
  chartType: z.enum(CHART_TYPES),
  category: AxisFieldSchema,
  /** Split into one series per item of this field (not for pie/doughnut/combo). */
  series: fieldName.optional(),
  /** One series per measure (1 for pie/doughnut; 2 for combo: the second on a secondary axis as a line). */
  measures: z.array(MeasureSchema).min(1).max(4),
  /** Keep only the N largest categories by the first measure (e.g. 8 slices of a pie). */
  top: z.int().min(1).max(100).optional(),
});

export const TableTileSchema = z.strictObject({
  ...tileBase,
  ...computed,
  kind: z.literal('table'),
  rows: z.array(AxisFieldSchema).min(1).max(3),
  /** One column field makes it a small pivot-style grid. */
  column: AxisFieldSchema.optional(),
  measures: z.array(MeasureSchema).min(1).max(6),
  /** Top/bottom N of the first row field by a measure id. */
  top: z.strictObject({ n: z.int().min(1).max(1000), measure: z.string().min(1), direction: z.enum(['top', 'bottom']).optional() }).optional(),
});

/**
 * A dashboard parameter: a cell whose value filters the tiles that read `source` (default: every
 * computed tile). 'list' offers a dropdown of "All" and the field's items; 'year' a dropdown of
 * "All" and the years of a date field; 'from' and 'to' take a date typed in the cell (a date
 * range is a 'from' and a 'to' on the same field; "All" or blank means open-ended).
 */
export const ParameterSchema = z.strictObject({
  id: tileId,
  label: z.string().min(1).max(60),
  kind: z.enum(['list', 'year', 'from', 'to']),
  field: fieldName,
  source: SourceRefSchema.optional(),
});
export type DashboardParameter = z.infer<typeof ParameterSchema>;

export const HeaderTileSchema = z.strictObject({
  ...tileBase,
  kind: z.literal('header'),
  parameters: z.array(ParameterSchema).max(6),
});

// ---- History tile (issue 17, the history work; see src/dashboards/history-tile.ts) ----
/**
 * A KPI of this dashboard over its history snapshots, as a native line chart: one point per
 * snapshot taken with the same parameter choices as now, the newest `points` of them. Needs the
 * dashboard's "Keep history"; it runs no query of its own.
 */
export const HistoryTileSchema = z.strictObject({
  ...tileBase,
  kind: z.literal('history'),
  /** The KPI tile (its id) whose value is drawn. */
  kpi: tileId,
  points: z.int().min(2).max(500).optional(),
});
export type HistoryTile = z.infer<typeof HistoryTileSchema>;
// ---- end of history tile ----

export const TileSchema = z.discriminatedUnion('kind', [KpiTileSchema, ChartTileSchema, TableTileSchema, HeaderTileSchema, HistoryTileSchema]);
export type Tile = z.infer<typeof TileSchema>;
export type KpiTile = z.infer<typeof KpiTileSchema>;
export type ChartTile = z.infer<typeof ChartTileSchema>;
export type TableTile = z.infer<typeof TableTileSchema>;
export type HeaderTile = z.infer<typeof HeaderTileSchema>;
export type TileKind = Tile['kind'];
export type ComputedTile = KpiTile | ChartTile | TableTile;

/** A source field as the starter layout sees it (structurally the pane's FieldInfo). */
export interface DashboardField {
  name: string;
  type: 'number' | 'date' | 'text' | 'logical' | 'mixed' | 'empty';
  numberFormat?: string;
}

/** Parameter values read from the parameter cells: "All" (or blank) means no filter. */
export type ParameterValues = Record<string, string | number>;

// ---- what a refresh computes for each tile (input of the planner) ----

export interface KpiData {
  kind: 'kpi';
  value: number | null;
  numberFormat: string;
  /** e.g. "2025" or "2025-03"; absent without a period comparison. */
  periodLabel?: string;
  comparison?: { label: string; value: number | null };
}

export interface ChartData {
  kind: 'chart';
  categories: string[];
  series: Array<{ name: string; values: Array<number | null>; secondary?: boolean }>;
  numberFormat: string;
}

export interface TableData {
  kind: 'table';
  header: string[];
  rows: Array<Array<string | number | boolean | null>>;
  /** Per column. */
  numberFormats: string[];
  /** How many leading columns hold labels (written as text). */
  labelColumns?: number;
}

export interface HeaderData {
  kind: 'header';
  /** Dropdown choices per parameter id, "All" first. */
  choices: Record<string, Array<string | number>>;
  /** "Last refreshed 27 Nov 2026 03:10 · Sales: ok, Web orders: failed". */
  status: string;
}

export type TileData = KpiData | ChartData | TableData | HeaderData;

/** A tile's outcome in one refresh: fresh data, or stale (previous values kept) with why. */
export type TileOutcome = { status: 'fresh'; data: TileData } | { status: 'stale'; reason: string };

// ---- the write plan (output of the pure planner, input of src/excel/dashboard) ----

export type PlanCell = string | number | boolean;

/** Values (and optionally number formats) for one rectangular block, "B3:D5". */
export interface PlanBlock {
  address: string;
  values: PlanCell[][];
  numberFormat?: string[][];
}

export interface PlanFormat {
  address: string;
  bold?: boolean;
  italic?: boolean;
  size?: number;
  /** "#RRGGBB". */
  color?: string;
  fill?: string;
  horizontalAlignment?: 'Left' | 'Center' | 'Right';
  verticalAlignment?: 'Top' | 'Center' | 'Bottom';
  /** Merge the whole range into one cell. */
  merge?: boolean;
  /** Merge each row of the range separately (a table's wide label column). */
  mergeAcross?: boolean;
  wrapText?: boolean;
}

/** An Excel conditional format (Excel keeps evaluating it as the cell changes). */
export type PlanConditionalFormat =
  | {
      kind: 'cellValue';
      address: string;
      operator: 'GreaterThan' | 'LessThan' | 'GreaterThanOrEqual' | 'LessThanOrEqual' | 'Between' | 'EqualTo';
      formula1: string;
      formula2?: string;
      fontColor?: string;
      fill?: string;
    }
  | { kind: 'custom'; address: string; formula: string; fontColor?: string; fill?: string };

export interface PlanValidation {
  address: string;
  /** Dropdown items (Excel list validation, in-cell dropdown). */
  list: Array<string | number>;
  /** What Excel gets as the list source: "All,West,East", or "=$R$2:$R$40" for long lists. */
  source: string;
}

export type ExcelChartTypeName =
  | 'ColumnClustered' | 'BarClustered' | 'Line' | 'LineMarkers' | 'Area' | 'Pie' | 'Doughnut';

export interface PlanChart {
  /** Chart name PivotDeck finds it by on the next refresh: "PivotDeck_<dashboard>_<tile>". */
  name: string;
  tileId: string;
  type: ExcelChartTypeName;
  /** The data block (header row = series names, first column = categories). */
  dataAddress: string;
  title: string;
  /** Cells the chart covers: top-left and bottom-right. */
  from: string;
  to: string;
  /** 0-based series indexes drawn on the secondary axis as lines (combo). */
  secondarySeries: number[];
  /** Number format of the (primary) value axis; not applied to pie and doughnut charts. */
  numberFormat: string;
  /** h/dash (issue 16.8): colours in order, per slice ('point', pie and doughnut) or per series. */
  colours?: { by: 'point' | 'series'; values: string[] };
}

/** A defined name PivotDeck keeps over each tile it wrote, so refresh replaces exactly that. */
export interface PlanName {
  name: string;
  address: string;
  comment: string;
}

export interface WritePlan {
  sheet: string;
  /** Tile areas cleared (values and formats, CF, DV) before writing fresh tiles. */
  clear: string[];
  blocks: PlanBlock[];
  formats: PlanFormat[];
  /** Column widths in points by 0-based column index. */
  columnWidths: Array<{ col: number; width: number }>;
  /** Row heights in points by 0-based row index. */
  rowHeights: Array<{ row: number; height: number }>;
  conditionalFormats: PlanConditionalFormat[];
  validations: PlanValidation[];
  charts: PlanChart[];
  names: PlanName[];
  /**
   * Names of stale tiles (and their chart data): the writer leaves their cells, charts and names
   * exactly as the previous refresh wrote them.
   */
  keepNames: string[];
  /** Every block the plan writes (fresh tiles, chart data): checked for foreign cells first. */
  owned: string[];
  /** Cells holding parameter values, by parameter id ("C2"). */
  parameterCells: Record<string, string>;
  /** Dashboard look: gridlines off. */
  showGridlines: boolean;
  /** Rows kept in view while scrolling (the header tile with its dropdowns); absent: none. */
  freezeRows?: number;
  /** Sheet tab colour, "#RRGGBB". */
  tabColor?: string;
  /** h/dash (issue 16.8): every chart's category → colour map after this write, saved with the dashboard. */
  chartColours?: ChartColours;
}

export type { SourceRef };
