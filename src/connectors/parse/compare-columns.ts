import type { ColumnSpec, PullWarning } from '../types';

export interface SchemaChange {
  added: string[];
  missing: string[];
  retyped: { name: string; from: ColumnSpec['type']; to: ColumnSpec['type'] }[];
}

/**
 * What changed between the columns of the last pull and this one.
 * @example compareColumns([{ name: 'a', type: 'number', blanks: 0 }], [{ name: 'b', type: 'text', blanks: 0 }]) // { added: ['b'], missing: ['a'], retyped: [] }
 */
export function compareColumns(before: readonly ColumnSpec[], after: readonly ColumnSpec[]): SchemaChange {
  const old = new Map(before.map((c) => [c.name, c.type]));
  const now = new Map(after.map((c) => [c.name, c.type]));
  return {
    added: after.filter((c) => !old.has(c.name)).map((c) => c.name),
    missing: before.filter((c) => !now.has(c.name)).map((c) => c.name),
    retyped: after.filter((c) => old.has(c.name) && old.get(c.name) !== c.type).map((c) => ({ name: c.name, from: old.get(c.name)!, to: c.type })),
  };
}

/** A 'schemaChanged' warning when the columns changed since the previous pull, else null. */
export function schemaChangeWarning(before: readonly ColumnSpec[] | undefined, after: readonly ColumnSpec[]): PullWarning | null {
  if (!before) return null;
  const { added, missing, retyped } = compareColumns(before, after);
  if (!added.length && !missing.length && !retyped.length) return null;
  const parts: string[] = [];
  if (added.length) parts.push(`new column${added.length > 1 ? 's' : ''} ${added.join(', ')}`);
  if (missing.length) parts.push(`missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`);
  if (retyped.length) parts.push(retyped.map((r) => `${r.name} changed from ${r.from} to ${r.to}`).join(', '));
  return { code: 'schemaChanged', message: `The source's columns changed since the last refresh: ${parts.join('; ')}. The data was loaded anyway; check formulas and queries that use these columns.` };
}
