import { Checkbox, Field, Select } from '@fluentui/react-components';
import type { ReactElement } from 'react';
import type { Tile } from '../../dashboards';
import { keyFigures, setHistoryKpi, setVsLastSnapshot } from './history-tile-edits';

export interface HistoryTileControlsProps {
  tile: Tile;
  tiles: readonly Tile[];
  onChange(tiles: Tile[]): void;
}

/**
 * History settings on a tile's card (issue 17): on a key figure, "compare with the last
 * snapshot"; on a history chart, which key figure it draws. Nothing for other tiles.
 */
export function HistoryTileControls({ tile, tiles, onChange }: HistoryTileControlsProps): ReactElement | null {
  if (tile.kind === 'kpi') {
    return (
      <Checkbox
        label="Compare with the last history snapshot"
        checked={tile.vsLastSnapshot === true}
        onChange={(_, d) => onChange(setVsLastSnapshot(tiles, tile.id, Boolean(d.checked)))}
      />
    );
  }
  if (tile.kind !== 'history') return null;
  const figures = keyFigures(tiles);
  return (
    <Field label="Key figure drawn" size="small" hint="Needs “Keep history” below; one point per refresh.">
      <Select size="small" value={tile.kpi} onChange={(_, d) => onChange(setHistoryKpi(tiles, tile.id, d.value))}>
        {!figures.some((k) => k.id === tile.kpi) && <option value={tile.kpi}>{`(missing: ${tile.kpi})`}</option>}
        {figures.map((k) => <option key={k.id} value={k.id}>{k.title || k.id}</option>)}
      </Select>
    </Field>
  );
}
