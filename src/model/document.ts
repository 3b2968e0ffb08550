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

/**
 * Largest stored text we open (characters). More than Office keeps in a workbook's settings, so a
 * longer text was not written by PivotDeck: it is opened read-only without being parsed.
 */
export const MAX_STORED_CHARS = 2_500_000;

/**
 * Deepest nesting of arrays and objects we open. PivotDeck's own documents stay below 20; a
 * document nested thousands deep (a crafted source's options) would parse, then make every later
 * save or validation recurse out of stack. It is opened read-only instead.
 */
export const MAX_DOCUMENT_DEPTH = 64;

/** Thrown when asked to save a document that was opened read-only (newer, damaged, hostile). */
export class ReadOnlyDocumentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReadOnlyDocumentError';
  }
}

export type OpenResult =
  | { status: 'empty'; document: PivotDeckDocument; readOnly: false }
  | { status: 'ok'; document: PivotDeckDocument; readOnly: false; migratedFrom?: number }
  | { status: 'newer'; document: PivotDeckDocument; readOnly: true; message: string }
  | { status: 'invalid'; document: PivotDeckDocument; readOnly: true; message: string };

/**
 * Parses stored text (or nothing) into a document.
 * @example
 *   openDocument(undefined).status === 'empty'
 *   openDocument('{"schemaVersion":2,"extensions":[],"sources":[],"queries":[],"dashboards":[]}').status === 'ok'
 */
export function openDocument(stored: string | undefined | null): OpenResult {
  if (stored === undefined || stored === null || stored === '') {
    return { status: 'empty', document: emptyDocument(), readOnly: false };
  }
  if (stored.length > MAX_STORED_CHARS) {
    return invalid(`The PivotDeck data in this workbook is too large to be PivotDeck's own (${stored.length.toLocaleString('en-US')} characters; PivotDeck writes at most ${MAX_DOCUMENT_BYTES.toLocaleString('en-US')} bytes). Nothing was changed; PivotDeck opened it read-only.`);
  }
  if (nestingDepth(stored) > MAX_DOCUMENT_DEPTH) {
    return invalid(`The PivotDeck data in this workbook is nested more than ${MAX_DOCUMENT_DEPTH} levels deep, which PivotDeck never writes (it may have been crafted or damaged). Nothing was changed; PivotDeck opened it read-only.`);
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
 * @example saveDocument(emptyDocument()) // '{"schemaVersion":2,...}'
 */
export function saveDocument(document: PivotDeckDocument): string {
  const checked = pivotDeckDocument.parse(document);
  const text = JSON.stringify(checked);
  if (new TextEncoder().encode(text).length > MAX_DOCUMENT_BYTES) {
    throw new Error('PivotDeck definitions in this workbook are too large to save (over 1.5 MB). Remove unused queries or dashboards.');
  }
  return text;
}

/**
 * The deepest nesting of `[` and `{` in JSON text, counted in one pass without recursion (so a
 * hostile text cannot overflow the stack here). Brackets inside strings do not count; the text
 * need not be valid JSON.
 * @example nestingDepth('{"a":[1,{"b":"[["}]}') // 3
 */
export function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x5b || c === 0x7b) {
      depth++;
      if (depth > deepest) deepest = depth;
    } else if (c === 0x5d || c === 0x7d) {
      depth--;
    }
  }
  return deepest;
}

function invalid(message: string): OpenResult {
  return { status: 'invalid', document: emptyDocument(), readOnly: true, message };
}
