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

/**
 * A credential reference names an origin, not a host. Version 1 wrote `URL.host`
 * ("api.example.com", "api.example.com:8443") and sent secrets only over https outside
 * development, so host → https://host (port 443 when none). A host that does not parse loses its
 * reference: the source then asks for nothing and sends no secret, which is the safe way to fail.
 */
function credentialOrigins(doc: RawDocument): RawDocument {
  const sources = Array.isArray(doc.sources) ? doc.sources : [];
  const migrated = sources.map((source: unknown) => {
    if (!source || typeof source !== 'object') return source;
    const { credential, ...rest } = source as Record<string, unknown>;
    if (!credential || typeof credential !== 'object') return source;
    const { host, ...ref } = credential as Record<string, unknown>;
    if ('origin' in ref) return { ...rest, credential: ref };
    let origin: string | undefined;
    try {
      origin = typeof host === 'string' && host !== '' && !/[/?#@\s]/.test(host) ? new URL(`https://${host}`).origin : undefined;
    } catch {
      origin = undefined;
    }
    return origin ? { ...rest, credential: { ...ref, origin } } : rest;
  });
  return { ...doc, sources: migrated };
}

/**
 * Versions 2 and 3 both came from version 1 on two branches developed at once: one moved
 * credential references to origins, the other moved source state out of `options`, and each
 * called its result version 2. Both changes are idempotent, so each step applies both: a
 * document of either "version 2" ends up in the version-3 shape.
 */
const bothChanges = (version: number): Step => (doc) => ({ ...credentialOrigins(moveSourceStateOutOfOptions(doc)), schemaVersion: version });

/**
 * Version 3 → 4: an extension records its PivotTable's sheet (names are unique per sheet only).
 * A block placed beside the pivot sits on the pivot's sheet, so its tracked output says which;
 * otherwise the sheet stays absent and refresh asks the user to choose the pivot again when the
 * name is ambiguous, rather than guessing.
 *
 * @example pivotSheetFromOutput({ schemaVersion: 3, extensions: [{ pivotName: 'P', placement: { kind: 'beside' }, output: { sheet: 'S' } }] })
 * // → { schemaVersion: 4, extensions: [{ pivotName: 'P', pivotSheet: 'S', ... }] }
 */
export function pivotSheetFromOutput(doc: RawDocument): RawDocument {
  const extensions = Array.isArray(doc.extensions) ? doc.extensions.map((ext: unknown) => {
    if (!isRecord(ext) || 'pivotSheet' in ext) return ext;
    const beside = isRecord(ext.placement) && ext.placement.kind === 'beside';
    const sheet = isRecord(ext.output) ? ext.output.sheet : undefined;
    return beside && typeof sheet === 'string' && sheet !== '' ? { ...ext, pivotSheet: sheet } : ext;
  }) : doc.extensions;
  return { ...doc, extensions, schemaVersion: 4 };
}

/** Version 4 names of the show-as kinds that version 5 spells as the query spec does. */
const PERCENT_KINDS: Readonly<Record<string, string>> = {
  shareOfGrandTotal: 'percentOfGrandTotal',
  shareOfParent: 'percentOfParentRow',
  shareOfColumn: 'percentOfColumnTotal',
};

/**
 * Version 4 → 5: one word for one concept. The pivot extension called its show-as kinds "share of
 * …" while queries called the same measures "percent of …"; both now use the query spec's names.
 *
 * @example percentKindNames({ schemaVersion: 4, extensions: [{ measures: [{ kind: 'shareOfParent' }] }] })
 * // → { schemaVersion: 5, extensions: [{ measures: [{ kind: 'percentOfParentRow' }] }] }
 */
export function percentKindNames(doc: RawDocument): RawDocument {
  const renameMeasure = (m: unknown): unknown =>
    isRecord(m) && typeof m.kind === 'string' && Object.hasOwn(PERCENT_KINDS, m.kind) ? { ...m, kind: PERCENT_KINDS[m.kind] } : m;
  const extensions = Array.isArray(doc.extensions) ? doc.extensions.map((ext: unknown) =>
    isRecord(ext) && Array.isArray(ext.measures) ? { ...ext, measures: ext.measures.map(renameMeasure) } : ext) : doc.extensions;
  return { ...doc, extensions, schemaVersion: 5 };
}

/** steps[n] migrates a version-n document to version n + 1. */
const steps: Record<number, Step> = { 1: bothChanges(2), 2: bothChanges(3), 3: pivotSheetFromOutput, 4: percentKindNames };

export function migrate(doc: { schemaVersion: number }): RawDocument {
  let current = doc as RawDocument;
  while (current.schemaVersion < SCHEMA_VERSION) {
    const step = steps[current.schemaVersion];
    if (!step) throw new Error(`No migration from PivotDeck document version ${current.schemaVersion}`);
    current = step(current);
  }
  return current;
}
