import { Badge, Button, Checkbox, Field, Input, Select } from '@fluentui/react-components';
import { ArrowDown16Regular } from '@fluentui/react-icons/svg/arrow-down';
import { ArrowUp16Regular } from '@fluentui/react-icons/svg/arrow-up';
import { Delete16Regular } from '@fluentui/react-icons/svg/delete';
import { useState, type ReactElement } from 'react';
import { CHART_TYPES, type DashboardChartType, type DashboardField, type Thresholds, type Tile } from '../../dashboards';
import type { Measure } from '../../engine';
import {
  moveBy, parameterCandidates, resizeToPreset, setChartType, setMeasureField, setMeasureKind, setThresholds, setTitle, sizeOf,
  thresholdProblem, toggleParameter, TILE_SIZE_WORD, TILE_SIZES, withoutTile, type TileSize,
} from './tile-edits';
import { useTileEditorStyles } from './TileEditor.styles';
import { CHART_TYPE_WORD, MEASURE_KIND_WORD, TILE_KIND_WORD, TILE_MEASURE_KINDS, tileName, tileSummary, type TileMeasureKind } from './tile-words';
import { HistoryTileControls } from '../history/HistoryTileControls';

export interface TileCardProps {
  tile: Tile;
  index: number;
  tiles: readonly Tile[];
  fields: readonly DashboardField[];
  onChange(tiles: Tile[]): void;
}

const firstMeasure = (t: Tile): Measure | undefined => (t.kind === 'kpi' ? t.measure : t.kind === 'header' || t.kind === 'history' ? undefined : t.measures[0]);

/** Draft limits as typed (text), so a half-typed number is not lost. */
interface LimitsDraft { direction: Thresholds['direction']; on: 'value' | 'change'; amber: string; red: string }

