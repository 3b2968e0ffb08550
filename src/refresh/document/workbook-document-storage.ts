import type { ExcelRun } from '../../excel/api';
import type { DocumentStorage } from './document-service';

// The workbook-document code (and zod behind it) loads on first use. Only this directory may
// import it (eslint rule pivotdeck/document-access): every other module goes through the
// DocumentService.
const documentCode = () => import('../../excel/workbook-document');

/**
 * The document in the workbook's settings: one sync to read, one to write.
 * @example const documents = new DocumentService(workbookDocumentStorage(host.run));
 */
export function workbookDocumentStorage(run: ExcelRun): DocumentStorage {
  return {
    async load() {
      const { loadWorkbookDocument } = await documentCode();
      return loadWorkbookDocument(run);
    },
    async save(text) {
      const { writeWorkbookDocumentText } = await documentCode();
      await writeWorkbookDocumentText(run, text);
    },
  };
}
