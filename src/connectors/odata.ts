import { checkUrl } from './http/policy';
import { odataUrl } from './odata-query';
import { pullPagedJson } from './paged-json';
import { prepare } from './pull-helpers';
import { odataOptions, readOptions } from './source-options';
import type { Connector } from './types';

/**
 * An OData v4 feed: records in `value`, pages via `@odata.nextLink`; `$select`, `$filter`,
 * `$top` and `$orderby` are pushed to the server so only the needed data travels.
 * Annotations such as `@odata.etag` are dropped from the records.
 * @example
 *   await pullOData({ id: 'o', label: 'Cars', kind: 'odata', url: 'https://x.example/odata/Cars',
 *     options: { select: ['Name', 'Origin'], filter: [{ field: 'Origin', op: 'eq', value: 'USA' }] } }, ctx)
 */
export const pullOData: Connector = async (def, context) => {
  const options = readOptions(odataOptions, def.options);
  const { url, credential } = await prepare(def, context);
  return pullPagedJson(
    {
      first: odataUrl(url, options),
      credential,
      headers: { Accept: 'application/json;odata.metadata=minimal' },
      recordsPath: 'value',
      maxPages: options.maxPages,
      types: options.types,
      next({ document, url: current, total }) {
        if (options.top !== undefined && total >= options.top) return null;
        const link = (document as Record<string, unknown> | null)?.['@odata.nextLink'];
        return typeof link === 'string' && link !== '' ? checkUrl(link, context.policy, current.href) : null;
      },
    },
    context,
  );
};
