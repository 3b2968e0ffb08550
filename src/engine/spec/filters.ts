import { z } from 'zod';
import { FieldRefSchema, FormulaTextSchema, ItemSchema, LiteralSchema } from './common';

/**
 * Row filters. Each has an obvious SQL meaning (shown per kind); comparisons
 * follow Excel's rules (text ignores case, numbers < text < logicals), and
 * `exclude: true` negates a filter (SQL NOT, with blanks kept on the excluded side).
 */

/** `field IN (values)`; null in the list matches blanks. */
export const InFilterSchema = z.strictObject({
  kind: z.literal('in'),
  field: FieldRefSchema,
  values: z.array(ItemSchema).max(100_000),
  exclude: z.boolean().optional(),
});

/** `field <op> value`. */
export const CompareFilterSchema = z.strictObject({
  kind: z.literal('compare'),
  field: FieldRefSchema,
  op: z.enum(['=', '<>', '<', '<=', '>', '>=']),
  value: LiteralSchema,
});

/** `field BETWEEN low AND high` (both ends included). */
export const BetweenFilterSchema = z
  .strictObject({
    kind: z.literal('between'),
    field: FieldRefSchema,
    low: z.union([z.number(), z.string()]),
    high: z.union([z.number(), z.string()]),
    exclude: z.boolean().optional(),
  })
  .refine((f) => typeof f.low === typeof f.high, { message: 'low and high must both be numbers or both be text', path: ['high'] })
  .refine((f) => typeof f.low !== 'number' || typeof f.high !== 'number' || f.low <= f.high, {
    message: 'low must not be greater than high',
    path: ['low'],
  });

/** `field ILIKE '%v%'` / `'v%'` / `'%v'` (case-insensitive unless caseSensitive). Non-text cells never match. */
export const TextFilterSchema = z.strictObject({
  kind: z.literal('text'),
  field: FieldRefSchema,
  match: z.enum(['contains', 'startsWith', 'endsWith']),
  value: z.string(),
  caseSensitive: z.boolean().optional(),
  exclude: z.boolean().optional(),
});

/** `field IS NULL` (blank: true) or `IS NOT NULL` (blank: false); "" counts as blank, as in Excel. */
export const BlankFilterSchema = z.strictObject({
  kind: z.literal('blank'),
  field: FieldRefSchema,
  blank: z.boolean(),
});

/**
 * Serial dates in the last N days / months / years relative to `today` (an
 * Excel serial, stored in the spec so a refresh is reproducible; the UI fills
 * it with TODAY()). With includeCurrent (default true) the current period
 * counts as one of the N: "last 3 months" on 2024-05-17 is 2024-03-01 up to
 * 2024-05-31. Without it, the N whole periods before the current one.
 * SQL: `field >= start AND field < end` with start/end computed from today.
 */
export const RelativeDateFilterSchema = z.strictObject({
  kind: z.literal('relativeDate'),
  field: FieldRefSchema,
  unit: z.enum(['day', 'month', 'year']),
  last: z.int().min(1, 'last must be at least 1').max(100_000),
  today: z.number().min(1, 'today must be an Excel serial date').max(2_958_465, 'today must be on or before 9999-12-31'),
  includeCurrent: z.boolean().optional(),
});

/**
 * Keep the N items of `field` with the largest (top) or smallest (bottom)
 * value of a measure of this query, computed over the rows the other filters
 * kept. Ties at the cut are broken by item label so results are stable.
 * SQL: `field IN (SELECT field ... GROUP BY field ORDER BY m DESC, field LIMIT n)`.
 */
export const TopNFilterSchema = z.strictObject({
  kind: z.literal('topN'),
  field: FieldRefSchema,
  n: z.int().min(1, 'n must be at least 1').max(1_048_576),
  measure: z.string().min(1, 'name the measure (its id) to rank by'),
  direction: z.enum(['top', 'bottom']).optional(),
});

/** A row formula that must be TRUE (docs/formula-language.md). SQL: WHERE <compiled formula>. */
export const FormulaFilterSchema = z.strictObject({
  kind: z.literal('formula'),
  formula: FormulaTextSchema,
});

export const FilterSchema = z.discriminatedUnion('kind', [
  InFilterSchema,
  CompareFilterSchema,
  BetweenFilterSchema,
  TextFilterSchema,
  BlankFilterSchema,
  RelativeDateFilterSchema,
  TopNFilterSchema,
  FormulaFilterSchema,
]);

export type Filter = z.infer<typeof FilterSchema>;
export type RelativeDateFilter = z.infer<typeof RelativeDateFilterSchema>;
export type TopNFilter = z.infer<typeof TopNFilterSchema>;
