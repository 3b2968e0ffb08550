import { z } from 'zod';
import { FieldRefSchema } from './common';
import { DerivedFieldSchema, MAX_DERIVED_FIELDS } from './derived';
import { FilterSchema } from './filters';
import { LookupSchema } from './lookup';
import { MeasureSchema } from './measures';
import { SourceRefSchema } from './source-ref';

/** The spec format version this code writes and reads. */
export const QUERY_SPEC_VERSION = 1;

/**
 * How the items of one row or column field are ordered (within their parent).
 * By label: numbers, then text (ignoring case), then logicals, blank last.
 * By measure: the measure's value at that item's own total (the row total for
 * row fields, the column total for column fields); ties by label.
 * SQL: ORDER BY label | ORDER BY m(item total).
 */
export const SortSchema = z.discriminatedUnion('by', [
  z.strictObject({ field: FieldRefSchema, by: z.literal('label'), order: z.enum(['asc', 'desc']).optional() }),
  z.strictObject({ field: FieldRefSchema, by: z.literal('measure'), measure: z.string().min(1), order: z.enum(['asc', 'desc']).optional() }),
]);

/** Totals shown in the grid. Defaults: all on, as in a new Excel PivotTable. */
export const TotalsSchema = z.strictObject({
  /** Subtotals of every outer field on both axes (SQL GROUPING SETS of the prefixes). */
  subtotals: z.boolean().optional(),
  /** The bottom "Grand Total" row (totals over all row items). */
  grandTotalRow: z.boolean().optional(),
  /** The right-hand "Grand Total" column (totals over all column items). */
  grandTotalColumn: z.boolean().optional(),
});

/**
 * A query: plain JSON, versioned. Order of work (as SQL would run it):
 * source → lookups (LEFT JOIN) → derived fields → filters (WHERE, then top/bottom N)
 * → group by rows × columns with totals (GROUPING SETS) → show-as (windows) → sort.
 */
export const QuerySpecSchema = z
  .strictObject({
    version: z.literal(QUERY_SPEC_VERSION, { error: `version must be ${QUERY_SPEC_VERSION}` }),
    source: SourceRefSchema,
    lookups: z.array(LookupSchema).max(16).optional(),
    derived: z
      .array(DerivedFieldSchema)
      .max(MAX_DERIVED_FIELDS, `a query has at most ${MAX_DERIVED_FIELDS} derived fields; combine some into one formula or drop the ones no measure, filter or axis uses`)
      .optional(),
    filters: z.array(FilterSchema).max(256).optional(),
    rows: z.array(FieldRefSchema).max(16),
    columns: z.array(FieldRefSchema).max(16).optional(),
    measures: z.array(MeasureSchema).min(1, 'add at least one measure').max(256),
    sort: z.array(SortSchema).max(32).optional(),
    totals: TotalsSchema.optional(),
  })
  .superRefine((spec, ctx) => {
    const lower = (s: string) => s.toLowerCase();
    const ids = new Set<string>();
    spec.measures.forEach((m, i) => {
      if (ids.has(lower(m.id))) ctx.addIssue({ code: 'custom', message: `measure id "${m.id}" is used twice`, path: ['measures', i, 'id'] });
      ids.add(lower(m.id));
    });
    const axis = [...spec.rows, ...(spec.columns ?? [])];
    const seen = new Set<string>();
    axis.forEach((f, i) => {
      const where = i < spec.rows.length ? ['rows', i] : ['columns', i - spec.rows.length];
      if (seen.has(lower(f))) ctx.addIssue({ code: 'custom', message: `field "${f}" is on the rows or columns twice`, path: where });
      seen.add(lower(f));
    });
    spec.sort?.forEach((s, i) => {
      if (!seen.has(lower(s.field))) ctx.addIssue({ code: 'custom', message: `sort field "${s.field}" is not on the rows or columns`, path: ['sort', i, 'field'] });
      if (s.by === 'measure' && !ids.has(lower(s.measure)))
        ctx.addIssue({ code: 'custom', message: `sort measure "${s.measure}" is not one of the measures`, path: ['sort', i, 'measure'] });
    });
    spec.filters?.forEach((f, i) => {
      if (f.kind === 'topN' && !ids.has(lower(f.measure)))
        ctx.addIssue({ code: 'custom', message: `top/bottom N measure "${f.measure}" is not one of the measures`, path: ['filters', i, 'measure'] });
    });
    spec.measures.forEach((m, i) => {
      const s = m.showAs;
      if (!s || !('along' in s)) return;
      const along = s.along ?? 'rows';
      const fields = along === 'rows' ? spec.rows : (spec.columns ?? []);
      if (!fields.length) ctx.addIssue({ code: 'custom', message: `show-as ${s.kind} runs along the ${along}, but there are no ${along} fields`, path: ['measures', i, 'showAs'] });
    });
    const names = new Set<string>();
    const newName = (name: string, path: (string | number)[]) => {
      if (names.has(lower(name))) ctx.addIssue({ code: 'custom', message: `"${name}" is created twice`, path });
      names.add(lower(name));
    };
    spec.lookups?.forEach((l, i) => l.fields.forEach((f, j) => newName(f.as ?? f.field, ['lookups', i, 'fields', j])));
    spec.derived?.forEach((d, i) => newName(d.name, ['derived', i, 'name']));
  });

export type QuerySpec = z.infer<typeof QuerySpecSchema>;
export type SortSpec = z.infer<typeof SortSchema>;
export type TotalsSpec = z.infer<typeof TotalsSchema>;
