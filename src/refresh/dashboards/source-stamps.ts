/**
 * Source stamps: what a source looked like when a dashboard or saved query was computed from it,
 * and the comparison that says "Out of date — Orders changed". Pure: the stamp of a refresh is
 * made from the data it read (no extra round trip); the stamp of "now" is read cheaply by
 * src/excel/dashboard/read-source-samples.ts at the same sample rows, so both hash the same cells.
 * A workbook source's row count and sample hash are the one source stamp (../source-stamp.ts).
 */
import type { SourceStamp } from '../../model';
import { sourceRefKey, type SourceRef } from '../../engine/spec';
import { sourceRowAt, sourceRowCount, type SourceData } from '../queries/source-data';
import { sampleChange, stampOfRowAt, stampOfRows } from '../source-stamp';

// The sample part of a stamp is the one source stamp (src/refresh/source-stamp.ts), shared with
// extensions; re-exported here for the dashboards' callers and tests.
export { SAMPLE_ROWS, sampleHash, sampleIndexes } from '../source-stamp';
/** The one FNV-1a (src/engine/values), re-exported for the stamp tests. */
export { fnv1a } from '../../engine/values/fnv1a';

/**
 * A source's place as stamps record it ("Data!A1:F11"); compared without regard to case, as
 * Excel treats sheet names and addresses.
 * @example stampAddress('Data', 'a1:f11') // 'Data!A1:F11'
 */
export function stampAddress(sheet: string, address: string): string {
  return `${sheet}!${address.toUpperCase()}`.slice(0, 80);
}

/**
 * The sheet a stamp's address names, or undefined.
 * @example stampSheet({ address: 'Data!A1:F11' }) // 'Data'
 */
export function stampSheet(stamp: Pick<SourceStamp, 'address'>): string | undefined {
  const bang = stamp.address?.lastIndexOf('!') ?? -1;
  return bang > 0 ? stamp.address!.slice(0, bang) : undefined;
}

/** How a source is named in "Out of date — … changed". */
export function stampLabel(ref: SourceRef, sources: ReadonlyArray<{ id: string; label: string }> = []): string {
  if (ref.kind === 'table') return ref.name;
  if (ref.kind === 'range') return `${ref.sheet}!${ref.address}`;
  return sources.find((s) => s.id === ref.id)?.label ?? ref.id;
}

/** What the document says about a web or warehouse source, for its stamp. */
export interface StampSourceDef {
  id: string;
  label: string;
  kind: string;
  lastPull?: { etag?: string; lastModified?: string; rows?: number; bytes?: number };
}

/**
 * The stamp of a web source's last pull as the document records it: validators and size. A
 * re-pull that brings new data changes it; a 304 leaves it.
 * @example pulledStamp({ etag: '"v2"', rows: 10 }) // '"v2"||10|'
 */
export function pulledStamp(last: StampSourceDef['lastPull']): string {
  return [last?.etag ?? '', last?.lastModified ?? '', last?.rows ?? '', last?.bytes ?? ''].join('|').slice(0, 1200);
}

/**
 * The stamp of a source as a refresh read it: from the data read (a workbook table or range), or
 * from the document (a web source's last pull; a warehouse has nothing to compare).
 *
 * @example stampOf({ kind: 'table', name: 'Sales' }, data, []) // { key: 'table:Sales', kind: 'table', rows: 10, ... }
 */
export function stampOf(ref: SourceRef, data: SourceData | undefined, sources: readonly StampSourceDef[]): SourceStamp {
  const key = sourceRefKey(ref);
  const label = stampLabel(ref, sources).slice(0, 255);
  if (ref.kind === 'source') {
    const def = sources.find((s) => s.id === ref.id);
    if (def?.kind === 'warehouse') return { key, label, kind: 'warehouse' };
    return { key, label, kind: 'web', pulled: pulledStamp(def?.lastPull) };
  }
  return {
    key, label, kind: ref.kind,
    ...(data?.at ? { address: stampAddress(data.at.sheet, data.at.address) } : {}),
    ...(data ? stampOfRowAt(data.header, sourceRowCount(data), (i) => sourceRowAt(data, i)) : stampOfRows([], [])),
  };
}

/** How fresh an output is against what it read. */
export type Freshness =
  /** Nothing it read changed since its last refresh. */
  | { state: 'current' }
  /** These sources changed (by label). */
  | { state: 'outOfDate'; changed: string[] }
  /** Nothing to compare (a warehouse, or an output refreshed before PivotDeck kept stamps). */
  | { state: 'unknown'; refreshedAt?: string }
  /** Never refreshed. */
  | { state: 'never' };

/**
 * Compares the stamps an output recorded with the stamps of now (by key; a source that cannot be
 * found now counts as changed). Warehouse stamps are never compared.
 *
 * @example compareStamps([{ key: 'table:Sales', label: 'Sales', kind: 'table', rows: 3 }], new Map()) // { state: 'outOfDate', changed: ['Sales'] }
 */
export function compareStamps(saved: readonly SourceStamp[] | undefined, now: ReadonlyMap<string, SourceStamp | undefined>, refreshedAt?: string): Freshness {
  if (!saved) return refreshedAt ? { state: 'unknown', refreshedAt } : { state: 'never' };
  const comparable = saved.filter((s) => s.kind !== 'warehouse');
  if (comparable.length === 0) return { state: 'unknown', ...(refreshedAt ? { refreshedAt } : {}) };
  const changed: string[] = [];
  for (const s of comparable) {
    const n = now.get(s.key);
    const same = n !== undefined && n.kind === s.kind && n.address?.toUpperCase() === s.address?.toUpperCase()
      && sampleChange(s, n) === undefined && n.pulled === s.pulled;
    if (!same && !changed.includes(s.label)) changed.push(s.label);
  }
  return changed.length ? { state: 'outOfDate', changed } : { state: 'current' };
}

/**
 * "Out of date — Orders changed", "Out of date — Orders and Returns changed".
 * @example outOfDateWords(['Orders']) // 'Out of date — Orders changed'
 */
export function outOfDateWords(changed: readonly string[]): string {
  const names = changed.length <= 1 ? changed.join('') : `${changed.slice(0, -1).join(', ')} and ${changed.at(-1)}`;
  return `Out of date — ${names} changed`;
}
