import { z } from 'zod';
import { FieldRefSchema, FormulaTextSchema, NewNameSchema } from './common';

/**
 * Most derived fields one query may have. Each is a full column of the working table, and a
 * chain of them can grow text step by step, so the count is capped (a formula can do the work
 * of several fields: `IF([a] > 0, [b] * 2, [c])`).
 */
export const MAX_DERIVED_FIELDS = 64;

/** Date parts of Excel serial dates (Excel's YEAR, QUARTER, MONTH, ISOWEEKNUM, WEEKDAY(d, 2) Monday=1, DAY). */
export const DATE_PARTS = ['year', 'quarter', 'month', 'isoWeek', 'weekday', 'day'] as const;
export type DatePart = (typeof DATE_PARTS)[number];

/**
 * Derived fields are computed per row before filters and grouping, in order
 * (a later one may use an earlier one). SQL: a column expression in a CTE.
 */
export const DerivedFieldSchema = z.discriminatedUnion('kind', [
  /** Any row formula: `[Revenue] - [Cost]`. */
  z.strictObject({ kind: z.literal('formula'), name: NewNameSchema, formula: FormulaTextSchema }),
  /** `EXTRACT(part FROM date)`; non-dates give #NUM!/#VALUE! as the matching Excel function does. */
  z.strictObject({ kind: z.literal('datePart'), name: NewNameSchema, field: FieldRefSchema, part: z.enum(DATE_PARTS) }),
  /**
   * Numeric bins labelled by their lower edge: origin + FLOOR((x - origin) / width) * width.
   * Blanks stay blank; text and errors give #VALUE! / the error.
   */
  z.strictObject({
    kind: z.literal('bin'),
    name: NewNameSchema,
    field: FieldRefSchema,
    width: z.number().positive('width must be greater than 0'),
    origin: z.number().optional(),
  }),
]);

export type DerivedField = z.infer<typeof DerivedFieldSchema>;
