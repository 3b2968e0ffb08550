import { nextLinkFromHeader } from './http/link-header';
import { checkUrl } from './http/policy';
import { pullPagedJson } from './paged-json';
import { valueAtPath } from './parse/value-at-path';
import { prepare } from './pull-helpers';
import { readOptions, restOptions } from './source-options';
import type { Connector } from './types';

/**
 * A REST API that returns JSON pages. Paging (options.paging):
 * - `bodyLink`: the next page's address at a path in the body (`links.next`); stops when absent/null;
 * - `linkHeader`: `Link: <...>; rel="next"`; stops when there is no next link;
 * - `page`: ?page=1,2,... stops on an empty page or one shorter than `size`;
 * - `offset`: ?offset=0,limit,... stops on a page shorter than `limit`.
 * Any kind also stops when `totalPath` (read from the first page) records have arrived.
 * More than `maxPages` pages fails with 'tooManyPages' rather than returning part of the data.
 * @example
 *   await pullRest({ id: 'r', label: 'Orders', kind: 'rest', url: 'https://api.example.com/orders',
 *     options: { recordsPath: 'data', paging: { kind: 'linkHeader' } } }, ctx)
 */
export const pullRest: Connector = async (def, context) => {
  const options = readOptions(restOptions, def.options);
  const { url, credential } = await prepare(def, context);
  const paging = options.paging;
  const first = new URL(url);
  if (paging.kind === 'page') {
    first.searchParams.set(paging.param, String(paging.start));
    if (paging.sizeParam && paging.size) first.searchParams.set(paging.sizeParam, String(paging.size));
  } else if (paging.kind === 'offset') {
    first.searchParams.set(paging.param, '0');
    first.searchParams.set(paging.limitParam, String(paging.limit));
  }
  let expected: number | undefined;
  return pullPagedJson(
    {
      first,
      credential,
      recordsPath: options.recordsPath,
      maxPages: options.maxPages,
      types: options.types,
      next({ document, response, url: current, count, total, page }) {
        if (page === 1 && options.totalPath) {
          const value = Number(valueAtPath(document, options.totalPath));
          if (Number.isFinite(value)) expected = value;
        }
        if (expected !== undefined && total >= expected) return null;
        const resolve = (link: unknown) => (typeof link === 'string' && link !== '' ? checkUrl(link, context.policy, current.href) : null);
        switch (paging.kind) {
          case 'bodyLink':
            return resolve(valueAtPath(document, paging.path));
          case 'linkHeader':
            return resolve(nextLinkFromHeader(response.headers.get('Link')));
          case 'page': {
            if (count === 0 || (paging.size !== undefined && count < paging.size)) return null;
            const next = new URL(current);
            next.searchParams.set(paging.param, String(paging.start + page));
            return next;
          }
          case 'offset': {
            if (count < paging.limit) return null;
            const next = new URL(current);
            next.searchParams.set(paging.param, String(total));
            return next;
          }
          default:
            return null;
        }
      },
    },
    context,
  );
};
