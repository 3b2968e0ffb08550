import type { PivotExtension } from '../../model';
import { NO_RECORD } from '../../refresh/extensions/check-extension';

/** What an extension card says about its numbers. */
export type FreshnessLine =
  | { kind: 'stale'; headline: string; reasons: string[]; advice: string }
  | { kind: 'plain'; text: string };

/**
 * "Out of date — the PivotTable changed" when PivotDeck found a change; "Checked against Excel"
 * only for numbers computed against the pivot as PivotDeck last found it; never "match" otherwise.
 *
 * @example freshnessLine(ext).kind // 'stale'
 */
export function freshnessLine(ext: PivotExtension, format: (iso: string) => string = (iso) => new Date(iso).toLocaleString()): FreshnessLine {
  if (ext.outOfDate) {
    return {
      kind: 'stale',
      headline: ext.outOfDate.changed === 'pivot' ? 'Out of date — the PivotTable changed' : 'Out of date — the PivotTable\'s source data changed',
      reasons: ext.outOfDate.reasons,
      advice: ext.outOfDate.changed === 'pivot'
        ? 'The columns beside it may no longer line up with its rows. Press Refresh to compute them again.'
        : 'Refresh the PivotTable in Excel (Data → Refresh), then press Refresh here.',
    };
  }
  const last = ext.lastRefresh;
  if (!last) return { kind: 'plain', text: 'Not computed yet. Press Refresh.' };
  if (!last.ok) return { kind: 'plain', text: `Not refreshed ${format(last.at)}: ${last.message ?? ''}`.trim() };
  if (!ext.computedAgainst) return { kind: 'plain', text: `Refreshed ${format(last.at)}. ${NO_RECORD}` };
  return { kind: 'plain', text: `Refreshed ${format(last.at)}${last.message ? `: ${last.message}` : ''}` };
}
