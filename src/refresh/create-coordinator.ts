import type { ExcelRun } from '../excel/api';
import { workbookDocumentStore } from './document-hub';
import type { ExtensionComputer } from './extension-computer';
import { RefreshCoordinator } from './refresh-coordinator';

/**
 * The coordinator a composition root builds for one workbook: extensions are read and saved in
 * the workbook's settings (see workbookDocumentStore), and computed by `compute` (a Web Worker
 * in the pane).
 *
 * @example const coordinator = createRefreshCoordinator(host.run, host.isSetSupported('ExcelApi', '1.15'), browserComputer());
 */
export function createRefreshCoordinator(run: ExcelRun, canReadDataSource: boolean, compute?: ExtensionComputer): RefreshCoordinator {
  return new RefreshCoordinator({ run, canReadDataSource, compute }, workbookDocumentStore(run));
}
