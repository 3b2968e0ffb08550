/**
 * The template gallery: ready-made dashboards fitted to a table's fields.
 */
import { formatFieldRef } from '../engine/formula';
import type { Measure, SourceRef } from '../engine/spec';
import { flowLayout } from './layout';
import { plural } from './plural';
import { detectFieldRoles, sized, wholeFormat } from './starter-layout';
import type { ChartTile, DashboardField, HeaderTile, KpiTile, TableTile, Tile } from './types';

export type TemplateId = 'salesOverview' | 'monitoring';

export interface DashboardTemplate {
  id: TemplateId;
  label: string;
  description: string;
}

/** The template gallery. */
export const DASHBOARD_TEMPLATES: readonly DashboardTemplate[] = [
  {
    id: 'salesOverview',
    label: 'Sales overview',
    description: 'Revenue with growth, orders, customers and average order; the monthly trend, revenue by category, the top 10 products; Region and Year dropdowns.',
  },
  {
    id: 'monitoring',
    label: 'Monitoring (thresholds)',
    description: 'Growth and margin figures that turn amber or red when they pass the limits you set.',
  },
];

class TemplateError extends Error {}


function need(value: string | undefined, what: string): string {
  if (!value) throw new TemplateError(`This template needs ${what}. Pick a table that has one, or start from the proposed layout instead.`);
  return value;
}

function salesOverview(source: SourceRef, fields: readonly DashboardField[]): Tile[] {
  const roles = detectFieldRoles(fields);
  const date = need(roles.date, 'a date column');
  const amount = need(roles.amount, 'an amount column (such as Revenue)');
  const money = wholeFormat(fields.find((f) => f.name === amount));
  const byYear = { kind: 'previousPeriod' as const, dateField: date, period: 'year' as const };
  const revenue: Measure = { id: 'revenue', kind: 'sum', field: amount, label: amount, numberFormat: money };
  const region = roles.categories.find((c) => /region|country|state|territory/i.test(c)) ?? roles.categories[0];
  const category = roles.categories.find((c) => c !== region && /categor|segment|type|group|line/i.test(c)) ?? roles.categories.find((c) => c !== region) ?? region;
  const listed = roles.item ?? category;
  const parameters: HeaderTile['parameters'] = [];
  if (region) parameters.push({ id: 'p_region', label: region, kind: 'list', field: region });
  parameters.push({ id: 'p_year', label: 'Year', kind: 'year', field: date });

  const tiles: Tile[] = [
    sized<HeaderTile>('header', { kind: 'header', id: 'header', title: 'Sales overview', parameters }),
    sized<KpiTile>('kpi', { kind: 'kpi', id: 'kpi_revenue', title: `Total ${amount}`, source, measure: revenue, comparison: byYear, numberFormat: money }),
    sized<KpiTile>('kpi', { kind: 'kpi', id: 'kpi_orders', title: 'Orders', source, measure: { id: 'orders', kind: 'count', field: amount }, comparison: byYear, numberFormat: '#,##0' }),
  ];
  if (roles.customer) {
    tiles.push(sized<KpiTile>('kpi', {
      kind: 'kpi', id: 'kpi_customers', title: 'Customers', source, measure: { id: 'customers', kind: 'distinctCount', field: roles.customer }, comparison: byYear, numberFormat: '#,##0',
    }));
  }
  tiles.push(sized<KpiTile>('kpi', {
    kind: 'kpi', id: 'kpi_average', title: 'Average order', source, measure: { id: 'average', kind: 'average', field: amount }, comparison: byYear,
    numberFormat: `${money}.00`,
  }));
  tiles.push(sized<ChartTile>('chart', { kind: 'chart', id: 'chart_trend', title: `${amount} by month`, source, chartType: 'line', category: { field: date, by: 'yearMonth' }, measures: [revenue] }));
  if (category) {
    tiles.push(sized<ChartTile>('chart', { kind: 'chart', id: 'chart_category', title: `${amount} by ${category}`, source, chartType: 'column', category: { field: category }, measures: [revenue], top: 12 }));
  }
  if (listed) {
    tiles.push(sized<TableTile>('table', {
      kind: 'table', id: 'table_top10', title: `Top 10 ${plural(listed)}`, source, rows: [{ field: listed }],
      measures: [{ ...revenue, numberFormat: money }], top: { n: 10, measure: 'revenue' },
    }));
  }
  if (region) {
    tiles.push(sized<ChartTile>('chart', { kind: 'chart', id: 'chart_region', title: `${amount} by ${region}`, source, chartType: 'doughnut', category: { field: region }, measures: [revenue], ignoreParameters: ['p_region'] }));
  }
  return flowLayout(tiles);
}

