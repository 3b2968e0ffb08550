import type { Measure } from '../../engine';
import type { AxisField, ChartTile, Comparison, DashboardChartType, Thresholds, Tile, TileKind } from '../../dashboards';

/** What each kind of tile is called in the pane. */
export const TILE_KIND_WORD: Record<TileKind, string> = {
  header: 'Title',
  kpi: 'Key figure',
  chart: 'Chart',
  table: 'Table',
  history: 'History chart',
};

/** Chart types in the words Excel's Insert Chart uses. */
export const CHART_TYPE_WORD: Record<DashboardChartType, string> = {
  column: 'Column',
  bar: 'Bar',
  line: 'Line',
  area: 'Area',
  pie: 'Pie',
  doughnut: 'Doughnut',
  combo: 'Combo (column + line)',
};

/** The summaries a dashboard tile offers in its measure dropdown, in the query builder's words. */
export const TILE_MEASURE_KINDS = ['sum', 'average', 'count', 'distinctCount', 'median', 'min', 'max'] as const;
export type TileMeasureKind = (typeof TILE_MEASURE_KINDS)[number];

export const MEASURE_KIND_WORD: Record<TileMeasureKind, string> = {
  sum: 'Total',
  average: 'Average',
  count: 'Number of rows',
  distinctCount: 'Number of different',
  median: 'Median',
  min: 'Smallest',
  max: 'Largest',
};

const DATE_PART_WORD: Record<string, string> = {
  year: 'year', quarter: 'quarter', month: 'month', yearMonth: 'month', isoWeek: 'week', day: 'day', weekday: 'weekday',
};

/**
 * A measure as a business person reads it: its label if it has one, else "Total Revenue".
 * @example measureWords({ id: 'm1', kind: 'sum', field: 'Revenue' }) // 'Total Revenue'
 */
export function measureWords(m: Measure): string {
  if (m.label) return m.label;
  if (m.kind === 'formula') return m.formula;
  const word = (MEASURE_KIND_WORD as Record<string, string | undefined>)[m.kind];
  if (m.kind === 'distinctCount') return `Number of different ${m.field}`;
  if (m.kind === 'count') return 'Number of rows';
  return word ? `${word} ${m.field}` : `${m.kind} of ${m.field}`;
}

/**
 * A category axis: "month (Date)", "Region".
 * @example axisWords({ field: 'Date', by: 'yearMonth' }) // 'month (Date)'
 */
export function axisWords(axis: AxisField): string {
  return axis.by ? `${DATE_PART_WORD[axis.by] ?? axis.by} (${axis.field})` : axis.field;
}

/**
 * A comparison in words: "vs previous year", "vs target 50,000", "vs target in Targets!B2".
 * @example comparisonWords({ kind: 'previousPeriod', dateField: 'Date', period: 'year' }) // 'vs previous year'
 */
export function comparisonWords(c: Comparison): string {
  if (c.kind !== 'target') return c.kind === 'previousPeriod' ? `vs previous ${c.period}` : `vs same ${c.period} last year`;
  if (c.cell) return `vs target in ${c.cell}`;
  return `vs target ${(c.value ?? 0).toLocaleString('en-US')}`;
}

/**
 * Thresholds in words: "amber below 10,000, red below 5,000".
 * @example thresholdWords({ direction: 'higherIsBetter', amber: 10, red: 5 }) // 'amber below 10, red below 5'
 */
export function thresholdWords(t: Thresholds): string {
  const side = t.direction === 'higherIsBetter' ? 'below' : 'above';
  if (t.on === 'change') {
    const pct = (x: number) => `${(x * 100).toLocaleString('en-US', { maximumFractionDigits: 1 })}%`;
    return `amber when the change is ${side} ${pct(t.amber)}, red ${side} ${pct(t.red)}`;
  }
  return `amber ${side} ${t.amber.toLocaleString('en-US')}, red ${side} ${t.red.toLocaleString('en-US')}`;
}

function chartWords(t: ChartTile): string {
  const what = t.measures.map(measureWords).join(' and ');
  const top = t.top ? `, largest ${t.top}` : '';
  const split = t.series ? `, one series per ${t.series}` : '';
  return `${CHART_TYPE_WORD[t.chartType].replace(/ \(.*\)$/, '')} chart: ${what} by ${axisWords(t.category)}${split}${top}`;
}

/**
 * One line saying what a tile shows, for the tile list.
 * @example tileSummary(kpi) // 'Total Revenue, vs previous year'
 */
export function tileSummary(tile: Tile): string {
  switch (tile.kind) {
    case 'header':
      return tile.parameters.length > 0 ? `Dropdowns: ${tile.parameters.map((p) => p.label).join(', ')}` : 'Title and last refreshed time';
    case 'kpi':
      return [measureWords(tile.measure), tile.comparison && comparisonWords(tile.comparison), tile.thresholds && thresholdWords(tile.thresholds)]
        .filter(Boolean).join(', ');
    case 'chart':
      return chartWords(tile);
    case 'history':
      return 'A key figure over the history snapshots, as a line';
    case 'table': {
      const first = tile.measures[0];
      const by = tile.top ? tile.measures.find((m) => m.id === tile.top?.measure) ?? first : first;
      const rows = tile.rows.map(axisWords).join(', ');
      if (tile.top) return `${tile.top.direction === 'bottom' ? 'Bottom' : 'Top'} ${tile.top.n} ${rows} by ${measureWords(by)}`;
      return `${tile.measures.map(measureWords).join(', ')} by ${rows}${tile.column ? ` and ${axisWords(tile.column)}` : ''}`;
    }
  }
}

/**
 * A tile's name in the list: its title, else what it shows.
 * @example tileName({ ...kpi, title: '' }) // 'Total Revenue'
 */
export function tileName(tile: Tile): string {
  return tile.title.trim() || (tile.kind === 'header' ? 'Dashboard title' : tileSummary(tile));
}
