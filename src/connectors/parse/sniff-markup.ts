import { SourceError } from '../errors';

/** What a body that should have been CSV or JSON turned out to be. */
export interface MarkupFound {
  /** 'html' for a web page, 'xml' for any other tagged document (RSS, Atom, SOAP, an XML error). */
  kind: 'html' | 'xml';
  /** The page's <title>, or the XML's first element name; trimmed and cut short for a message. */
  name?: string;
}

// How far into the body to look: a page's <title> sits in its first few kilobytes, and the
// check must cost nothing on a 100 MB CSV.
const HEAD = 8192;

/**
 * Does the body look like HTML or XML rather than data? Decided by the body first (a server that
 * labels real CSV as text/html still gets read), with the Content-Type used only to tell HTML
 * from XML. A delimited file or JSON document never starts with "<", so the test is cheap and sure.
 * @example sniffMarkup('<!DOCTYPE html><title>Sign in</title>', 'text/html') // { kind: 'html', name: 'Sign in' }
 * @example sniffMarkup('<?xml version="1.0"?><rss>', null) // { kind: 'xml', name: 'rss' }
 * @example sniffMarkup('date,amount\n2024-01-01,3', 'text/html') // undefined
 */
export function sniffMarkup(text: string, contentType: string | null): MarkupFound | undefined {
  const head = text.slice(0, HEAD).replace(/^\uFEFF/, '').trimStart();
  if (!head.startsWith('<')) return undefined;
  const type = (contentType ?? '').toLowerCase();
  const htmlish = /^<(!doctype\s+html|html|head|body|meta|title|script|div|p|h1)[\s>/]/i.test(head) || /<html[\s>]/i.test(head);
  // Markup at all: a tag, a declaration or a comment; "<5 rows" or "<-" is not markup.
  if (!htmlish && !/^<([?!]|[a-z_][\w.:-]*[\s>/])/i.test(head)) return undefined;
  if (htmlish || type.includes('html')) {
    const title = /<title[^>]*>([^<]*)<\/title>/i.exec(head)?.[1];
    return { kind: 'html', name: title ? shortName(decodeEntities(title)) : undefined };
  }
  // The first element after any declarations, processing instructions and comments.
  const root = /<([a-z_][\w.:-]*)/i.exec(head.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<![^>]*>/g, ''))?.[1];
  return { kind: 'xml', name: root ? shortName(root) : undefined };
}

/**
 * Throw when a body that should be `expected` is a web page or an XML document, saying what came
 * back and what to do; returns quietly otherwise.
 * @example refuseMarkup('<html><title>Not found</title></html>', 'text/html', 'CSV')
 *   // throws SourceError('malformed', 'The address returned a web page (HTML) titled "Not found", not CSV. …')
 */
export function refuseMarkup(text: string, contentType: string | null, expected: 'CSV' | 'JSON'): void {
  const found = sniffMarkup(text, contentType);
  if (!found) return;
  const shownType = contentType ? ` (Content-Type: ${contentType.split(';')[0]!.trim()})` : '';
  if (found.kind === 'html') {
    const titled = found.name ? ` titled "${found.name}"` : '';
    throw new SourceError(
      'malformed',
      `The address returned a web page (HTML)${titled}${shownType}, not ${expected}. This is often a sign-in page, an error page, or a page that shows the file instead of the file itself. Open the address in a browser: use the file's direct download link (often called "Raw", "Download" or "Export as ${expected}"), or sign in under Sign-in, then try again.`,
      { returned: 'html' },
    );
  }
  const rooted = found.name ? ` (<${found.name}>)` : '';
  throw new SourceError(
    'malformed',
    `The address returned an XML document${rooted}${shownType}, not ${expected}. PivotDeck does not read XML: ask the provider for a ${expected} address${expected === 'JSON' ? ' (many APIs take ?format=json or an Accept: application/json setting)' : ''}, or, for an OData feed, choose "OData feed" under "What is at this address".`,
    { returned: 'xml' },
  );
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** The few entities page titles use, and numeric ones; anything else is left as written. */
function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : all;
    }
    return ENTITIES[name.toLowerCase()] ?? all;
  });
}

/** One line of at most 80 characters, cut at a word where there is one. */
function shortName(text: string): string | undefined {
  const one = text.replace(/\s+/g, ' ').trim();
  if (one === '') return undefined;
  if (one.length <= 80) return one;
  const cut = one.slice(0, 79);
  const space = cut.lastIndexOf(' ');
  return `${(space > 40 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
