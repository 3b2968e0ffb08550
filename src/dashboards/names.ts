/**
 * Names PivotDeck gives what it writes on a dashboard sheet: one workbook-level defined name per
 * tile (so a refresh finds and replaces exactly that block) and the same name on its chart.
 */

/** Letters, digits and "_" only: what Excel names allow and the model's outputRef requires. */
function clean(id: string): string {
  return id.replace(/[^A-Za-z0-9_]/g, '_');
}

/**
 * The prefix of every name a dashboard owns.
 * @example dashboardNamePrefix('d_1') // 'PivotDeck_dash_d_1_'
 */
export function dashboardNamePrefix(dashboardId: string): string {
  return `PivotDeck_dash_${clean(dashboardId)}_`;
}

/**
 * The defined name over a tile's cells.
 * @example tileName('d_1', 'kpi1') // 'PivotDeck_dash_d_1_kpi1'
 */
export function tileName(dashboardId: string, tileId: string): string {
  return `${dashboardNamePrefix(dashboardId)}${clean(tileId)}`;
}

/**
 * The name of a chart tile's Excel chart (same text as its defined name).
 * @example chartName('d_1', 'trend') // 'PivotDeck_dash_d_1_trend'
 */
export function chartName(dashboardId: string, tileId: string): string {
  return tileName(dashboardId, tileId);
}

/**
 * A sheet name that no sheet has yet (ignoring case, as Excel does): the wanted name without the
 * characters Excel forbids, cut to 31 characters, then "Dashboard (2)", "(3)"...
 *
 * @example freshSheetName(['Sales', 'Dashboard'], 'Dashboard') // 'Dashboard (2)'
 */
export function freshSheetName(taken: readonly string[], wanted: string): string {
  const base = (wanted.replace(/[[\]:*?/\\]/g, ' ').replace(/^'+|'+$/g, '').trim() || 'Dashboard').slice(0, 31);
  const lower = new Set(taken.map((t) => t.toLowerCase()));
  if (!lower.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const name = `${base.slice(0, 31 - suffix.length)}${suffix}`;
    if (!lower.has(name.toLowerCase())) return name;
  }
}
