/**
 * Steps every file-like connector shares: check the address, find the user's credential, make the
 * (conditional) request, read the body with progress, and finish with a typed Arquero table.
 */
import { columnTable } from '../engine';
import { SourceError } from './errors';
import { checkCredentialOrigin, resolveCredential, type ResolvedCredential } from './http/auth';
import { checkUrl } from './http/policy';
import { readBytes } from './http/read-body';
import { request, type RequestOptions } from './http/request';
import { schemaChangeWarning } from './parse/compare-columns';
import type { ColumnData } from './parse/parse-delimited';
import type { ColumnSpec, PullContext, PullOk, PullWarning, SourceDefinition } from './types';

export interface Download {
  status: 'ok';
  bytes: Uint8Array;
  url: URL;
  contentType: string | null;
  etag?: string;
  lastModified?: string;
}

/** Address + credential of a definition, checked before any request. */
export async function prepare(def: SourceDefinition, context: PullContext, url = def.url): Promise<{ url: URL; credential?: ResolvedCredential }> {
  const checked = checkUrl(url, context.policy);
  // A source on another origin than its credential is refused before the secret is looked up.
  checkCredentialOrigin(def.credential, checked);
  const credential = await resolveCredential(def.credential, context.credentials);
  return { url: checked, credential };
}

/** Retry notes collected for the result's warnings. */
export function retryNotes(warnings: PullWarning[]): RequestOptions['onRetry'] {
  return (status, waitMs) => {
    if (!warnings.some((w) => w.code === 'retried')) {
      warnings.push({ code: 'retried', message: `The server was busy (${status}); PivotDeck waited ${Math.ceil(waitMs / 1000)} s and tried again.` });
    }
  };
}

/**
 * Download one resource, conditionally when the previous pull left validators.
 * @example const d = await download(def, ctx, warnings); if (d.status === 'ok') parse(d.bytes)
 */
export async function download(def: SourceDefinition, context: PullContext, warnings: PullWarning[], url = def.url): Promise<Download | { status: 'notModified' }> {
  const prepared = await prepare(def, context, url);
  const { etag, lastModified } = context.previous ?? {};
  const answer = await request(prepared.url, context, {
    credential: prepared.credential,
    conditional: etag || lastModified ? { etag, lastModified } : undefined,
    onRetry: retryNotes(warnings),
  });
  if (answer.status === 'notModified') return answer;
  const bytes = await readBytes(answer, context.onProgress, 0, { pages: 1 });
  const headers = answer.response.headers;
  return {
    status: 'ok',
    bytes,
    url: prepared.url,
    contentType: headers.get('Content-Type'),
    etag: headers.get('ETag') ?? undefined,
    lastModified: headers.get('Last-Modified') ?? undefined,
  };
}

/** Refuse a result over the row limit before building anything from it. */
export function checkRowLimit(rows: number, context: PullContext): void {
  const max = context.maxRows ?? 10_000_000;
  if (rows > max) {
    throw new SourceError('tooManyRows', `This source has ${rows.toLocaleString('en-US')} rows, more than the ${max.toLocaleString('en-US')} this pull allows. Filter it at the source, or keep it out of the sheet and feed a query instead.`);
  }
}

/** The successful result: an Arquero table over the typed columns, plus schema-change notes. */
export function finish(
  context: PullContext,
  parts: { columns: ColumnSpec[]; data: Record<string, ColumnData>; rowCount: number; warnings: PullWarning[]; bytes: number; pages: number; etag?: string; lastModified?: string },
): PullOk {
  checkRowLimit(parts.rowCount, context);
  const warnings = [...parts.warnings];
  const changed = schemaChangeWarning(context.previous?.columns, parts.columns);
  if (changed) warnings.push(changed);
  context.onProgress?.({ phase: 'parse', bytes: parts.bytes, rows: parts.rowCount, pages: parts.pages });
  const names = parts.columns.map((c) => c.name);
  const result: PullOk = {
    status: 'ok',
    columns: parts.columns,
    table: columnTable(parts.data, names),
    rowCount: parts.rowCount,
    warnings,
    bytes: parts.bytes,
    pages: parts.pages,
  };
  if (parts.etag) result.etag = parts.etag;
  if (parts.lastModified) result.lastModified = parts.lastModified;
  return result;
}