/** One tile of the dashboard being built: its title, what it shows, and its settings. */
export function TileCard({ tile, index, tiles, fields, onChange }: TileCardProps): ReactElement {
  const styles = useTileEditorStyles();
  const name = tileName(tile);
  const measure = firstMeasure(tile);
  const measureKind = measure && (TILE_MEASURE_KINDS as readonly string[]).includes(measure.kind) ? (measure.kind as TileMeasureKind) : undefined;
  const measureField = measure && 'field' in measure ? measure.field : undefined;
  const size = sizeOf(tile);
  const numeric = fields.filter((f) => f.type === 'number');
  const fieldChoices = measureKind === 'count' || measureKind === 'distinctCount' ? fields : numeric;
  const [limits, setLimits] = useState<LimitsDraft | undefined>(() => (tile.kind === 'kpi' && tile.thresholds
    ? { direction: tile.thresholds.direction, on: tile.thresholds.on ?? 'value', amber: String(tile.thresholds.amber), red: String(tile.thresholds.red) }
    : undefined));
  const limitsProblem = limits ? thresholdProblem({ direction: limits.direction, amber: Number(limits.amber || NaN), red: Number(limits.red || NaN) }) : undefined;

  const updateLimits = (next: LimitsDraft | undefined) => {
    setLimits(next);
    if (!next) { onChange(setThresholds(tiles, tile.id, undefined)); return; }
    const t: Thresholds = { direction: next.direction, on: next.on, amber: Number(next.amber || NaN), red: Number(next.red || NaN) };
    // Only valid limits reach the tile; the message below says what to fix meanwhile.
    if (!thresholdProblem(t)) onChange(setThresholds(tiles, tile.id, t));
  };

  return (
    <li className={styles.card} aria-label={`${TILE_KIND_WORD[tile.kind]}: ${name}`}>
      <div className={styles.top}>
        <span className={styles.number} aria-hidden>{index + 1}</span>
        <Badge className={styles.badge} appearance="tint" color={tile.kind === 'kpi' ? 'brand' : tile.kind === 'chart' ? 'success' : tile.kind === 'table' ? 'important' : 'informative'} size="small">
          {TILE_KIND_WORD[tile.kind]}
        </Badge>
        <span className={styles.summary}>{tileSummary(tile)}</span>
        <span className={styles.tools}>
          <Button size="small" appearance="subtle" icon={<ArrowUp16Regular />} disabled={index === 0} onClick={() => onChange(moveBy(tiles, tile.id, -1))} aria-label={`Move ${name} up`} />
          <Button size="small" appearance="subtle" icon={<ArrowDown16Regular />} disabled={index === tiles.length - 1} onClick={() => onChange(moveBy(tiles, tile.id, 1))} aria-label={`Move ${name} down`} />
          <Button size="small" appearance="subtle" icon={<Delete16Regular />} onClick={() => onChange(withoutTile(tiles, tile.id))} aria-label={`Remove ${name}`} />
        </span>
      </div>
      <Input
        size="small"
        value={tile.title}
        onChange={(_, d) => onChange(setTitle(tiles, tile.id, d.value))}
        aria-label={`Title of tile ${index + 1}`}
        placeholder="Title shown on the sheet"
      />

      {tile.kind !== 'header' && (
        <div className={styles.controls}>
          {measureKind && (
            <Field label="Show" size="small">
              <Select size="small" value={measureKind} onChange={(_, d) => onChange(setMeasureKind(tiles, tile.id, d.value as TileMeasureKind))}>
                {TILE_MEASURE_KINDS.map((k) => <option key={k} value={k}>{MEASURE_KIND_WORD[k]}</option>)}
              </Select>
            </Field>
          )}
          {measureKind && measureField !== undefined && (
            <Field label="Of" size="small">
              <Select size="small" value={measureField} onChange={(_, d) => onChange(setMeasureField(tiles, tile.id, d.value, fields))}>
                {!fieldChoices.some((f) => f.name === measureField) && <option value={measureField}>{measureField}</option>}
                {fieldChoices.map((f) => <option key={f.name} value={f.name}>{f.name}</option>)}
              </Select>
            </Field>
          )}
          {tile.kind === 'chart' && (
            <Field label="Chart type" size="small">
              <Select size="small" value={tile.chartType} onChange={(_, d) => onChange(setChartType(tiles, tile.id, d.value as DashboardChartType))}>
                {CHART_TYPES.map((c) => <option key={c} value={c}>{CHART_TYPE_WORD[c]}</option>)}
              </Select>
            </Field>
          )}
          <Field label="Size" size="small">
            <Select size="small" value={size ?? 'custom'} onChange={(_, d) => onChange(resizeToPreset(tiles, tile.id, d.value as TileSize))}>
              {!size && <option value="custom">{`As set (${tile.at.rows} × ${tile.at.cols} cells)`}</option>}
              {TILE_SIZES.map((s) => <option key={s} value={s}>{TILE_SIZE_WORD[s]}</option>)}
            </Select>
          </Field>
        </div>
      )}

      {tile.kind === 'kpi' && (
        <>
          <Checkbox
            label="Turn amber or red past limits"
            checked={limits !== undefined}
            onChange={(_, d) => updateLimits(d.checked ? { direction: 'higherIsBetter', on: 'value', amber: '', red: '' } : undefined)}
          />
          {limits && (
            <div className={styles.limits}>
              <Field label="Limits apply to" size="small" hint={limits.on === 'change' ? 'As a fraction: -0.1 is a 10% fall.' : undefined}>
                <Select size="small" value={limits.on} onChange={(_, d) => updateLimits({ ...limits, on: d.value as LimitsDraft['on'] })}>
                  <option value="value">The figure</option>
                  <option value="change" disabled={tile.comparison === undefined}>Its change</option>
                </Select>
              </Field>
              <Field label="Good when" size="small">
                <Select size="small" value={limits.direction} onChange={(_, d) => updateLimits({ ...limits, direction: d.value as Thresholds['direction'] })}>
                  <option value="higherIsBetter">Higher</option>
                  <option value="lowerIsBetter">Lower</option>
                </Select>
              </Field>
              <Field label={`Amber ${limits.direction === 'higherIsBetter' ? 'below' : 'above'}`} size="small">
                <Input size="small" inputMode="decimal" value={limits.amber} onChange={(_, d) => updateLimits({ ...limits, amber: d.value })} />
              </Field>
              <Field label={`Red ${limits.direction === 'higherIsBetter' ? 'below' : 'above'}`} size="small">
                <Input size="small" inputMode="decimal" value={limits.red} onChange={(_, d) => updateLimits({ ...limits, red: d.value })} />
              </Field>
            </div>
          )}
          {limits && limitsProblem && <span className={styles.problem} role="alert">{limitsProblem}</span>}
        </>
      )}

      <HistoryTileControls tile={tile} tiles={tiles} onChange={onChange} />

      {tile.kind === 'header' && (
        <fieldset className={styles.checks}>
          <legend className={styles.legend}>Dropdowns on the dashboard</legend>
          {parameterCandidates(fields).map((c) => (
            <Checkbox
              key={`${c.kind}:${c.field}`}
              label={c.label}
              checked={tile.parameters.some((p) => p.kind === c.kind && p.field === c.field)}
              disabled={tile.parameters.length >= 6 && !tile.parameters.some((p) => p.kind === c.kind && p.field === c.field)}
              onChange={(_, d) => onChange(toggleParameter(tiles, c, Boolean(d.checked)))}
            />
          ))}
        </fieldset>
      )}
    </li>
  );
}
