/**
 * The page loop shared by REST and OData: fetch a page, take its records, find the next page,
 * stop when there is none, and refuse to run past the page limit. A failed page fails the whole
 * pull (nothing partial is returned, so the previously landed table stays as it was).
 */
import { SourceError } from './errors';
import { credentialAppliesTo, refusedError, type ResolvedCredential } from './http/auth';
import { displayUrl } from './http/policy';
import { decodeText, readBytes } from './http/read-body';
import { request } from './http/request';
import { throwIfCancelled } from './http/signals';
import { parseJsonText } from './parse/parse-json-text';
import { recordsAtPath } from './parse/records-at-path';
import { recordsToColumns } from './parse/records-to-columns';
import { checkRowLimit, finish, retryNotes } from './pull-helpers';
import type { ColumnType, PullContext, PullOk, PullWarning } from './types';

export interface PageInfo {
  document: unknown;
  response: Response;
  url: URL;
  /** Records on this page. */
  count: number;
  /** Records so far, this page included. */
  total: number;
  /** 1-based number of the page just read. */
  page: number;
}

export interface PagedJsonPlan {
  first: URL;
  credential?: ResolvedCredential;
  headers?: Record<string, string>;
  recordsPath?: string;
  maxPages: number;
  types?: Record<string, ColumnType>;
  /** The next page's address (relative ones are resolved by the caller), or null to stop. */
  next(page: PageInfo): URL | null;
}

/**
 * Read every page and build one typed table.
 * @example await pullPagedJson({ first: url, maxPages: 100, next: () => null }, ctx)
 */
export async function pullPagedJson(plan: PagedJsonPlan, context: PullContext): Promise<PullOk> {
  const warnings: PullWarning[] = [];
  const records: unknown[] = [];
  const visited = new Set<string>();
  let bytes = 0;
  let pages = 0;
  for (let url: URL | null = plan.first; url; ) {
    throwIfCancelled(context.signal);
    if (pages >= plan.maxPages) {
      throw new SourceError(
        'tooManyPages',
        `${url.host} still had more pages after ${plan.maxPages.toLocaleString('en-US')} (the safety limit for this source). Raise the page limit in the source settings, or filter the request so it returns less.`,
        { host: url.host },
      );
    }
    visited.add(url.href);
    const answer = await request(url, context, { credential: plan.credential, headers: plan.headers, onRetry: retryNotes(warnings) });
    if (answer.status !== 'ok') throw new SourceError('http', `Unexpected "not modified" answer from ${displayUrl(url)}.`);
    const body = await readBytes(answer, context.onProgress, bytes, { pages: pages + 1, rows: records.length });
    bytes += body.byteLength;
    pages++;
    const document = parseJsonText(decodeText(body, answer.response.headers.get('Content-Type')));
    const { records: pageRecords, guessed } = recordsAtPath(document, plan.recordsPath);
    if (guessed && pages === 1) warnings.push({ code: 'recordsPathGuessed', message: `PivotDeck read the records from "${guessed}", the only list in the response. Set the records path to choose another.` });
    for (const record of pageRecords) records.push(record);
    checkRowLimit(records.length, context);
    const next = plan.next({ document, response: answer.response, url: answer.url, count: pageRecords.length, total: records.length, page: pages });
    if (next && visited.has(next.href)) {
      throw new SourceError('malformed', `${url.host} sent the same next-page address twice (${displayUrl(next)}), so paging would never end. Check the paging settings of this source.`, { host: url.host });
    }
    // A next page on another origin would get the secret (or, without it, data from a site the
    // user never chose): stop and say so. The same rule as every other hop (secretMayGoTo).
    if (next && plan.credential && !credentialAppliesTo(plan.credential, next)) throw refusedError('nextPage', next.origin, url, plan.credential);
    url = next;
  }
  const typed = recordsToColumns(records, context.signal, plan.types);
  return finish(context, { ...typed, warnings: [...warnings, ...typed.warnings], rowCount: records.length, bytes, pages });
}
