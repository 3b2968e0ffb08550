import type { ExcelRun } from '../excel/api';
import type { OpenResult } from '../model';
import type { ExtensionComputer } from './extension-computer';
import { RefreshCoordinator } from './refresh-coordinator';

// Workbook-document code (and zod behind it) loads on first use, off the initial bundle.
const documentCode = () => import('../excel/workbook-document');

/**
 * The coordinator a composition root builds for one workbook: extensions are read and saved in
 * the workbook's settings, and computed by `compute` (a Web Worker in the pane). The store
 * remembers how the document was opened, so a newer or damaged document is never rewritten.
 *
 * @example const coordinator = createRefreshCoordinator(host.run, host.isSetSupported('ExcelApi', '1.15'), browserComputer());
 */
export function createRefreshCoordinator(run: ExcelRun, canReadDataSource: boolean, compute?: ExtensionComputer): RefreshCoordinator {
  let opened: OpenResult | undefined;
  return new RefreshCoordinator({ run, canReadDataSource, compute }, {
    async load() {
      const { loadWorkbookDocument } = await documentCode();
      opened = await loadWorkbookDocument(run);
      return opened.document;
    },
    async save(doc) {
      const { saveWorkbookDocument } = await documentCode();
      await saveWorkbookDocument(run, opened ?? { readOnly: false }, doc);
    },
  });
}
