import type { Filter } from '../spec/filters';
import type { DrillItem } from './drill-spec';

/** Separator between the parts of the header, as the issue's example shows it. */
export const WORDS_SEPARATOR = ' · ';

/**
 * An item as the grid shows it: "(blank)" for a blank, numbers in plain digits.
 * @example itemWords(null) // '(blank)'
 */
export function itemWords(v: unknown): string {
  if (v == null || v === '') return '(blank)';
  if (typeof v === 'number') return Object.is(v, -0) ? '0' : String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}

const quoted = (v: unknown) => (typeof v === 'string' && v !== '' ? `"${v}"` : itemWords(v));

/**
 * One of the query's own filters in plain words.
 * @example filterWords({ kind: 'compare', field: 'Units', op: '>=', value: 5 }) // 'Units ≥ 5'
 */
export function filterWords(f: Filter): string {
  switch (f.kind) {
    case 'in': {
      const list = f.values.length <= 5 ? f.values.map(quoted).join(', ') : `${f.values.slice(0, 5).map(quoted).join(', ')} and ${f.values.length - 5} more`;
      return `${f.field} ${f.exclude ? 'is not' : 'is'} ${f.values.length === 1 ? '' : 'one of '}${list}`;
    }
    case 'compare': {
      const op = { '=': '=', '<>': '≠', '<': '<', '<=': '≤', '>': '>', '>=': '≥' }[f.op];
      return `${f.field} ${op} ${quoted(f.value)}`;
    }
    case 'between':
      return `${f.field} ${f.exclude ? 'not ' : ''}between ${quoted(f.low)} and ${quoted(f.high)}`;
    case 'text': {
      const how = { contains: ['contains', 'contain'], startsWith: ['starts with', 'start with'], endsWith: ['ends with', 'end with'] }[f.match];
      return `${f.field} ${f.exclude ? `does not ${how[1]}` : how[0]} "${f.value}"`;
    }
    case 'blank':
      return `${f.field} is ${f.blank ? '' : 'not '}blank`;
    case 'relativeDate':
      return `${f.field} in the last ${f.last} ${f.unit}${f.last === 1 ? '' : 's'}`;
    case 'topN':
      return `${f.direction === 'bottom' ? 'bottom' : 'top'} ${f.n} ${f.field} by ${f.measure}`;
    case 'formula':
      return `rows where ${f.formula}`;
  }
}

/**
 * The header of the drilled rows: the cell's items, then the query's own filters.
 * @example
 * drillWords([{ field: 'Region', item: 'West' }, { field: 'Year', item: 2025 }], [])
 * // 'Region = West · Year = 2025'
 */
export function drillWords(items: readonly DrillItem[], own: readonly Filter[]): string {
  const parts = items.map((i) => `${i.field} = ${itemWords(i.item)}`);
  if (!parts.length) parts.push('All rows (grand total)');
  if (own.length) parts.push(`and the query's own filters (${own.map(filterWords).join('; ')})`);
  return parts.join(WORDS_SEPARATOR);
}
