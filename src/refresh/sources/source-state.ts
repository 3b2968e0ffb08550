/**
 * What PivotDeck remembers about a web source between refreshes, in the source's typed fields of
 * the workbook document (src/model sourceDef: landing, lastPull, lastError). None of it is
 * secret: validators (ETag, Last-Modified), the landed table's place and columns, and the kind of
 * the last failure. Secrets live only in the per-user CredentialStore.
 */
import type { SourceDefinition } from '../../connectors/types';
import type { LandingPlace, LastError, LastPull } from '../../model';

/** Where a source lands (its Excel table and sheet). */
export type LandingOptions = LandingPlace;
export type { LastError, LastPull };

/** What a source's status line shows. */
export type SourceStatus =
  | { state: 'new' }
  | { state: 'fresh'; at: string; message?: string }
  | { state: 'stale'; at: string; reason: string }
  | { state: 'needsCredential'; at?: string; host: string; reason: string };

/** The landing place stored for a source. */
export function landingOf(def: SourceDefinition): LandingOptions | undefined {
  return def.landing;
}

/** The validators and columns of the last successful pull. */
export function lastPullOf(def: SourceDefinition): LastPull | undefined {
  return def.lastPull;
}

/**
 * The status a source list shows: never refreshed, fresh, stale with the reason, or waiting for
 * this user's credential.
 *
 * @example sourceStatus({ ...def, lastRefresh: { at: '2025-01-01T00:00:00Z', ok: false, message: '404' } }).state // 'stale'
 */
export function sourceStatus(def: SourceDefinition): SourceStatus {
  const last = def.lastRefresh;
  const error = def.lastError;
  if (last && !last.ok && error?.kind === 'auth') {
    return { state: 'needsCredential', at: last.at, host: error.host ?? def.credential?.origin ?? hostOf(def.url), reason: last.message ?? 'This source needs your credential.' };
  }
  if (!last) return { state: 'new' };
  if (last.ok) return { state: 'fresh', at: last.at, message: last.message };
  return { state: 'stale', at: last.at, reason: last.message ?? 'The last refresh failed.' };
}

/** The host a URL points at ("" when it is not a URL). */
export function hostOf(url: string | undefined): string {
  try {
    return new URL(url ?? '').host;
  } catch {
    return '';
  }
}
