import { z } from 'zod';
import { isReservedName } from './names';

/** A reference to a column of the working table (source, lookup or derived field). */
export const FieldRefSchema = z.string().min(1, 'a field name cannot be empty').max(255, 'a field name has at most 255 characters');

/** A name the query creates (derived field, lookup column, measure id): not empty, not reserved. */
export const NewNameSchema = FieldRefSchema.refine((s) => !isReservedName(s), {
  message: 'this name is reserved (it clashes with a JavaScript built-in); choose another',
});

/** A literal compared with cell values: number, text, logical. */
export const LiteralSchema = z.union([z.number(), z.string(), z.boolean()]);

/** A literal or null (null matches blank cells). */
export const ItemSchema = z.union([z.number(), z.string(), z.boolean(), z.null()]);

/** A formula in the PivotDeck formula language (docs/formula-language.md), as text. */
export const FormulaTextSchema = z.string().min(1, 'a formula cannot be empty').max(8192, 'a formula has at most 8,192 characters');
