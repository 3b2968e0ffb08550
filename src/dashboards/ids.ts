/** Ids for new dashboards and tiles: letters, digits and "_" so they fit Excel names. */

/**
 * A tile id not used by `tiles`, from its kind: "kpi1", "kpi2", "chart1"...
 * @example newTileId([{ id: 'kpi1' }], 'kpi') // 'kpi2'
 */
export function newTileId(tiles: ReadonlyArray<{ id: string }>, kind: string): string {
  const taken = new Set(tiles.map((t) => t.id.toLowerCase()));
  for (let n = 1; ; n++) if (!taken.has(`${kind}${n}`.toLowerCase())) return `${kind}${n}`;
}

/**
 * A dashboard id not used in the document.
 * @example newDashboardId([{ id: 'd1' }]) // 'd2'
 */
export function newDashboardId(dashboards: ReadonlyArray<{ id: string }>): string {
  return newTileId(dashboards, 'd');
}
