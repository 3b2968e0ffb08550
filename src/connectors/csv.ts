import { parseCsvBody } from './parse/parse-csv-body';
import { download, finish } from './pull-helpers';
import { delimitedOptions, readOptions } from './source-options';
import type { Connector } from './types';
import type { PullWarning } from './types';

/**
 * CSV/TSV by URL: UTF-8 (with or without BOM) or the charset the server names; delimiter and
 * header detected unless set; each column typed (number, date → Excel serial, boolean, text).
 * The download stays here (address, credential and origin rules); the body is parsed by
 * `context.parseCsv` when the caller has one (the pane's CSV worker), else in this thread.
 * @example
 *   const r = await pullCsv({ id: 's1', label: 'Weather', kind: 'csv', url: 'https://example.com/w.csv' }, ctx);
 *   if (r.status === 'ok') r.table.numRows();
 */
export const pullCsv: Connector = async (def, context) => {
  const settings = readOptions(delimitedOptions, def.options);
  const warnings: PullWarning[] = [];
  const got = await download(def, context, warnings);
  if (got.status === 'notModified') return got;
  // Read before parsing: a worker parse takes the bytes' buffer with it.
  const bytes = got.bytes.byteLength;
  const body = { bytes: got.bytes, contentType: got.contentType, pathname: got.url.pathname, settings, maxRows: context.maxRows ?? 10_000_000 };
  const control = {
    signal: context.signal,
    onRows: (rows: number) => context.onProgress?.({ phase: 'parse' as const, bytes, rows, pages: 1 }),
  };
  const parsed = context.parseCsv ? await context.parseCsv(body, control) : parseCsvBody(body, control);
  return finish(context, {
    columns: parsed.columns,
    data: parsed.data,
    rowCount: parsed.rowCount,
    warnings: [...warnings, ...parsed.warnings],
    bytes,
    pages: 1,
    etag: got.etag,
    lastModified: got.lastModified,
  });
};
