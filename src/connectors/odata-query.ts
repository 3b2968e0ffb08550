/**
 * OData v4 query options from PivotDeck's plain filter spec. Field names are checked and values
 * written as OData literals (strings in single quotes with quotes doubled), so no user text can
 * change the shape of the filter.
 */
import type { z } from 'zod';
import { SourceError } from './errors';
import type { odataFilter, odataOptions } from './source-options';

export type ODataFilter = z.infer<typeof odataFilter>;
type ODataValue = Exclude<ODataFilter['value'], unknown[]>;

const FIELD = /^[A-Za-z_][A-Za-z0-9_]*(\/[A-Za-z_][A-Za-z0-9_]*)*$/;

function field(name: string): string {
  if (!FIELD.test(name)) throw new SourceError('badDefinition', `"${name}" is not an OData property name (letters, digits and _; / for a navigation path).`);
  return name;
}

/**
 * One value as an OData literal.
 * @example odataLiteral("O'Neil") // "'O''Neil'"
 * @example odataLiteral({ date: '2024-01-31' }) // '2024-01-31'
 */
export function odataLiteral(value: ODataValue): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return `'${value.replaceAll("'", "''")}'`;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new SourceError('badDefinition', 'OData filters need finite numbers.');
    return String(value);
  }
  return 'date' in value ? value.date : value.dateTime;
}

/**
 * A `$filter` expression: the conditions joined with `and`.
 * @example odataFilterExpression([{ field: 'Origin', op: 'eq', value: 'USA' }, { field: 'Cylinders', op: 'ge', value: 6 }])
 *   // "Origin eq 'USA' and Cylinders ge 6"
 */
export function odataFilterExpression(filters: readonly ODataFilter[]): string {
  return filters
    .map(({ field: name, op, value }) => {
      const f = field(name);
      if (op === 'in') {
        if (!Array.isArray(value) || value.length === 0) throw new SourceError('badDefinition', `The "in" filter on ${name} needs a list of values.`);
        return `${f} in (${value.map(odataLiteral).join(',')})`;
      }
      if (Array.isArray(value)) throw new SourceError('badDefinition', `The "${op}" filter on ${name} takes one value, not a list.`);
      if (op === 'contains' || op === 'startswith' || op === 'endswith') {
        if (typeof value !== 'string') throw new SourceError('badDefinition', `The "${op}" filter on ${name} needs text.`);
        return `${op}(${f},${odataLiteral(value)})`;
      }
      return `${f} ${op} ${odataLiteral(value)}`;
    })
    .join(' and ');
}

/**
 * The feed address with $select, $filter, $top and $orderby pushed to the server. A $filter
 * already in the address is kept and combined with `and`.
 * @example odataUrl(new URL('https://x.example/odata/Cars'), { select: ['Name'], top: 10, maxPages: 1000 }).search
 *   // '?$select=Name&$top=10'
 */
export function odataUrl(base: URL, options: z.output<typeof odataOptions>): URL {
  const url = new URL(base);
  const pairs: [string, string][] = [];
  for (const part of url.search.replace(/^\?/, '').split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    pairs.push(eq === -1 ? [decodeURIComponent(part), ''] : [decodeURIComponent(part.slice(0, eq)), decodeURIComponent(part.slice(eq + 1).replaceAll('+', ' '))]);
  }
  const set = (key: string, value: string) => {
    const at = pairs.findIndex(([k]) => k === key);
    if (at === -1) pairs.push([key, value]);
    else pairs[at] = [key, value];
  };
  if (options.select?.length) set('$select', options.select.map(field).join(','));
  if (options.filter?.length) {
    const mine = odataFilterExpression(options.filter);
    const existing = pairs.find(([k]) => k === '$filter')?.[1];
    set('$filter', existing ? `(${existing}) and (${mine})` : mine);
  }
  if (options.orderBy?.length) set('$orderby', options.orderBy.map((o) => `${field(o.field)}${o.descending ? ' desc' : ''}`).join(','));
  if (options.top !== undefined) set('$top', String(options.top));
  // OData query option names keep their "$"; values are percent-encoded (spaces as %20, not +).
  url.search = pairs.map(([k, v]) => `${k.startsWith('$') ? k : encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
  return url;
}
