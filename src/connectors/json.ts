import { decodeText } from './http/read-body';
import { parseJsonText } from './parse/parse-json-text';
import { recordsAtPath } from './parse/records-at-path';
import { recordsToColumns } from './parse/records-to-columns';
import { checkRowLimit, download, finish } from './pull-helpers';
import { jsonOptions, readOptions } from './source-options';
import type { Connector, PullWarning } from './types';

/**
 * JSON by URL: an array of records, or the records at `options.recordsPath` (`data.items`);
 * nested objects become `a.b` columns.
 * @example await pullJson({ id: 'j', label: 'Cars', kind: 'json', url: 'https://example.com/cars.json' }, ctx)
 */
export const pullJson: Connector = async (def, context) => {
  const options = readOptions(jsonOptions, def.options);
  const warnings: PullWarning[] = [];
  const got = await download(def, context, warnings);
  if (got.status === 'notModified') return got;
  const document = parseJsonText(decodeText(got.bytes, got.contentType), got.contentType);
  const { records, guessed } = recordsAtPath(document, options.recordsPath);
  if (guessed) warnings.push({ code: 'recordsPathGuessed', message: `PivotDeck read the records from "${guessed}", the only list in the response. Set the records path to choose another.` });
  checkRowLimit(records.length, context);
  const typed = recordsToColumns(records, context.signal, options.types);
  return finish(context, {
    ...typed,
    warnings: [...warnings, ...typed.warnings],
    rowCount: records.length,
    bytes: got.bytes.byteLength,
    pages: 1,
    etag: got.etag,
    lastModified: got.lastModified,
  });
};
