/**
 * A field name as a plural noun for titles: "Product" → "products", "Category" → "categories".
 * @example plural('Country') // 'countries'
 */
export function plural(field: string): string {
  const w = field.toLowerCase();
  if (/[^aeiou]y$/.test(w)) return `${w.slice(0, -1)}ies`;
  if (/(s|x|ch|sh)$/.test(w)) return `${w}es`;
  return `${w}s`;
}
