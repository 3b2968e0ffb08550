import { z } from 'zod';
import { type QuerySpec, QuerySpecSchema } from './query-spec';

/** A spec that failed validation: one readable message plus the individual issues. */
export class QuerySpecError extends Error {
  readonly issues: ReadonlyArray<{ path: string; message: string }>;

  constructor(message: string, issues: Array<{ path: string; message: string }>) {
    super(message);
    this.name = 'QuerySpecError';
    this.issues = issues;
  }
}

export type SpecResult = { ok: true; spec: QuerySpec } | { ok: false; error: QuerySpecError };

/**
 * Validate untrusted JSON (from the builder, a workbook or a file) as a query
 * spec. Never throws; the error's message lists every problem with its path,
 * e.g. `✖ add at least one measure → at measures`.
 * @example validateQuerySpec({ version: 1, source: { kind: 'table', name: 'Sales' }, rows: [], measures: [] }).ok // false
 */
export function validateQuerySpec(input: unknown): SpecResult {
  const result = QuerySpecSchema.safeParse(input);
  if (result.success) return { ok: true, spec: result.data };
  const issues = result.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
  return { ok: false, error: new QuerySpecError(z.prettifyError(result.error), issues) };
}

/**
 * Validate and return the spec, or throw a QuerySpecError with the readable message.
 * @example parseQuerySpec(JSON.parse(text)).rows // ['Region']
 */
export function parseQuerySpec(input: unknown): QuerySpec {
  const r = validateQuerySpec(input);
  if (!r.ok) throw r.error;
  return r.spec;
}
