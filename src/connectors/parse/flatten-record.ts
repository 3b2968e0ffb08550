import { emptyRecord } from './own-keys';

/**
 * A nested JSON object as one flat row: `{ a: { b: 1 } }` → `{ 'a.b': 1 }`. Arrays are kept as
 * JSON text (one cell), because spreading them would multiply rows; `arrays` counts the keys
 * where that happened so the user can be told.
 * @example flattenRecord({ id: 1, owner: { name: 'Ann', address: { city: 'Oslo' } } })
 *   // { id: 1, 'owner.name': 'Ann', 'owner.address.city': 'Oslo' }
 */
export function flattenRecord(record: unknown, arrays?: Set<string>, maxDepth = 16): Record<string, unknown> {
  const out = emptyRecord<unknown>();
  const walk = (value: unknown, prefix: string, depth: number) => {
    if (value !== null && typeof value === 'object' && !Array.isArray(value) && depth < maxDepth) {
      const entries = Object.entries(value as Record<string, unknown>);
      if (entries.length === 0 && prefix) out[prefix] = null;
      for (const [key, child] of entries) {
        // OData and JSON-LD annotations ("@odata.etag") are protocol noise, not data.
        if (key.startsWith('@') || key.includes('@odata.')) continue;
        walk(child, prefix ? `${prefix}.${key}` : key, depth + 1);
      }
      return;
    }
    if (Array.isArray(value)) {
      arrays?.add(prefix);
      out[prefix] = JSON.stringify(value);
      return;
    }
    out[prefix] = value;
  };
  if (record === null || typeof record !== 'object' || Array.isArray(record)) out.value = Array.isArray(record) ? JSON.stringify(record) : record;
  else walk(record, '', 0);
  return out;
}
