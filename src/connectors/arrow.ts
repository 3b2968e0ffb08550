import { fromArrow } from 'arquero';
import { SourceError } from './errors';
import { displayUrl } from './http/policy';
import { valuesToColumn } from './parse/values-to-column';
import type { ColumnData } from './parse/parse-delimited';
import { checkRowLimit, download, finish } from './pull-helpers';
import { columnarOptions, readOptions } from './source-options';
import type { ColumnSpec, Connector, PullWarning } from './types';

/**
 * An Arrow IPC file or stream by URL (read with arquero's fromArrow over flechette): typed
 * columns; dates and timestamps become Excel serials.
 * @example await pullArrow({ id: 'a', label: 'Flights', kind: 'arrow', url: 'https://example.com/f.arrow' }, ctx)
 */
export const pullArrow: Connector = async (def, context) => {
  const options = readOptions(columnarOptions, def.options);
  const warnings: PullWarning[] = [];
  const got = await download(def, context, warnings);
  if (got.status === 'notModified') return got;
  let source;
  try {
    source = fromArrow(got.bytes, options.columns ? { columns: options.columns } : undefined);
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).slice(0, 200);
    throw new SourceError('malformed', `${displayUrl(got.url)} is not a readable Arrow file (${reason}). Check the address points to an Arrow IPC file.`, {}, { cause: error });
  }
  const rowCount = source.numRows();
  checkRowLimit(rowCount, context);
  const columns: ColumnSpec[] = [];
  const data: Record<string, ColumnData> = {};
  let inexact = 0;
  for (const name of source.columnNames()) {
    const typed = valuesToColumn(source.array(name) as ArrayLike<unknown>);
    inexact += typed.inexact;
    columns.push({ name, type: typed.type, blanks: typed.blanks });
    data[name] = typed.data;
  }
  if (inexact) warnings.push({ code: 'precisionLoss', message: `${inexact} whole numbers are larger than Excel can hold exactly (15 digits) and were rounded.` });
  return finish(context, { columns, data, rowCount, warnings, bytes: got.bytes.byteLength, pages: 1, etag: got.etag, lastModified: got.lastModified });
};
