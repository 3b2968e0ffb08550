/**
 * The tile list's edits, pure: each takes the tiles in display order and returns new ones,
 * packed again with flowLayout so an edit never leaves two tiles over each other.
 */
import type { Measure } from '../../engine';
import {
  DEFAULT_TILE_SIZE, flowLayout, newTileId, TILE_VERSION,
  type ChartTile, type DashboardChartType, type DashboardField, type KpiTile, type SourceRef, type TableTile, type Thresholds, type Tile, type TileKind,
} from '../../dashboards';
import { measureWords, type TileMeasureKind } from './tile-words';

export type TileSize = 'small' | 'medium' | 'large';
export const TILE_SIZES: readonly TileSize[] = ['small', 'medium', 'large'];
export const TILE_SIZE_WORD: Record<TileSize, string> = { small: 'Small', medium: 'Medium', large: 'Large (full width)' };

/** Rows × columns of each size; medium is the kind's default. Header tiles keep theirs. */
const SIZES: Record<Exclude<TileKind, 'header'>, Record<TileSize, { rows: number; cols: number }>> = {
  kpi: { small: { rows: 4, cols: 3 }, medium: { rows: 5, cols: 4 }, large: { rows: 6, cols: 7 } },
  chart: { small: { rows: 10, cols: 5 }, medium: { ...DEFAULT_TILE_SIZE.chart }, large: { rows: 18, cols: 15 } },
  table: { small: { rows: 8, cols: 5 }, medium: { ...DEFAULT_TILE_SIZE.table }, large: { rows: 16, cols: 15 } },
  history: { small: { rows: 8, cols: 5 }, medium: { ...DEFAULT_TILE_SIZE.history }, large: { rows: 14, cols: 15 } },
};

/**
 * The size preset a tile has, or undefined when it was sized by hand.
 * @example sizeOf(kpi) // 'small'
 */
export function sizeOf(tile: Tile): TileSize | undefined {
  if (tile.kind === 'header') return undefined;
  return TILE_SIZES.find((s) => SIZES[tile.kind][s].rows === tile.at.rows && SIZES[tile.kind][s].cols === tile.at.cols);
}

/** Replaces one tile and packs the layout again. */
function replace(tiles: readonly Tile[], id: string, change: (t: Tile) => Tile): Tile[] {
  return flowLayout(tiles.map((t) => (t.id === id ? change(t) : t)));
}

/**
 * Gives a tile a size preset.
 * @example resizeToPreset(tiles, 'chart1', 'large')
 */
export function resizeToPreset(tiles: readonly Tile[], id: string, size: TileSize): Tile[] {
  return replace(tiles, id, (t) => (t.kind === 'header' ? t : { ...t, at: { ...t.at, ...SIZES[t.kind][size] } }));
}

/**
 * Moves a tile one place earlier (-1) or later (+1) in the reading order.
 * @example moveBy(tiles, 'kpi2', -1)
 */
export function moveBy(tiles: readonly Tile[], id: string, step: -1 | 1): Tile[] {
  const i = tiles.findIndex((t) => t.id === id);
  const j = i + step;
  if (i < 0 || j < 0 || j >= tiles.length) return [...tiles];
  const next = [...tiles];
  [next[i], next[j]] = [next[j], next[i]];
  return flowLayout(next);
}

/**
 * Removes a tile and closes the gap.
 * @example withoutTile(tiles, 'table1')
 */
export function withoutTile(tiles: readonly Tile[], id: string): Tile[] {
  return flowLayout(tiles.filter((t) => t.id !== id));
}

/** A measure's field, when it has one. */
const fieldOf = (m: Measure): string | undefined => ('field' in m ? m.field : undefined);

/**
 * Changes how a tile's first value is summarised (Total, Average, ...), keeping its field; the
 * tile's label follows when it was the default one.
 * @example setMeasureKind(tiles, 'kpi1', 'average')
 */
