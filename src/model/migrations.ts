/**
 * Forward migrations of the stored document, one step per schema version.
 * A step takes the raw object of version N and returns version N + 1. Version 1 is the first
 * published shape, so there are no steps yet; the loop is here so the next change is one line.
 */
import { SCHEMA_VERSION } from './schema';

type RawDocument = { schemaVersion: number } & Record<string, unknown>;
type Step = (doc: RawDocument) => RawDocument;

/** steps[n] migrates a version-n document to version n + 1. */
const steps: Record<number, Step> = {};

export function migrate(doc: { schemaVersion: number }): RawDocument {
  let current = doc as RawDocument;
  while (current.schemaVersion < SCHEMA_VERSION) {
    const step = steps[current.schemaVersion];
    if (!step) throw new Error(`No migration from PivotDeck document version ${current.schemaVersion}`);
    current = step(current);
  }
  return current;
}
