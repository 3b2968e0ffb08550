import { SourceError } from '../errors';
import { ownValue } from './own-keys';

/**
 * The list of records inside a JSON document: the document itself when it is an array, or the
 * value at a dotted path such as `data.items` (numeric segments index arrays: `results.0.rows`).
 * Without a path, an object with exactly one list of records (`value`, `data`, `items`...) is used
 * and `guessed` names it.
 * @example recordsAtPath({ data: { items: [{ a: 1 }] } }, 'data.items') // { records: [{ a: 1 }] }
 */
export function recordsAtPath(document: unknown, path?: string): { records: unknown[]; guessed?: string } {
  if (path === undefined || path === '') {
    if (Array.isArray(document)) return { records: document };
    if (document !== null && typeof document === 'object') {
      const lists = Object.entries(document as Record<string, unknown>).filter(([, v]) => Array.isArray(v));
      if (lists.length === 1) return { records: lists[0]![1] as unknown[], guessed: lists[0]![0] };
      throw new SourceError(
        'pathNotFound',
        `The JSON is an object, not a list of records. Set the records path to the list you want${keysHint(document)}.`,
        { path: '', availableKeys: Object.keys(document as object) },
      );
    }
    throw new SourceError('malformed', 'The JSON holds a single value, not a list of records.');
  }
  let current: unknown = document;
  const segments = path.split('.');
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    const reached = segments.slice(0, i).join('.');
    if (current === null || typeof current !== 'object') {
      throw new SourceError('pathNotFound', `Path "${path}" not found: ${reached || 'the document'} is a single value, so it has no "${segment}".`, { path, availableKeys: [] });
    }
    // Own keys only: a path such as "constructor" must not find Object's constructor.
    const next = Array.isArray(current) && /^\d+$/.test(segment) ? current[Number(segment)] : ownValue(current as Record<string, unknown>, segment);
    if (next === undefined || (Array.isArray(current) && !/^\d+$/.test(segment))) {
      const keys = Array.isArray(current) ? [] : Object.keys(current as object);
      const where = reached ? `"${reached}"` : 'the top of the document';
      const has = Array.isArray(current) ? `${where} is a list of ${current.length} items (use a number to pick one)` : keys.length ? `${where} has ${listKeys(keys)}` : `${where} is empty`;
      throw new SourceError('pathNotFound', `Path "${path}" not found: there is no "${segment}" in ${where}. ${capitalise(has)}.`, { path, availableKeys: keys });
    }
    current = next;
  }
  if (!Array.isArray(current)) {
    const what = current === null ? 'null' : typeof current === 'object' ? `an object${keysHint(current)}` : `a single ${typeof current}`;
    throw new SourceError('pathNotFound', `Path "${path}" leads to ${what}, not a list of records. Point the path at a list.`, {
      path,
      availableKeys: current !== null && typeof current === 'object' ? Object.keys(current as object) : [],
    });
  }
  return { records: current };
}

function listKeys(keys: string[]): string {
  const shown = keys.slice(0, 12).map((k) => `"${k}"`).join(', ');
  return keys.length > 12 ? `keys ${shown} and ${keys.length - 12} more` : `keys ${shown}`;
}

function keysHint(value: unknown): string {
  const keys = Object.keys(value as object);
  return keys.length ? ` (it has ${listKeys(keys)})` : '';
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