export function setMeasureKind(tiles: readonly Tile[], id: string, kind: TileMeasureKind): Tile[] {
  const change = (m: Measure): Measure => {
    const field = fieldOf(m);
    if (!field) return m;
    const { id: mid, numberFormat } = m;
    const counts = kind === 'count' || kind === 'distinctCount';
    const next: Measure = { id: mid, kind, field, ...(numberFormat && !counts ? { numberFormat } : counts ? { numberFormat: '#,##0' } : {}) };
    return { ...next, label: measureWords(next) };
  };
  return replace(tiles, id, (t) => {
    switch (t.kind) {
      case 'kpi': {
        const before = measureWords(t.measure);
        const measure = change(t.measure);
        return { ...t, measure, title: t.title === before ? measureWords(measure) : t.title };
      }
      case 'chart':
      case 'table':
        return { ...t, measures: [change(t.measures[0]), ...t.measures.slice(1)] } as ChartTile | TableTile;
      default:
        return t;
    }
  });
}

/**
 * Changes a chart's type. Pie and doughnut show one value without a series split; a combo needs
 * a second value (a count of rows is added when the chart has only one).
 * @example setChartType(tiles, 'chart1', 'line')
 */
export function setChartType(tiles: readonly Tile[], id: string, chartType: DashboardChartType): Tile[] {
  return replace(tiles, id, (t) => {
    if (t.kind !== 'chart') return t;
    let { measures } = t;
    let series = t.series;
    if (chartType === 'pie' || chartType === 'doughnut') {
      measures = measures.slice(0, 1);
      series = undefined;
    } else if (chartType === 'combo') {
      series = undefined;
      if (measures.length < 2) {
        const field = fieldOf(measures[0]) ?? t.category.field;
        measures = [measures[0], { id: newTileId(measures, 'm'), kind: 'count', field, label: 'Number of rows', numberFormat: '#,##0' }];
      } else measures = measures.slice(0, 2);
    }
    const next: ChartTile = { ...t, chartType, measures };
    if (series === undefined) delete next.series;
    return next;
  });
}

/**
 * Turns a key figure's amber/red limits on (with these values) or off (undefined).
 * @example setThresholds(tiles, 'kpi1', { direction: 'higherIsBetter', amber: 100000, red: 50000 })
 */
export function setThresholds(tiles: readonly Tile[], id: string, thresholds: Thresholds | undefined): Tile[] {
  return replace(tiles, id, (t) => {
    if (t.kind !== 'kpi') return t;
    const next: KpiTile = { ...t };
    if (thresholds) next.thresholds = thresholds;
    else delete next.thresholds;
    return next;
  });
}

/**
 * Renames a tile.
 * @example setTitle(tiles, 'kpi1', 'Revenue')
 */
export function setTitle(tiles: readonly Tile[], id: string, title: string): Tile[] {
  return tiles.map((t) => (t.id === id ? { ...t, title: title.slice(0, 255) } : t));
}

/**
 * Why limits cannot be used, or undefined when they can (the red limit is past the amber one).
 * @example thresholdProblem({ direction: 'higherIsBetter', amber: 10, red: 20 }) // 'For “higher is better”, …'
 */
export function thresholdProblem(t: { direction: Thresholds['direction']; amber: number; red: number }): string | undefined {
  if (!Number.isFinite(t.amber) || !Number.isFinite(t.red)) return 'Type a number for both limits.';
  if (t.direction === 'higherIsBetter' && t.red > t.amber) return 'When higher is better, the red limit must be at or below the amber limit.';
  if (t.direction === 'lowerIsBetter' && t.red < t.amber) return 'When lower is better, the red limit must be at or above the amber limit.';
  return undefined;
}

/** The first field of a type, else the first field. */
function pick(fields: readonly DashboardField[], type: DashboardField['type'], not?: string): DashboardField | undefined {
  return fields.find((f) => f.type === type && f.name !== not);
}

/**
 * A new tile of a kind over the source, with a sensible first choice the user then edits:
 * a key figure is the total of the first number field; a chart and a table show it by the first
 * text field (a chart by month when there is a date).
 * @example newTile(tiles, 'kpi', { kind: 'table', name: 'Sales' }, fields)
 */
