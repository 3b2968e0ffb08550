import { decodeText } from './http/read-body';
import { parseDelimited } from './parse/parse-delimited';
import { refuseMarkup } from './parse/sniff-markup';
import { download, finish } from './pull-helpers';
import { delimitedOptions, readOptions } from './source-options';
import type { Connector } from './types';
import type { PullWarning } from './types';

/**
 * CSV/TSV by URL: UTF-8 (with or without BOM) or the charset the server names; delimiter and
 * header detected unless set; each column typed (number, date → Excel serial, boolean, text).
 * @example
 *   const r = await pullCsv({ id: 's1', label: 'Weather', kind: 'csv', url: 'https://example.com/w.csv' }, ctx);
 *   if (r.status === 'ok') r.table.numRows();
 */
export const pullCsv: Connector = async (def, context) => {
  const options = readOptions(delimitedOptions, def.options);
  const warnings: PullWarning[] = [];
  const got = await download(def, context, warnings);
  if (got.status === 'notModified') return got;
  const text = decodeText(got.bytes, got.contentType);
  // A sign-in or error page parses as a "CSV" of one odd column and no rows: refuse it by name.
  refuseMarkup(text, got.contentType, 'CSV');
  const tabHint = /\.(tsv|tab)$/i.test(got.url.pathname) || /tab-separated/i.test(got.contentType ?? '') ? '\t' : undefined;
  const parsed = parseDelimited(text, {
    ...options,
    delimiterHint: tabHint,
    maxRows: context.maxRows ?? 10_000_000,
    signal: context.signal,
    onRows: (rows) => context.onProgress?.({ phase: 'parse', bytes: got.bytes.byteLength, rows, pages: 1 }),
  });
  return finish(context, {
    columns: parsed.columns,
    data: parsed.data,
    rowCount: parsed.rowCount,
    warnings: [...warnings, ...parsed.warnings],
    bytes: got.bytes.byteLength,
    pages: 1,
    etag: got.etag,
    lastModified: got.lastModified,
  });
};
