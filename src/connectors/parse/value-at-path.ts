import { ownValue } from './own-keys';

/**
 * The value at a dotted path (`links.next`, `meta.total`), or undefined when any step is missing.
 * @example valueAtPath({ links: { next: '/p2' } }, 'links.next') // '/p2'
 */
export function valueAtPath(document: unknown, path: string): unknown {
  let current = document;
  for (const segment of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    // Own keys only: `constructor` or `__proto__` in a path are data keys, never inherited members.
    current = ownValue(current as Record<string, unknown>, segment);
  }
  return current;
}
