import { DOCUMENT_KEY, emptyDocument, openDocument, ReadOnlyDocumentError, saveDocument, type OpenResult, type PivotDeckDocument } from '../model';
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
  if (typeof stored === 'string' || stored === undefined || stored === null) return openDocument(stored);
  // Office hands back a setting saved as an object (not by PivotDeck) as that object.
  let text: string;
  try {
    text = JSON.stringify(stored);
  } catch {
    return { status: 'invalid', document: emptyDocument(), readOnly: true, message: 'The PivotDeck data in this workbook cannot be read (it is nested too deeply or damaged). Nothing was changed; PivotDeck opened it read-only.' };
  }
  return openDocument(text);
}

export { ReadOnlyDocumentError };

/**
 * Writes already validated document text into the workbook's settings (one sync). Only the
 * document service calls this (it validates, checks read-only and serializes updates first).
 *
 * @example await writeWorkbookDocumentText(host.run, saveDocument(doc));
 */
export async function writeWorkbookDocumentText(run: ExcelRun, text: string): Promise<void> {
  await run(async (context) => {
    context.workbook.settings.add(DOCUMENT_KEY, text);
    await context.sync();
  });
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
  await writeWorkbookDocumentText(run, saveDocument(document));
}
