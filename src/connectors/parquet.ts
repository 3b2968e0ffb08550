import { parquetMetadata, parquetRead, type CompressionCodec, type Compressors, type FileMetaData } from 'hyparquet';
import { gunzipSync } from 'fflate';
import { SourceError } from './errors';
import { displayUrl } from './http/policy';
import { valuesToColumn } from './parse/values-to-column';
import { emptyRecord } from './parse/own-keys';
import type { ColumnData } from './parse/parse-delimited';
import { checkRowLimit, download, finish } from './pull-helpers';
import { columnarOptions, readOptions } from './source-options';
import type { ColumnSpec, Connector, PullWarning } from './types';

/** Codecs beyond hyparquet's built-in Snappy that need no extra download: Gzip through fflate. */
const COMPRESSORS: Compressors = {
  GZIP: (input) => gunzipSync(input),
};

/** Codecs read without hyparquet-compressors (hyparquet does Snappy itself, fflate Gzip). */
const BUILT_IN = new Set<CompressionCodec>(['UNCOMPRESSED', 'SNAPPY', 'GZIP']);

/**
 * The decompressors a file needs. ZSTD, Brotli and LZ4 (most files written by DuckDB, Spark or
 * Polars use ZSTD) come from hyparquet-compressors, loaded only when a file uses one of them so
 * the pane's first bundle does not carry the decoders.
 * @example const compressors = await compressorsFor(parquetMetadata(file)); // {GZIP} for a Snappy file
 */
export async function compressorsFor(metadata: FileMetaData): Promise<Compressors> {
  const needsMore = metadata.row_groups.some((g) => g.columns.some((c) => c.meta_data && !BUILT_IN.has(c.meta_data.codec)));
  if (!needsMore) return COMPRESSORS;
  const { compressors } = await import(/* webpackChunkName: "parquet-codecs" */ 'hyparquet-compressors');
  return { ...compressors, ...COMPRESSORS };
}

/**
 * A Parquet file by URL (columnar and typed): numbers, booleans, text; dates and timestamps become
 * Excel serials; 64-bit integers become numbers (with a warning past 15 digits).
 * @example await pullParquet({ id: 'p', label: 'Flights', kind: 'parquet', url: 'https://example.com/f.parquet' }, ctx)
 */
export const pullParquet: Connector = async (def, context) => {
  const options = readOptions(columnarOptions, def.options);
  const warnings: PullWarning[] = [];
  const got = await download(def, context, warnings);
  if (got.status === 'notModified') return got;
  const file = got.bytes.buffer.slice(got.bytes.byteOffset, got.bytes.byteOffset + got.bytes.byteLength) as ArrayBuffer;

  let metadata: FileMetaData;
  let rowCount: number;
  let names: string[];
  try {
    metadata = parquetMetadata(file);
    rowCount = Number(metadata.num_rows);
    names = metadata.schema.slice(1).filter((e) => !e.num_children).map((e) => e.name);
  } catch (error) {
    throw new SourceError('malformed', `${displayUrl(got.url)} is not a readable Parquet file (${short(error)}). Check the address points to a .parquet file.`, {}, { cause: error });
  }
  checkRowLimit(rowCount, context);
  const wanted = options.columns ?? names;
  const missing = wanted.filter((c) => !names.includes(c));
  if (missing.length) throw new SourceError('badDefinition', `The Parquet file has no column ${missing.join(', ')}. It has ${names.join(', ')}.`);

  const values = new Map<string, unknown[]>(wanted.map((name) => [name, new Array(rowCount)]));
  try {
    await parquetRead({
      file,
      metadata,
      columns: wanted,
      compressors: await compressorsFor(metadata),
      onChunk({ columnName, columnData, rowStart }) {
        const target = values.get(columnName);
        if (!target) return;
        for (let i = 0; i < columnData.length && rowStart + i < rowCount; i++) target[rowStart + i] = columnData[i];
      },
    });
  } catch (error) {
    const codec = /unsupported compression codec: (\w+)/.exec(short(error))?.[1];
    if (codec) {
      throw new SourceError('malformed', `This Parquet file is compressed with ${codec}, which PivotDeck cannot read yet. Save it with Snappy, Gzip or ZSTD compression (or uncompressed) and try again.`, {}, { cause: error });
    }
    throw new SourceError('malformed', `The Parquet file could not be read (${short(error)}). It may be damaged or cut short; refresh again.`, {}, { cause: error });
  }

  const columns: ColumnSpec[] = [];
  const data = emptyRecord<ColumnData>();
  let inexact = 0;
  for (const [name, column] of values) {
    const typed = valuesToColumn(column);
    inexact += typed.inexact;
    columns.push({ name, type: typed.type, blanks: typed.blanks });
    data[name] = typed.data;
  }
  if (inexact) warnings.push({ code: 'precisionLoss', message: `${inexact} whole numbers are larger than Excel can hold exactly (15 digits) and were rounded.` });
  return finish(context, { columns, data, rowCount, warnings, bytes: got.bytes.byteLength, pages: 1, etag: got.etag, lastModified: got.lastModified });
};

function short(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 200);
}
