/**
 * Forward migrations of the stored document, one step per schema version.
 * A step takes the raw object of version N and returns version N + 1. Steps never throw: what
 * they cannot read is left for the schema to report (the document then opens read-only).
 */
import { lastError, lastPull, landingPlace, SCHEMA_VERSION } from './schema';

type RawDocument = { schemaVersion: number } & Record<string, unknown>;
type Step = (doc: RawDocument) => RawDocument;

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/**
 * Version 1 → 2: PivotDeck's own state about a source (kept out of the sheet, where it lands, what
 * the last pull saw, the last failure, a warehouse's row count) moves out of the connector's
 * `options` into typed fields. State that does not fit its field is dropped: it only costs one
 * full download on the next refresh, never the definition.
 */
export function moveSourceStateOutOfOptions(doc: RawDocument): RawDocument {
  const sources = doc.sources;
  const moved = Array.isArray(sources) ? sources.map((source: unknown) => {
    if (!isRecord(source)) return source;
    const { options, lastPull: topPull, ...rest } = source;
    const next: Record<string, unknown> = { ...rest };
    if (!isRecord(options)) {
      if (options !== undefined) next.options = options;
      const pull = lastPull.safeParse(topPull);
      if (pull.success) next.lastPull = pull.data;
      return next;
    }
    const { keepOutOfSheet, landing, lastPull: optionsPull, lastError: error, rowCount, ...connector } = options;
    next.options = connector;
    if (keepOutOfSheet === true) next.keepOutOfSheet = true;
    const place = landingPlace.safeParse(landing);
    if (place.success) next.landing = place.data;
    // The pull recorded in options is what refreshes wrote; a top-level one was never written.
    const pull = lastPull.safeParse(optionsPull ?? topPull);
    const rows = typeof rowCount === 'number' && Number.isInteger(rowCount) && rowCount >= 0 ? rowCount : undefined;
    if (pull.success) next.lastPull = rows !== undefined && pull.data.rows === undefined ? { ...pull.data, rows } : pull.data;
    else if (rows !== undefined) next.lastPull = { rows };
    const failure = lastError.safeParse(error);
    if (failure.success) next.lastError = failure.data;
    return next;
  }) : sources;
  return { ...doc, schemaVersion: 2, ...(moved === undefined ? {} : { sources: moved }) };
}

/** steps[n] migrates a version-n document to version n + 1. */
const steps: Record<number, Step> = { 1: moveSourceStateOutOfOptions };

export function migrate(doc: { schemaVersion: number }): RawDocument {
  let current = doc as RawDocument;
  while (current.schemaVersion < SCHEMA_VERSION) {
    const step = steps[current.schemaVersion];
    if (!step) throw new Error(`No migration from PivotDeck document version ${current.schemaVersion}`);
    current = step(current);
  }
  return current;
}
