/**
 * The `options` each source kind understands. The workbook stores them as an opaque record
 * (src/model), so every connector validates them here before use: a workbook is untrusted input.
 */
import { z, prettifyError } from 'zod';
import { SourceError } from './errors';

const columnType = z.enum(['text', 'number', 'date', 'boolean']);
/** Column types the user picked in the preview, by column name. */
const types = z.record(z.string(), columnType).optional();

export const delimitedOptions = z.object({
  delimiter: z.enum([',', '\t', ';', '|']).optional(),
  header: z.union([z.boolean(), z.literal('auto')]).optional(),
  dateOrder: z.enum(['mdy', 'dmy']).optional(),
  types,
});

/** A dotted path into a JSON document, such as `data.items`. */
const jsonPath = z.string().max(500).regex(/^[^.]+(\.[^.]+)*$/, 'a path looks like data.items');

export const jsonOptions = z.object({ recordsPath: jsonPath.optional(), types });

const paging = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }),
  /** The next page's address is in the body, e.g. `links.next` or `next`. */
  z.object({ kind: z.literal('bodyLink'), path: jsonPath }),
  /** The next page's address is in `Link: <...>; rel="next"`. */
  z.object({ kind: z.literal('linkHeader') }),
  /** ?page=1,2,3... (optionally with a page size parameter). */
  z.object({ kind: z.literal('page'), param: z.string().min(1).max(100), start: z.number().int().min(0).default(1), sizeParam: z.string().min(1).max(100).optional(), size: z.number().int().min(1).max(100_000).optional() }),
  /** ?offset=0,100,200... with ?limit=100. */
  z.object({ kind: z.literal('offset'), param: z.string().min(1).max(100), limitParam: z.string().min(1).max(100), limit: z.number().int().min(1).max(100_000) }),
]);

export const restOptions = z.object({
  recordsPath: jsonPath.optional(),
  paging: paging.default({ kind: 'none' }),
  /** Stop when this many records have arrived, read from the first page (e.g. `meta.total`). */
  totalPath: jsonPath.optional(),
  maxPages: z.number().int().min(1).max(100_000).default(100),
  types,
});

const odataValue = z.union([
  z.string().max(1000),
  z.number(),
  z.boolean(),
  z.null(),
  z.object({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }),
  z.object({ dateTime: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/) }),
]);

export const odataFilter = z.object({
  field: z.string().max(200),
  op: z.enum(['eq', 'ne', 'gt', 'ge', 'lt', 'le', 'contains', 'startswith', 'endswith', 'in']),
  value: z.union([odataValue, z.array(odataValue).max(500)]),
});

export const odataOptions = z.object({
  select: z.array(z.string().max(200)).max(500).optional(),
  filter: z.array(odataFilter).max(50).optional(),
  top: z.number().int().min(1).optional(),
  orderBy: z.array(z.object({ field: z.string().max(200), descending: z.boolean().optional() })).max(20).optional(),
  maxPages: z.number().int().min(1).max(100_000).default(1000),
  types,
});

export const columnarOptions = z.object({
  /** Read only these columns (Parquet reads only their bytes). */
  columns: z.array(z.string().max(500)).max(2000).optional(),
});

/**
 * Validate a source's options, or throw 'badDefinition' naming what is wrong.
 * @example readOptions(restOptions, { paging: { kind: 'linkHeader' } }).maxPages // 100
 */
export function readOptions<T extends z.ZodType>(schema: T, options: unknown): z.output<T> {
  const parsed = schema.safeParse(options ?? {});
  if (!parsed.success) {
    throw new SourceError('badDefinition', `This source's settings are not valid:\n${prettifyError(parsed.error)}`);
  }
  return parsed.data;
}
