import type { ExcelRun } from '../../excel/api';
import type { PivotDeckDocument } from '../../model';
import type { PullSource } from '../queries/source-data';
import type { WarehouseQueryRunner } from '../queries/warehouse-query';
import type { DrillComputer } from './compute-drill';
import type { WarehouseRowsRunner } from './warehouse-rows';

/** What Show rows needs from the workbook runtime (the composition root builds it: Services.showRows). */
export interface ShowRowsDeps {
  run: ExcelRun;
  /** `isSetSupported('ExcelApi', '1.15')`: reading a pivot's source needs it. */
  canReadDataSource: boolean;
  /** The workbook document's one owner; Show rows only reads it. */
  documents: { read(): Promise<PivotDeckDocument> };
  /** Reads kept-out web sources; without it such queries are refused with a message. */
  pull?: PullSource;
  /** Recomputes a warehouse query's grid where the data is; without it warehouse cells are refused. */
  warehouse?: WarehouseQueryRunner;
  /** Lists a warehouse drill's rows (one SELECT … LIMIT). */
  warehouseRows?: WarehouseRowsRunner;
  /** Where the grid is recomputed and the rows selected: the query worker in the pane; in-thread when absent. */
  compute?: DrillComputer;
  /** Rows written at most (default 10,000); the true count is always stated. */
  limit?: number;
}
