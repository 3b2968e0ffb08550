import { outOfDateWords, type DashboardProgress, type DashboardOutcome, type DashboardSummary, type Freshness } from '../../refresh/dashboards';

/**
 * One line per source for a refresh under way: "the table "Sales": 12,000 of 20,000 rows read".
 * @example progressLine({ phase: 'source', source: 'the table "Sales"', rowsRead: 10, totalRows: 20 }) // 'the table "Sales": 10 of 20 rows read'
 */
export function progressLine(p: DashboardProgress): string {
  const n = (x: number) => x.toLocaleString('en-US');
  switch (p.phase) {
    case 'read':
      return 'Reading the dropdowns and targets…';
    case 'source': {
      const what = p.source ?? 'the data';
      if (p.rowsRead !== undefined && p.totalRows) return `${capital(what)}: ${n(p.rowsRead)} of ${n(p.totalRows)} rows read`;
      if (p.rowsRead) return `${capital(what)}: ${n(p.rowsRead)} rows read`;
      return `Reading ${what}…`;
    }
    case 'compute':
      return 'Working out the figures…';
    case 'write':
      return 'Writing to the sheet…';
  }
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * Progress lines to show: one per source seen (its latest state), then the current step when it
 * is not reading a source.
 * @example progressLines([{ phase: 'source', source: 'the table "Sales"' }, { phase: 'compute' }])
 */
export function progressLines(events: readonly DashboardProgress[]): string[] {
  const bySource = new Map<string, DashboardProgress>();
  for (const e of events) if (e.phase === 'source' && e.source) bySource.set(e.source, e);
  const lines = [...bySource.values()].map(progressLine);
  const last = events.at(-1);
  if (last && last.phase !== 'source') lines.push(progressLine(last));
  return lines;
}

/**
 * "Refreshed 27 Nov 2026, 03:10" or "Not refreshed 27 Nov 2026, 03:10: <why>", or "Never refreshed".
 * @example lastRefreshedWords({ at: '2026-11-27T03:10:00Z', ok: true }) // 'Refreshed Nov 27, 2026, 3:10 AM'
 */
export function lastRefreshedWords(last: DashboardSummary['lastRefresh']): string {
  if (!last) return 'Never refreshed';
  const when = new Date(last.at);
  const at = Number.isNaN(when.getTime()) ? last.at : when.toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short' });
  return last.ok ? `Refreshed ${at}` : `Not fully refreshed ${at}${last.message ? `: ${last.message}` : ''}`;
}

export interface StatusWords {
  text: string;
  tone: 'success' | 'warning' | 'danger' | 'informative';
}

/**
 * What a fully refreshed output's badge says once its sources were checked: "Up to date" only
 * when nothing it read changed; "Out of date — Orders changed"; "Refreshed at 27 Nov, 03:10" when
 * there is nothing to compare (a warehouse, or refreshed before PivotDeck kept stamps).
 * Undefined when not checked yet.
 * @example freshnessWords({ state: 'outOfDate', changed: ['Orders'] }) // { text: 'Out of date — Orders changed', tone: 'warning' }
 */
export function freshnessWords(freshness: Freshness | undefined): StatusWords | undefined {
  switch (freshness?.state) {
    case 'current':
      return { text: 'Up to date', tone: 'success' };
    case 'outOfDate':
      return { text: outOfDateWords(freshness.changed), tone: 'warning' };
    case 'unknown': {
      const when = freshness.refreshedAt ? new Date(freshness.refreshedAt) : undefined;
      const at = when && !Number.isNaN(when.getTime()) ? when.toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short' }) : undefined;
      return { text: at ? `Refreshed at ${at}` : 'Refreshed', tone: 'informative' };
    }
    default:
      return undefined;
  }
}

/**
 * The status badge of a dashboard from its last refresh (this session's outcome wins), and, for
 * one that refreshed fully, whether what it read changed since.
 * @example statusWords(summary, undefined, { state: 'current' }) // { text: 'Up to date', tone: 'success' }
 */
export function statusWords(summary: Pick<DashboardSummary, 'lastRefresh' | 'problems'>, outcome: DashboardOutcome | undefined, freshness?: Freshness): StatusWords {
  if (summary.problems.length > 0) return { text: 'Needs attention', tone: 'danger' };
  // 'saved' changed only the definition: the last refresh still tells how fresh the sheet is.
  const status = (outcome?.status === 'saved' ? undefined : outcome?.status) ?? (summary.lastRefresh ? (summary.lastRefresh.ok ? 'written' : 'partial') : undefined);
  switch (status) {
    case 'written':
      return freshnessWords(freshness) ?? { text: 'Up to date', tone: 'success' };
    case 'partial':
      return { text: 'Some tiles are out of date', tone: 'warning' };
    case 'failed':
      return { text: 'Refresh failed', tone: 'danger' };
    case 'cancelled':
      return { text: 'Refresh cancelled', tone: 'warning' };
    default:
      return { text: 'Not refreshed yet', tone: 'informative' };
  }
}

/**
 * Tiles left out of date by a refresh, with the reason: "Top 10 Product: the source could not be read".
 * @example staleTiles(outcome, new Map([['kpi1', 'Revenue']])) // ['Revenue: …']
 */
export function staleTiles(outcome: DashboardOutcome | undefined, names: ReadonlyMap<string, string>): string[] {
  if (!outcome) return [];
  return Object.entries(outcome.tiles)
    .filter(([, t]) => t.status === 'stale')
    .map(([id, t]) => `${names.get(id) ?? id}: ${t.reason ?? 'not refreshed'}`);
}