function monitoring(source: SourceRef, fields: readonly DashboardField[]): Tile[] {
  const roles = detectFieldRoles(fields);
  const date = need(roles.date, 'a date column');
  const amount = need(roles.amount, 'an amount column (such as Revenue)');
  const money = wholeFormat(fields.find((f) => f.name === amount));
  const cost = fields.find((f) => f.type === 'number' && f.name !== amount && /cost|cogs|expense/i.test(f.name))?.name;
  const vsLastMonth = { kind: 'previousPeriod' as const, dateField: date, period: 'month' as const };
  const vsLastYear = { kind: 'samePeriodLastYear' as const, dateField: date, period: 'month' as const };
  const falling = { direction: 'higherIsBetter' as const, on: 'change' as const, amber: 0, red: -0.1 };
  const region = roles.categories.find((c) => /region|country|state|territory/i.test(c)) ?? roles.categories[0];
  const parameters: HeaderTile['parameters'] = [];
  if (region) parameters.push({ id: 'p_region', label: region, kind: 'list', field: region });
  parameters.push({ id: 'p_year', label: 'Year', kind: 'year', field: date });

  const tiles: Tile[] = [
    sized<HeaderTile>('header', { kind: 'header', id: 'header', title: 'Monitoring', parameters }),
    sized<KpiTile>('kpi', {
      kind: 'kpi', id: 'kpi_month', title: `${amount} this month`, source, measure: { id: 'revenue', kind: 'sum', field: amount }, comparison: vsLastMonth, thresholds: falling, numberFormat: money,
    }),
    sized<KpiTile>('kpi', {
      kind: 'kpi', id: 'kpi_month_ly', title: `${amount} vs last year`, source, measure: { id: 'revenue', kind: 'sum', field: amount }, comparison: vsLastYear, thresholds: falling, numberFormat: money,
    }),
    sized<KpiTile>('kpi', {
      kind: 'kpi', id: 'kpi_orders', title: 'Orders this month', source, measure: { id: 'orders', kind: 'count', field: amount }, comparison: vsLastMonth, thresholds: falling, numberFormat: '#,##0',
    }),
  ];
  if (cost) {
    tiles.push(sized<KpiTile>('kpi', {
      kind: 'kpi', id: 'kpi_margin', title: 'Margin', source,
      measure: { id: 'margin', kind: 'formula', formula: `(SUM(${formatFieldRef(amount)}) - SUM(${formatFieldRef(cost)})) / SUM(${formatFieldRef(amount)})` },
      comparison: vsLastMonth, thresholds: { direction: 'higherIsBetter', amber: 0.35, red: 0.25 }, numberFormat: '0.0%',
    }));
  }
  tiles.push(sized<ChartTile>('chart', {
    kind: 'chart', id: 'chart_trend', title: `${amount} and orders by month`, source, chartType: 'combo', category: { field: date, by: 'yearMonth' },
    measures: [{ id: 'revenue', kind: 'sum', field: amount, label: amount, numberFormat: money }, { id: 'orders', kind: 'count', field: amount, label: 'Orders', numberFormat: '#,##0' }],
  }));
  return flowLayout(tiles);
}

/**
 * Tiles of a template for a source with these fields. Throws a message naming what the table
 * lacks (e.g. a date column) when the template cannot fit it.
 *
 * @example buildFromTemplate('salesOverview', { kind: 'table', name: 'Sales' }, fields)
 */
export function buildFromTemplate(id: TemplateId, source: SourceRef, fields: readonly DashboardField[]): Tile[] {
  switch (id) {
    case 'salesOverview':
      return salesOverview(source, fields);
    case 'monitoring':
      return monitoring(source, fields);
  }
}
