import { fromArrow } from 'arquero';

type ArrowColumns = NonNullable<NonNullable<Parameters<typeof fromArrow>[1]>['columns']>;
import { SourceError } from './errors';
import { displayUrl } from './http/policy';
import { emptyRecord } from './parse/own-keys';
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
  // Arquero's own column store is a plain object, where a column named `__proto__` vanishes (every
  // row with it). Every column is read under a positional name (c0, c1, ...) and named here.
  let names: string[] = [];
  const positional = (table: { columnNames(): string[] }) => {
    const all = table.columnNames();
    names = options.columns ? options.columns.filter((c) => all.includes(c)) : [...new Set(all)];
    const missing = options.columns?.filter((c) => !all.includes(c)) ?? [];
    if (missing.length) throw new SourceError('badDefinition', `The Arrow file has no column ${missing.join(', ')}. It has ${all.join(', ')}.`);
    const rename = emptyRecord<string>();
    names.forEach((name, i) => (rename[name] = `c${i}`));
    return rename;
  };
  let source;
  try {
    // A select helper may return a rename map (arquero's resolve() accepts any selection); its type says string[].
    source = fromArrow(got.bytes, { columns: positional as unknown as ArrowColumns });
  } catch (error) {
    if (error instanceof SourceError) throw error;
    const reason = (error instanceof Error ? error.message : String(error)).slice(0, 200);
    throw new SourceError('malformed', `${displayUrl(got.url)} is not a readable Arrow file (${reason}). Check the address points to an Arrow IPC file.`, {}, { cause: error });
  }
  const rowCount = source.numRows();
  checkRowLimit(rowCount, context);
  const columns: ColumnSpec[] = [];
  const data = emptyRecord<ColumnData>();
  let inexact = 0;
  names.forEach((name, i) => {
    const typed = valuesToColumn(source.array(`c${i}`) as ArrayLike<unknown>);
    inexact += typed.inexact;
    columns.push({ name, type: typed.type, blanks: typed.blanks });
    data[name] = typed.data;
  });
  if (inexact) warnings.push({ code: 'precisionLoss', message: `${inexact} whole numbers are larger than Excel can hold exactly (15 digits) and were rounded.` });
  return finish(context, { columns, data, rowCount, warnings, bytes: got.bytes.byteLength, pages: 1, etag: got.etag, lastModified: got.lastModified });
};
