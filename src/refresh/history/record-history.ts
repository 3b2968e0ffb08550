/**
 * Adds one refresh's snapshot to its history table (issue 17): reads the table's stamps, plans
 * retention and the guard, appends in place (src/excel/history). Never throws: the refresh that
 * called it has already written its output, so a history problem is reported, not raised.
 */
import type { ExcelRun } from '../../excel/api';
import { appendHistory, HistoryError, historyTableName, readHistoryTable } from '../../excel/history';
import type { HistoryOptions } from '../../model';
import { planRetention, HISTORY_ROW_LIMIT } from './retention';
import { stampedHeader, stampedRows, STAMP_COLUMN, type Snapshot } from './snapshot';

/** How adding a snapshot went. */
export interface HistoryRecord {
  status: 'appended' | 'refused' | 'failed';
  /** One sentence for the refresh's summary: what happened and, when not appended, what to do. */
  message: string;
  rows?: number;
  /** Snapshots removed by retention, and in the table now. */
  removed?: number;
  snapshots?: number;
  sheet?: string;
  syncs?: number;
}

export interface RecordHistoryInput {
  /** The saved query's or dashboard's id (names the table) and label (names a new sheet). */
  ownerId: string;
  ownerLabel: string;
  options: HistoryOptions;
  /** The refresh time; stamped as ISO text in UTC. */
  at: Date;
  /** The parameter choices in words ("" without parameters). */
  parameters: string;
  snapshot: Snapshot;
  /** Retention's clock; default `at`. */
  now?: Date;
  /** The guard; default HISTORY_ROW_LIMIT. Lowered by tests. */
  limit?: number;
  /** Request budget per sync; default under 5 MB. Lowered by tests. */
  budgetBytes?: number;
}

/**
 * The sheet a new history goes on: PivotDeck's own, visible (the history is the user's data, to
 * chart, pivot or copy; a hidden sheet would keep a growing table out of sight), named after the
 * query or dashboard.
 * @example historySheetName('Revenue by region') // 'History · Revenue by region'
 */
export function historySheetName(label: string): string {
  return `History · ${label}`;
}

/**
 * @example const r = await recordHistory(host.run, { ownerId: 'q_1', ownerLabel: 'By region', options: { keep: true, lastRefreshes: 30 }, at: new Date(), parameters: '', snapshot: querySnapshot(result) });
 */
export async function recordHistory(run: ExcelRun, input: RecordHistoryInput): Promise<HistoryRecord> {
  const tableName = historyTableName(input.ownerId);
  try {
    const state = await readHistoryTable(run, tableName, { columns: [STAMP_COLUMN] });
    const stamps = state.exists ? (state.columns.get(0) ?? []) : [];
    if (state.exists && state.header[0]?.toLowerCase() !== STAMP_COLUMN.toLowerCase()) {
      return { status: 'failed', message: `History not added: the first column of the history table ${tableName} is no longer "${STAMP_COLUMN}". Put it back as the first column, then refresh again.` };
    }
    const rows = stampedRows(input.snapshot, input.at.toISOString(), input.parameters);
    const plan = planRetention(stamps, input.options, input.now ?? input.at, rows.length, input.limit ?? HISTORY_ROW_LIMIT);
    if (plan.refused) return { status: 'refused', message: `History not added: ${plan.refused}` };
    const header = stampedHeader(input.snapshot.header);
    const written = await appendHistory(run, {
      tableName,
      newSheet: historySheetName(input.ownerLabel),
      header,
      rows,
      // The stamp and the parameters are text whatever they look like.
      numberFormats: ['@', '@', ...input.snapshot.numberFormats],
      deleteOldest: plan.deleteOldest,
      expectedBodyRows: state.exists ? state.bodyRows : 0,
      overwriteBlankRow: plan.overwriteBlankRow,
      ...(input.budgetBytes ? { budgetBytes: input.budgetBytes } : {}),
    });
    const removed = written.deleted > 0 ? plan.removed : 0;
    const snapshots = plan.kept + (plan.removed - removed);
    const gone = removed > 0 ? `, ${removed} oldest removed` : '';
    return {
      status: 'appended',
      message: `History: ${rows.length.toLocaleString('en-US')} row${rows.length === 1 ? '' : 's'} added to "${written.sheet}" (${snapshots} snapshot${snapshots === 1 ? '' : 's'} kept${gone}).${written.retentionProblem ? ` ${written.retentionProblem}` : ''}`,
      rows: rows.length, removed, snapshots, sheet: written.sheet, syncs: state.syncs + written.syncs,
    };
  } catch (error) {
    const message = error instanceof HistoryError ? error.message : `Excel could not add this refresh to the history (${error instanceof Error ? error.message : String(error)}). The history is as it was.`;
    return { status: 'failed', message: message.startsWith('History') ? message : `History not added: ${message}` };
  }
}
