/**
 * What PivotDeck remembers about a web source between refreshes, inside the source's `options`
 * in the workbook document. None of it is secret: validators (ETag, Last-Modified), the landed
 * table's place and columns, and the kind of the last failure. Secrets live only in the per-user
 * CredentialStore.
 */
import { z } from 'zod';
import type { SourceDefinition } from '../../connectors/types';

const columnType = z.enum(['text', 'number', 'date', 'boolean']);

export const landingOptions = z.object({
  tableName: z.string().min(1).max(255),
  sheet: z.string().min(1).max(31),
});
export type LandingOptions = z.infer<typeof landingOptions>;

export const lastPull = z.object({
  etag: z.string().max(500).optional(),
  lastModified: z.string().max(100).optional(),
  columns: z.array(z.object({ name: z.string().max(500), type: columnType })).max(16_384).optional(),
  rows: z.number().int().min(0).optional(),
  bytes: z.number().min(0).optional(),
});
export type LastPull = z.infer<typeof lastPull>;

export const lastError = z.object({
  /** SourceError / LandingError kind, e.g. 'auth', 'http', 'cors', 'writeFailed'. */
  kind: z.string().max(40),
  /** The host a credential is needed for, when kind is 'auth'. */
  host: z.string().max(255).optional(),
});
export type LastError = z.infer<typeof lastError>;

/** What a source's status line shows. */
export type SourceStatus =
  | { state: 'new' }
  | { state: 'fresh'; at: string; message?: string }
  | { state: 'stale'; at: string; reason: string }
  | { state: 'needsCredential'; at?: string; host: string; reason: string };

/** The landing place stored for a source, when valid. */
export function landingOf(def: SourceDefinition): LandingOptions | undefined {
  const parsed = landingOptions.safeParse(def.options?.landing);
  return parsed.success ? parsed.data : undefined;
}

/** The validators and columns of the last successful pull, when valid. */
export function lastPullOf(def: SourceDefinition): LastPull | undefined {
  const parsed = lastPull.safeParse(def.options?.lastPull);
  return parsed.success ? parsed.data : undefined;
}

/**
 * The status a source list shows: never refreshed, fresh, stale with the reason, or waiting for
 * this user's credential.
 *
 * @example sourceStatus({ ...def, lastRefresh: { at: '2025-01-01T00:00:00Z', ok: false, message: '404' } }).state // 'stale'
 */
export function sourceStatus(def: SourceDefinition): SourceStatus {
  const last = def.lastRefresh;
  const error = lastError.safeParse(def.options?.lastError);
  if (last && !last.ok && error.success && error.data.kind === 'auth') {
    return { state: 'needsCredential', at: last.at, host: error.data.host ?? def.credential?.origin ?? hostOf(def.url), reason: last.message ?? 'This source needs your credential.' };
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
