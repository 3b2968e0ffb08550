import { z } from 'zod';
import { FieldRefSchema, NewNameSchema } from './common';
import { SourceRefSchema } from './source-ref';

/**
 * LEFT JOIN another table on one key: every source row is kept; the listed
 * fields of the matching lookup row are added (blank when nothing matches).
 * Keys match as pivot items do (text ignores case, 1 ≠ "1"; blank keys never
 * match). A key that appears twice in the lookup table is refused, so the
 * join never multiplies rows: `LEFT JOIN (lookup) ON source.key = lookup.key`.
 */
export const LookupSchema = z.strictObject({
  source: SourceRefSchema,
  key: FieldRefSchema,
  lookupKey: FieldRefSchema,
  fields: z
    .array(z.strictObject({ field: FieldRefSchema, as: NewNameSchema.optional() }))
    .min(1, 'pick at least one field to bring in'),
});

export type Lookup = z.infer<typeof LookupSchema>;
