import { Button } from '@fluentui/react-components';
import { useRef, type ReactElement } from 'react';
import type { DashboardField, SourceRef, Tile } from '../../dashboards';
import { TileCard } from './TileCard';
import { newTile } from './tile-edits';
import { addHistoryTile, keyFigures } from '../history/history-tile-edits';
import { useTileEditorStyles } from './TileEditor.styles';

export interface TileEditorProps {
  tiles: Tile[];
  fields: readonly DashboardField[];
  /** Where added tiles read from; absent, tiles cannot be added (the source is unknown). */
  source?: SourceRef;
  onChange(tiles: Tile[]): void;
  onError(message: string): void;
}

/** The proposed tiles as an editable list, in reading order (left to right, top to bottom). */
export function TileEditor({ tiles, fields, source, onChange, onError }: TileEditorProps): ReactElement {
  const styles = useTileEditorStyles();
  const list = useRef<HTMLUListElement>(null);
  /**
   * Applies an edit and keeps focus with the tiles (issue 16 part 2): an added tile's title box
   * takes focus (it says what was added and is the first thing to change); a removed tile's
   * Remove button goes with it, so focus moves to the title of the tile now in its place.
   */
  const change = (next: Tile[]) => {
    const added = next.length > tiles.length ? next.findIndex((n) => !tiles.some((t) => t.id === n.id)) : -1;
    const removedAt = next.length < tiles.length ? tiles.findIndex((t) => !next.some((n) => n.id === t.id)) : -1;
    onChange(next);
    const at = added >= 0 ? added : removedAt;
    if (at < 0) return;
    requestAnimationFrame(() => {
      const items = list.current?.querySelectorAll<HTMLElement>(':scope > li');
      if (!items?.length) return;
      items[Math.min(at, items.length - 1)]?.querySelector<HTMLElement>('input')?.focus();
    });
  };
  const add = (kind: 'kpi' | 'chart' | 'table') => {
    if (!source) return;
    try {
      change(newTile(tiles, kind, source, fields));
    } catch (e) {
      onError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <div className={styles.root}>
      <ul ref={list} className={styles.list} aria-label="Tiles of the dashboard">
        {tiles.map((t, i) => <TileCard key={t.id} tile={t} index={i} tiles={tiles} fields={fields} onChange={change} />)}
      </ul>
      {source && fields.length > 0 && (
        <div className={styles.add} role="group" aria-label="Add a tile">
          <Button size="small" onClick={() => add('kpi')}>Add a key figure</Button>
          <Button size="small" onClick={() => add('chart')}>Add a chart</Button>
          <Button size="small" onClick={() => add('table')}>Add a table</Button>
          {/* History (issue 17): a line of a key figure over the refreshes. */}
          <Button size="small" disabled={keyFigures(tiles).length === 0} onClick={() => change(addHistoryTile(tiles))}>Add a history chart</Button>
        </div>
      )}
    </div>
  );
}
