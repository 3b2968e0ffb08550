import { TileSchema, type Tile } from './types';

export interface ParsedTiles {
  tiles: Tile[];
  /** Tiles that could not be read, with why (edited by hand, or from a newer PivotDeck). */
  problems: Array<{ index: number; id?: string; message: string }>;
}

/**
 * Validates one stored tile.
 * @example parseTile({ version: 1, kind: 'header', id: 'h', title: 'Sales', at: { row: 0, col: 0, rows: 3, cols: 15 }, parameters: [] }).ok // true
 */
export function parseTile(input: unknown): { ok: true; tile: Tile } | { ok: false; message: string } {
  const version = (input as { version?: unknown } | null)?.version;
  if (typeof version === 'number' && version > 1) {
    return { ok: false, message: `This tile was made by a newer PivotDeck (tile version ${version}); update PivotDeck to use it.` };
  }
  const parsed = TileSchema.safeParse(input);
  if (parsed.success) return { ok: true, tile: parsed.data };
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? ` (at ${issue.path.join('.')})` : '';
  return { ok: false, message: `${issue?.message ?? 'not a dashboard tile'}${where}` };
}

/**
 * Validates a dashboard's stored tiles: good tiles are kept, broken ones are listed with their
 * problem (never dropped silently), and ids must be unique.
 *
 * @example parseTiles(doc.dashboards[0].tiles).problems // []
 */
export function parseTiles(stored: readonly unknown[]): ParsedTiles {
  const tiles: Tile[] = [];
  const problems: ParsedTiles['problems'] = [];
  const ids = new Set<string>();
  stored.forEach((input, index) => {
    const r = parseTile(input);
    const rawId = (input as { id?: unknown } | null)?.id;
    const id = typeof rawId === 'string' ? rawId : undefined;
    if (!r.ok) {
      problems.push({ index, id, message: r.message });
    } else if (ids.has(r.tile.id.toLowerCase())) {
      problems.push({ index, id, message: `tile id "${r.tile.id}" is used twice` });
    } else {
      ids.add(r.tile.id.toLowerCase());
      tiles.push(r.tile);
    }
  });
  return { tiles, problems };
}
