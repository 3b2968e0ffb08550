/**
 * The "Keep history" option as the pane's form holds it (issue 17): text boxes keep what is
 * typed, so a half-typed number is not lost. Pure.
 */
import type { HistoryOptions } from '../../model';

export type RetentionKind = 'all' | 'count' | 'days';

export interface HistoryDraft {
  keep: boolean;
  by: RetentionKind;
  /** As typed. */
  count: string;
  days: string;
}

/** What a new history keeps unless the user says otherwise: the last 100 refreshes. */
export const DEFAULT_HISTORY_DRAFT: HistoryDraft = { keep: false, by: 'count', count: '100', days: '90' };

/**
 * The form's draft of a stored option.
 * @example historyDraft({ keep: true, maxAgeDays: 30 }) // { keep: true, by: 'days', count: '100', days: '30' }
 */
export function historyDraft(options: HistoryOptions | undefined): HistoryDraft {
  if (!options) return DEFAULT_HISTORY_DRAFT;
  const by: RetentionKind = options.lastRefreshes !== undefined ? 'count' : options.maxAgeDays !== undefined ? 'days' : 'all';
  return {
    keep: options.keep,
    by,
    count: String(options.lastRefreshes ?? DEFAULT_HISTORY_DRAFT.count),
    days: String(options.maxAgeDays ?? DEFAULT_HISTORY_DRAFT.days),
  };
}

/**
 * The option to store, or why the draft cannot be stored (in words for the form). Off is `null`.
 * @example historyOptions({ keep: true, by: 'count', count: '30', days: '' }) // { options: { keep: true, lastRefreshes: 30 } }
 * @example historyOptions({ keep: true, by: 'days', count: '', days: 'a week' }).problem // 'Type a whole number of days from 1 to 36,500.'
 */
export function historyOptions(draft: HistoryDraft): { options: HistoryOptions | null; problem?: string } {
  if (!draft.keep) return { options: null };
  if (draft.by === 'all') return { options: { keep: true } };
  const text = draft.by === 'count' ? draft.count : draft.days;
  const n = Number(text.trim());
  const max = draft.by === 'count' ? 100_000 : 36_500;
  if (!/^\d+$/.test(text.trim()) || n < 1 || n > max) {
    return { options: null, problem: draft.by === 'count' ? `Type a whole number of refreshes from 1 to ${max.toLocaleString('en-US')}.` : `Type a whole number of days from 1 to ${max.toLocaleString('en-US')}.` };
  }
  return { options: draft.by === 'count' ? { keep: true, lastRefreshes: n } : { keep: true, maxAgeDays: n } };
}
