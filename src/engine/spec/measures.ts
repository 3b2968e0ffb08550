import { z } from 'zod';
import { FieldRefSchema, FormulaTextSchema } from './common';
import { isReservedName } from './names';
import type { MeasureKind } from '../measures/vocabulary';

/**
 * Show a measure relative to other cells of the result (Excel's "Show Values
 * As"). Every kind is a SQL window over the grouped result:
 * - percentOfGrandTotal: m / m(grand total)
 * - percentOfRowTotal: m / m(same row, column grand total)
 * - percentOfColumnTotal: m / m(same column, row grand total)
 * - percentOfParentRow / percentOfParentColumn: m / m(parent item on that axis)
 * - runningTotal: SUM(m) OVER (PARTITION BY the other keys ORDER BY base)
 * - rank: RANK() OVER (PARTITION BY the other keys ORDER BY m DESC|ASC)
 * - differenceFromPrevious: m - LAG(m); percentDifferenceFromPrevious: (m - LAG(m)) / LAG(m)
 * - movingAverage: AVG(m) OVER (... ROWS BETWEEN periods-1 PRECEDING AND CURRENT ROW)
 * `along` picks the base axis (default rows): the base field is that axis's
 * innermost field, and the order is that axis's display order.
 */
export const ShowAsSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.enum(['percentOfGrandTotal', 'percentOfRowTotal', 'percentOfColumnTotal', 'percentOfParentRow', 'percentOfParentColumn']),
  }),
  z.strictObject({
    kind: z.enum(['runningTotal', 'differenceFromPrevious', 'percentDifferenceFromPrevious']),
    along: z.enum(['rows', 'columns']).optional(),
  }),
  z.strictObject({ kind: z.literal('rank'), along: z.enum(['rows', 'columns']).optional(), order: z.enum(['desc', 'asc']).optional() }),
  z.strictObject({
    kind: z.literal('movingAverage'),
    along: z.enum(['rows', 'columns']).optional(),
    periods: z.int().min(1, 'periods must be at least 1').max(10_000),
  }),
]);

export type ShowAs = z.infer<typeof ShowAsSchema>;

/** Catalogue kinds that read one field (vocabulary inputs 'field'; checked in measure-vocabulary.test.ts). */
export const SINGLE_FIELD_KINDS = [
  'sum',
  'count',
  'countNumbers',
  'average',
  'min',
  'max',
  'product',
  'median',
  'distinctCount',
  'mode',
  'stdevSample',
  'stdevPopulation',
  'varSample',
  'varPopulation',
] as const satisfies readonly MeasureKind[];

/** Catalogue kinds that read two fields (otherField: weight, denominator or order). */
export const TWO_FIELD_KINDS = ['weightedAverage', 'ratioOfSums', 'first', 'last'] as const satisfies readonly MeasureKind[];

const measureBase = {
  id: z
    .string()
    .min(1, 'a measure id cannot be empty')
    .max(255)
    .refine((s) => !isReservedName(s), { message: 'this id is reserved; choose another' }),
  /** Column header; defaults to the id. */
  label: z.string().max(255).optional(),
  /** Excel number format of the values, e.g. "#,##0.00". */
  numberFormat: z.string().max(255).optional(),
  showAs: ShowAsSchema.optional(),
};

/**
 * A measure: a formula (`SUM([Revenue]) / SUM([Units])`) or a catalogue kind
 * over a field (the measure picker's choices). Catalogue kinds are shorthand
 * for formulas: `{ kind: 'median', field: 'Revenue' }` is `MEDIAN([Revenue])`.
 */
export const MeasureSchema = z.discriminatedUnion('kind', [
  z.strictObject({ ...measureBase, kind: z.literal('formula'), formula: FormulaTextSchema }),
  z.strictObject({ ...measureBase, kind: z.enum(SINGLE_FIELD_KINDS), field: FieldRefSchema }),
  z.strictObject({ ...measureBase, kind: z.enum(TWO_FIELD_KINDS), field: FieldRefSchema, otherField: FieldRefSchema }),
  z.strictObject({ ...measureBase, kind: z.literal('percentile'), field: FieldRefSchema, p: z.number().min(0, 'p is between 0 and 1').max(1, 'p is between 0 and 1') }),
  z.strictObject({ ...measureBase, kind: z.literal('quartile'), field: FieldRefSchema, quartile: z.int().min(0).max(4) }),
]);

export type Measure = z.infer<typeof MeasureSchema>;
export type MeasureCatalogueKind = Exclude<Measure['kind'], 'formula'>;
