import type { QueryResult } from '../../engine';
import type { ExcelRun } from '../../excel/api';
import type { PivotDeckDocument } from '../../model';
import { recordHistory, type HistoryRecord } from './record-history';
import { querySnapshot } from './snapshot';

type QueryDef = PivotDeckDocument['queries'][number];

/**
 * Adds a saved query's refreshed result to its history, when it keeps one (queries have no
 * parameters: the Parameters column stays blank).
 *
 * @example const record = await keepQueryHistory(host.run, def, run.result, new Date());
 */
export async function keepQueryHistory(run: ExcelRun, def: QueryDef, result: QueryResult, at: Date): Promise<HistoryRecord | undefined> {
  if (!def.history?.keep) return undefined;
  return recordHistory(run, { ownerId: def.id, ownerLabel: def.label, options: def.history, at, parameters: '', snapshot: querySnapshot(result) });
}
