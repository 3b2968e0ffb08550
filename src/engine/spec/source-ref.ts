import { z } from 'zod';

/**
 * Where a query reads its rows. A reference, never the data: the caller
 * resolves it (an Excel table by name, a sheet range, or a PivotDeck source
 * id such as a cloud pull). SQL: the FROM clause.
 */
export const SourceRefSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('table'), name: z.string().min(1, 'a table name cannot be empty') }),
  z.strictObject({
    kind: z.literal('range'),
    sheet: z.string().min(1, 'a sheet name cannot be empty'),
    address: z
      .string()
      .regex(/^\$?[A-Z]{1,3}\$?[1-9]\d{0,6}:\$?[A-Z]{1,3}\$?[1-9]\d{0,6}$/i, 'an address looks like A1:D200'),
  }),
  z.strictObject({ kind: z.literal('source'), id: z.string().min(1, 'a source id cannot be empty') }),
]);

export type SourceRef = z.infer<typeof SourceRefSchema>;

/**
 * A stable text key for a reference (for maps and messages).
 * @example sourceRefKey({ kind: 'table', name: 'Sales' }) // 'table:Sales'
 */
export function sourceRefKey(ref: SourceRef): string {
  switch (ref.kind) {
    case 'table':
      return `table:${ref.name}`;
    case 'range':
      return `range:${ref.sheet}!${ref.address.toUpperCase()}`;
    case 'source':
      return `source:${ref.id}`;
  }
}
