import { SourceError } from '../errors';

/**
 * Longest Link header PivotDeck reads. Real APIs send a few hundred characters (next, prev, first,
 * last); a longer one is refused rather than parsed, so a hostile server cannot make paging slow.
 */
export const MAX_LINK_HEADER = 8192;

/**
 * The target of `rel="next"` in a Link header (RFC 8288), or null. One pass over the text, no
 * backtracking regex: the header comes from the server, which may be hostile.
 * Throws a 'malformed' SourceError for a header longer than MAX_LINK_HEADER (stopping quietly
 * would land part of the data as if it were all).
 * @example nextLinkFromHeader('<https://api.example.com/items?page=2>; rel="next", <...>; rel="last"') // 'https://api.example.com/items?page=2'
 */
export function nextLinkFromHeader(header: string | null | undefined): string | null {
  if (!header) return null;
  if (header.length > MAX_LINK_HEADER) {
    throw new SourceError('malformed', `The server's Link header is ${header.length.toLocaleString('en-US')} characters long, more than PivotDeck reads (${MAX_LINK_HEADER.toLocaleString('en-US')}). Ask the API's owner to send a shorter one, or choose another way of paging.`);
  }
  let at = 0;
  while (at < header.length) {
    const open = header.indexOf('<', at);
    if (open < 0) return null;
    const close = header.indexOf('>', open + 1);
    if (close < 0) return null;
    const target = header.slice(open + 1, close);
    // Parameters run to the next comma outside quotes.
    let end = close + 1;
    let quoted = false;
    for (; end < header.length; end++) {
      const c = header[end];
      if (c === '"') quoted = !quoted;
      else if (c === ',' && !quoted) break;
    }
    if (relsOf(header.slice(close + 1, end)).includes('next')) return target;
    at = end + 1;
  }
  return null;
}

/** The rel values in `; a=b; rel="next prev"` (lower case). */
function relsOf(params: string): string[] {
  for (const part of params.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim().toLowerCase() !== 'rel') continue;
    let value = part.slice(eq + 1).trim();
    if (value.startsWith('"')) value = value.slice(1, value.endsWith('"') && value.length > 1 ? -1 : undefined);
    return value.toLowerCase().split(/\s+/).filter(Boolean);
  }
  return [];
}
