import { DOCUMENT_KEY, openDocument, saveDocument, type OpenResult, type PivotDeckDocument } from '../model';
import type { ExcelRun } from './api';

/**
 * Loads the PivotDeck document from the workbook's settings (one sync). Never throws for bad
 * content: a damaged or newer document comes back read-only with a message (see openDocument).
 *
 * @example
 * const opened = await loadWorkbookDocument(host.run);
 * if (opened.readOnly) showBanner(opened.message);
 */
export async function loadWorkbookDocument(run: ExcelRun): Promise<OpenResult> {
  const stored = await run(async (context) => {
    const setting = context.workbook.settings.getItemOrNullObject(DOCUMENT_KEY);
    setting.load('value');
    await context.sync();
    return setting.isNullObject ? undefined : setting.value;
  });
  return openDocument(typeof stored === 'string' ? stored : stored === undefined || stored === null ? undefined : JSON.stringify(stored));
}

/** Thrown when asked to save a document that was opened read-only. */
export class ReadOnlyDocumentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReadOnlyDocumentError';
  }
}

/**
 * Saves the document into the workbook's settings (one sync). Refuses when the document was
 * opened read-only (newer or damaged), so PivotDeck never rewrites what it does not understand.
 * The settings travel with the file once the workbook is saved.
 *
 * @example await saveWorkbookDocument(host.run, opened, nextDocument);
 */
export async function saveWorkbookDocument(run: ExcelRun, opened: Pick<OpenResult, 'readOnly'> & { message?: string }, document: PivotDeckDocument): Promise<void> {
  if (opened.readOnly) {
    throw new ReadOnlyDocumentError(opened.message ?? 'The PivotDeck data in this workbook is read-only; nothing was saved.');
  }
  const text = saveDocument(document);
  await run(async (context) => {
    context.workbook.settings.add(DOCUMENT_KEY, text);
    await context.sync();
  });
}
