/**
 * Reading and writing the PivotDeck document as the text stored in the workbook.
 *
 * Why a result type instead of throwing: opening a workbook must never fail hard. A damaged or
 * foreign document is reported and left untouched; a document from a newer PivotDeck opens
 * read-only so we never rewrite what we do not understand.
 */
import { prettifyError } from 'zod';
import { emptyDocument, pivotDeckDocument, SCHEMA_VERSION, type PivotDeckDocument } from './schema';
import { migrate } from './migrations';

/** The workbook setting key under which the document is stored. */
export const DOCUMENT_KEY = 'PivotDeck.document';

/** Largest document we write; Office limits all settings of a document to about 2 MB. */
export const MAX_DOCUMENT_BYTES = 1_500_000;

export type OpenResult =
  | { status: 'empty'; document: PivotDeckDocument; readOnly: false }
  | { status: 'ok'; document: PivotDeckDocument; readOnly: false; migratedFrom?: number }
  | { status: 'newer'; document: PivotDeckDocument; readOnly: true; message: string }
  | { status: 'invalid'; document: PivotDeckDocument; readOnly: true; message: string };

/**
 * Parses stored text (or nothing) into a document.
 * @example
 *   openDocument(undefined).status === 'empty'
 *   openDocument('{"schemaVersion":1,"extensions":[],"sources":[],"queries":[],"dashboards":[]}').status === 'ok'
 */
export function openDocument(stored: string | undefined | null): OpenResult {
  if (stored === undefined || stored === null || stored === '') {
    return { status: 'empty', document: emptyDocument(), readOnly: false };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(stored);
  } catch {
    return invalid('The PivotDeck data in this workbook is damaged (not valid JSON). Nothing was changed; PivotDeck opened it read-only.');
  }
  const version = typeof raw === 'object' && raw !== null ? (raw as { schemaVersion?: unknown }).schemaVersion : undefined;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return invalid('The PivotDeck data in this workbook has no valid schemaVersion. Nothing was changed; PivotDeck opened it read-only.');
  }
  if (version > SCHEMA_VERSION) {
    return {
      status: 'newer',
      document: emptyDocument(),
      readOnly: true,
      message: `This workbook was saved by a newer PivotDeck (document version ${version}; this add-in reads up to ${SCHEMA_VERSION}). Update the add-in to edit or refresh it; until then PivotDeck will not change it.`,
    };
  }
  const migrated = migrate(raw as { schemaVersion: number });
  const parsed = pivotDeckDocument.safeParse(migrated);
  if (!parsed.success) {
    return invalid(`The PivotDeck data in this workbook is not valid, so PivotDeck opened it read-only:\n${prettifyError(parsed.error)}`);
  }
  return version === SCHEMA_VERSION
    ? { status: 'ok', document: parsed.data, readOnly: false }
    : { status: 'ok', document: parsed.data, readOnly: false, migratedFrom: version };
}

/**
 * Serialises a document for storage, validating it first so we never persist a bad one.
 * @example saveDocument(emptyDocument()) // '{"schemaVersion":1,...}'
 */
export function saveDocument(document: PivotDeckDocument): string {
  const checked = pivotDeckDocument.parse(document);
  const text = JSON.stringify(checked);
  if (new TextEncoder().encode(text).length > MAX_DOCUMENT_BYTES) {
    throw new Error('PivotDeck definitions in this workbook are too large to save (over 1.5 MB). Remove unused queries or dashboards.');
  }
  return text;
}

function invalid(message: string): OpenResult {
  return { status: 'invalid', document: emptyDocument(), readOnly: true, message };
}
