/**
 * The fields a warehouse statement can use: the table's columns, then the spec's derived fields
 * in order (each may use the earlier ones). Shared by the query planner and the rows planner
 * (Show rows), so both read a spec's fields the same way.
 */
import type { QuerySpec } from '../spec/query-spec';
import { derivedFormula } from '../query/spec-formulas';
import { compileRowFormula, fieldEnv, type RowValue } from './compile-row';
import { WarehouseCompileError } from './errors';
import { fieldsFromSchema, type TypedField, type WarehouseSchema } from './schema';

type Derived = NonNullable<QuerySpec['derived']>[number];

/**
 * @param check called for each derived field after it compiles, before it is added (a planner
 *   refuses what it cannot run there; `where` names the field for the message)
 * @example const fields = specFields(spec, schema); // [...columns, ...derived]
 */
export function specFields(
  spec: { derived?: readonly Derived[]; lookups?: readonly unknown[] },
  schema: WarehouseSchema,
  check?: (value: RowValue, where: string) => void,
): TypedField[] {
  if (spec.lookups?.length)
    throw new WarehouseCompileError('Lookups into other tables cannot run on a warehouse source yet. Create a view on the warehouse that joins them and use that view as the source.');
  const fields: TypedField[] = fieldsFromSchema(schema);
  if (!fields.length) throw new WarehouseCompileError(`The warehouse table ${schema.table} has no columns PivotDeck can read.`);
  for (const [i, d] of (spec.derived ?? []).entries()) {
    const where = `derived[${i}] (${d.name})`;
    if (fieldEnv(fields)(d.name)) throw new WarehouseCompileError(`${where}: a field named [${d.name}] already exists.`);
    const v = compileRowFormula(derivedFormula(d), fieldEnv(fields), where);
    check?.(v, where);
    fields.push({ name: d.name, kind: v.kind === 'text' ? 'text' : v.kind === 'bool' ? 'bool' : 'number', value: v.sql, date: v.date, err: v.err });
  }
  return fields;
}
