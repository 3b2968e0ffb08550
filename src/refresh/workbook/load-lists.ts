/**
 * What the pane loads on start and on Refresh, outside React so it can run against the simulator
 * in tests. Each list fails on its own: a pivot error must not hide the tables.
 */
import { explainExcelError } from '../../excel/errors';
import type { PaneHost } from '../../excel/host-types';
import { listPivots } from '../../excel/list-pivots';
import { listTables } from '../../excel/list-tables';
import type { PivotInfo, TableInfo } from '../../excel/workbook-info';

export type Loaded<T> = { ok: true; data: T } | { ok: false; message: string };

export interface WorkbookLists {
  tables: Loaded<TableInfo[]>;
  pivots: Loaded<PivotInfo[]>;
}

async function settle<T>(work: () => Promise<T>, doing: string): Promise<Loaded<T>> {
  try {
    return { ok: true, data: await work() };
  } catch (error) {
    return { ok: false, message: explainExcelError(error, doing) };
  }
}

/**
 * Reads tables then pivots (one after the other, so sync counts stay deterministic).
 *
 * @example const { tables, pivots } = await loadLists(host);
 */
export async function loadLists(host: PaneHost): Promise<WorkbookLists> {
  const tables = await settle(() => listTables(host.run), 'list the tables');
  const pivots = await settle(
    () => listPivots(host.run, { canReadDataSource: host.isSetSupported('ExcelApi', '1.15') }),
    'list the PivotTables',
  );
  return { tables, pivots };
}
