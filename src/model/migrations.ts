/**
 * Forward migrations of the stored document, one step per schema version.
 * A step takes the raw object of version N and returns version N + 1.
 */
import { SCHEMA_VERSION } from './schema';

type RawDocument = { schemaVersion: number } & Record<string, unknown>;
type Step = (doc: RawDocument) => RawDocument;

/**
 * 1 → 2: a credential reference names an origin, not a host. Version 1 wrote `URL.host`
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
  return { ...doc, sources: migrated, schemaVersion: 2 };
}

/** steps[n] migrates a version-n document to version n + 1. */
const steps: Record<number, Step> = { 1: credentialOrigins };

export function migrate(doc: { schemaVersion: number }): RawDocument {
  let current = doc as RawDocument;
  while (current.schemaVersion < SCHEMA_VERSION) {
    const step = steps[current.schemaVersion];
    if (!step) throw new Error(`No migration from PivotDeck document version ${current.schemaVersion}`);
    current = step(current);
  }
  return current;
}