export function newTile(tiles: readonly Tile[], kind: Exclude<TileKind, 'header' | 'history'>, source: SourceRef, fields: readonly DashboardField[]): Tile[] {
  const amount = pick(fields, 'number') ?? fields[0];
  if (!amount) throw new Error('This source has no fields to show.');
  const text = pick(fields, 'text');
  const date = pick(fields, 'date');
  const id = newTileId(tiles, kind);
  const measure: Measure = { id: 'm1', kind: amount.type === 'number' ? 'sum' : 'count', field: amount.name, ...(amount.numberFormat && amount.numberFormat !== 'General' ? { numberFormat: amount.numberFormat } : {}) };
  const label = measureWords(measure);
  const base = { version: TILE_VERSION, id, at: { row: 0, col: 0, ...SIZES[kind].medium }, source } as const;
  let tile: Tile;
  if (kind === 'kpi') tile = { ...base, kind, title: label, measure: { ...measure, label } };
  else if (kind === 'chart') {
    const category = date ? { field: date.name, by: 'yearMonth' as const } : { field: (text ?? amount).name };
    tile = { ...base, kind, title: `${label} by ${date ? 'month' : category.field}`, chartType: date ? 'line' : 'column', category, measures: [{ ...measure, label }] };
  } else {
    const row = text ?? amount;
    tile = { ...base, kind, title: `Top 10 ${row.name}`, rows: [{ field: row.name }], measures: [{ ...measure, label }], top: { n: 10, measure: 'm1' } };
  }
  return flowLayout([...tiles, tile]);
}

/**
 * Points a tile's first value at another field, keeping how it is summarised.
 * @example setMeasureField(tiles, 'kpi1', 'Cost')
 */
export function setMeasureField(tiles: readonly Tile[], id: string, field: string, fields: readonly DashboardField[]): Tile[] {
  const format = fields.find((f) => f.name === field)?.numberFormat;
  const change = (m: Measure): Measure => {
    if (!('field' in m)) return m;
    const counts = m.kind === 'count' || m.kind === 'distinctCount';
    const next = { ...m, field, numberFormat: counts ? '#,##0' : format && format !== 'General' ? format : undefined } as Measure;
    if (next.numberFormat === undefined) delete next.numberFormat;
    delete next.label;
    return { ...next, label: measureWords(next) };
  };
  return replace(tiles, id, (t) => {
    switch (t.kind) {
      case 'kpi': {
        const measure = change(t.measure);
        return { ...t, measure, title: t.title === measureWords(t.measure) ? measureWords(measure) : t.title };
      }
      case 'chart':
      case 'table':
        return { ...t, measures: [change(t.measures[0]), ...t.measures.slice(1)] } as ChartTile | TableTile;
      default:
        return t;
    }
  });
}

/** A parameter id from a field name (letters, digits, _), unique among `taken`. */
function parameterId(field: string, taken: ReadonlySet<string>): string {
  const base = field.replace(/[^A-Za-z0-9_]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 30) || 'p';
  let id = base;
  for (let n = 2; taken.has(id.toLowerCase()); n++) id = `${base}_${n}`;
  return id;
}

/**
 * Offers (on) or stops offering (off) a dropdown on the dashboard's title tile: a list of a text
 * field's items, or the years of a date field.
 * @example toggleParameter(tiles, { kind: 'list', field: 'Region' }, true)
 */
export function toggleParameter(tiles: readonly Tile[], parameter: { kind: 'list' | 'year'; field: string }, on: boolean): Tile[] {
  return tiles.map((t) => {
    if (t.kind !== 'header') return t;
    const same = (p: { kind: string; field: string }) => p.kind === parameter.kind && p.field === parameter.field;
    if (!on) return { ...t, parameters: t.parameters.filter((p) => !same(p)) };
    if (t.parameters.some(same) || t.parameters.length >= 6) return t;
    const id = parameterId(parameter.kind === 'year' ? 'Year' : parameter.field, new Set(t.parameters.map((p) => p.id.toLowerCase())));
    return { ...t, parameters: [...t.parameters, { id, label: parameter.kind === 'year' ? 'Year' : parameter.field, kind: parameter.kind, field: parameter.field }] };
  });
}

/**
 * The dropdowns a title tile can offer for these fields: every text field, and the year of every date field.
 * @example parameterCandidates(fields) // [{ kind: 'list', field: 'Region', label: 'Region' }, { kind: 'year', field: 'Date', label: 'Year (of Date)' }]
 */
export function parameterCandidates(fields: readonly DashboardField[]): Array<{ kind: 'list' | 'year'; field: string; label: string }> {
  return [
    ...fields.filter((f) => f.type === 'text').map((f) => ({ kind: 'list' as const, field: f.name, label: f.name })),
    ...fields.filter((f) => f.type === 'date').map((f) => ({ kind: 'year' as const, field: f.name, label: `Year (of ${f.name})` })),
  ];
}
