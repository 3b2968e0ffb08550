/**
 * The starter dashboard PivotDeck proposes for a table: it guesses the date, the amount and the
 * categories from field names and types, then lays out total, growth vs last period, trend by
 * month, split by category and a top 10, which the user then edits.
 */
import type { SourceRef } from '../engine/spec';
import { DEFAULT_TILE_SIZE, flowLayout } from './layout';
import { plural } from './plural';
import { TILE_VERSION, type ChartTile, type DashboardField, type HeaderTile, type KpiTile, type TableTile, type Tile, type TileKind } from './types';

export interface FieldRoles {
  date?: string;
  amount?: string;
  /** Text fields that group well (region, category...), best first. */
  categories: string[];
  /** Identifies customers, for a distinct count. */
  customer?: string;
  /** Identifies products or items, for a top 10. */
  item?: string;
}

const AMOUNT_WORDS = /revenue|sales|amount|turnover|total|value|net|gross|price|cost|profit|spend/i;
const AMOUNT_BEST = /revenue|sales|amount|turnover/i;
const NOT_AMOUNT = /(^|\b)(id|code|year|month|day|zip|postcode|phone)(\b|$)/i;
const CUSTOMER_WORDS = /customer|client|account|buyer|member/i;
const ITEM_WORDS = /product|item|sku|article|service/i;
const CATEGORY_BEST = /region|category|segment|channel|country|type|group|department|team|state|city/i;
const NOT_CATEGORY = /(^|\b)(id|email|e-mail|phone|order|invoice|address|name|description|comment|note)s?(\b|$)/i;

/**
 * Guesses which fields are the date, the amount and the categories.
 * @example detectFieldRoles([{ name: 'Date', type: 'date' }, { name: 'Revenue', type: 'number' }]).amount // 'Revenue'
 */
export function detectFieldRoles(fields: readonly DashboardField[]): FieldRoles {
  const date = fields.find((f) => f.type === 'date')?.name;
  const numbers = fields.filter((f) => f.type === 'number' && !NOT_AMOUNT.test(f.name));
  const amount = (numbers.find((f) => AMOUNT_BEST.test(f.name)) ?? numbers.find((f) => AMOUNT_WORDS.test(f.name)) ?? numbers[numbers.length - 1])?.name;
  const texts = fields.filter((f) => f.type === 'text' || f.type === 'mixed');
  const customer = texts.find((f) => CUSTOMER_WORDS.test(f.name))?.name;
  const item = texts.find((f) => ITEM_WORDS.test(f.name))?.name;
  const usable = texts.filter((f) => f.name !== customer && f.name !== item && !NOT_CATEGORY.test(f.name));
  const categories = [...usable.filter((f) => CATEGORY_BEST.test(f.name)), ...usable.filter((f) => !CATEGORY_BEST.test(f.name))].map((f) => f.name);
  return { date, amount, categories, customer, item };
}

/** A tile of `kind` at its default size (flowLayout places it). */
export function sized<T extends Tile>(kind: TileKind, tile: Omit<T, 'version' | 'at'>): T {
  return { version: TILE_VERSION, at: { row: 0, col: 0, ...DEFAULT_TILE_SIZE[kind] }, ...tile } as T;
}

/** Currency-looking formats keep their symbol with whole units on a KPI card. */
export function wholeFormat(field: DashboardField | undefined): string {
  const f = field?.numberFormat ?? '';
  const symbol = /^\[?\$?([$€£¥])/.exec(f)?.[1] ?? (f.includes('€') ? '€' : f.includes('£') ? '£' : '');
  return symbol ? `${symbol}#,##0` : '#,##0';
}

/**
 * The starter dashboard proposed for a table: for a date, an amount and categories: header with a
 * category and a year dropdown, total with growth vs last year, count of rows, trend by month,
 * split by the first category, top 10 items.
 *
 * @example proposeStarterLayout({ kind: 'table', name: 'Sales' }, fields).map((t) => t.kind)
 * // ['header', 'kpi', 'kpi', 'chart', 'chart', 'table']
 */
export function proposeStarterLayout(source: SourceRef, fields: readonly DashboardField[], title = 'Dashboard'): Tile[] {
  if (!fields.length) throw new Error('This table has no columns to build a dashboard from.');
  const roles = detectFieldRoles(fields);
  const amountField = fields.find((f) => f.name === roles.amount);
  const format = roles.amount ? wholeFormat(amountField) : '#,##0';
  const measure = roles.amount
    ? { id: 'total', kind: 'sum' as const, field: roles.amount, label: `Total ${roles.amount}`, numberFormat: format }
    : { id: 'total', kind: 'count' as const, field: fields[0].name, label: 'Rows', numberFormat: format };
  const comparison = roles.date ? { kind: 'previousPeriod' as const, dateField: roles.date, period: 'year' as const } : undefined;
  const category = roles.categories[0];
  const listed = roles.item ?? roles.categories[1] ?? category;
  const parameters: HeaderTile['parameters'] = [];
  if (category) parameters.push({ id: 'p_category', label: category, kind: 'list', field: category });
  if (roles.date) parameters.push({ id: 'p_year', label: 'Year', kind: 'year', field: roles.date });
  const tiles: Tile[] = [sized<HeaderTile>('header', { kind: 'header', id: 'header', title, parameters })];
  tiles.push(sized<KpiTile>('kpi', { kind: 'kpi', id: 'kpi_total', title: measure.label, source, measure, numberFormat: format, ...(comparison ? { comparison } : {}) }));
  tiles.push(sized<KpiTile>('kpi', {
    kind: 'kpi', id: 'kpi_count', title: 'Rows', source, measure: { id: 'rows', kind: 'count', field: fields[0].name }, numberFormat: '#,##0', ...(comparison ? { comparison } : {}),
  }));
  if (roles.date) {
    tiles.push(sized<ChartTile>('chart', { kind: 'chart', id: 'chart_trend', title: `${measure.label} by month`, source, chartType: 'line', category: { field: roles.date, by: 'yearMonth' }, measures: [measure] }));
  }
  if (category) {
    tiles.push(sized<ChartTile>('chart', { kind: 'chart', id: 'chart_split', title: `${measure.label} by ${category}`, source, chartType: 'column', category: { field: category }, measures: [measure], top: 12 }));
  }
  if (listed) {
    tiles.push(sized<TableTile>('table', {
      kind: 'table', id: 'table_top', title: `Top 10 ${plural(listed)}`, source, rows: [{ field: listed }],
      measures: [{ ...measure, numberFormat: format }], top: { n: 10, measure: measure.id },
    }));
  }
  return flowLayout(tiles);
}
