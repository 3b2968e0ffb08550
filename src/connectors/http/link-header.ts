/**
 * The target of `rel="next"` in a Link header (RFC 8288), or null.
 * @example nextLinkFromHeader('<https://api.example.com/items?page=2>; rel="next", <...>; rel="last"') // 'https://api.example.com/items?page=2'
 */
export function nextLinkFromHeader(header: string | null | undefined): string | null {
  if (!header) return null;
  for (const match of header.matchAll(/<([^>]*)>\s*((?:;\s*[^;,]+)*)/g)) {
    const params = match[2] ?? '';
    const rel = /;\s*rel\s*=\s*(?:"([^"]*)"|([^\s;,]+))/i.exec(params);
    const rels = (rel?.[1] ?? rel?.[2] ?? '').toLowerCase().split(/\s+/);
    if (rels.includes('next')) return match[1] ?? null;
  }
  return null;
}
