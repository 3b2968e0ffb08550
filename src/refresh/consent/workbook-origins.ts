/**
 * Which web origins a workbook's own definitions would make PivotDeck contact. A workbook is
 * untrusted input (anyone can email one), so these are the origins the user must allow before any
 * of its definitions reaches the network (docs/security.md, "Consent").
 */
import type { PivotDeckDocument } from '../../model';

/** Source kinds that read over the network; 'table' and 'range' read the workbook itself. */
const NETWORK_KINDS: ReadonlySet<string> = new Set(['csv', 'json', 'rest', 'odata', 'googleSheets', 'parquet', 'arrow', 'warehouse']);

type SourceLike = Pick<PivotDeckDocument['sources'][number], 'id' | 'kind' | 'url'>;

/**
 * The origin (scheme, host, port) of an address, as the URL standard writes it: lower-case host,
 * default ports left out. Undefined for anything that is not an http(s) address.
 *
 * @example originOf('HTTPS://Api.Example.com:443/a.csv?key=1') // 'https://api.example.com'
 * @example originOf('http://127.0.0.1:8123/') // 'http://127.0.0.1:8123'
 * @example originOf('file:///etc/passwd') // undefined
 */
export function originOf(address: string | undefined): string | undefined {
  if (!address) return undefined;
  try {
    const url = new URL(address);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.origin : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The origins the given sources contact, sorted and without repeats. Sources that read the
 * workbook (tables, ranges) contact nothing. An address that does not parse contacts nothing
 * either: the connector refuses it before any request.
 *
 * @example originsOfSources([{ id: 's', kind: 'csv', url: 'https://a.example.com/x.csv' }]) // ['https://a.example.com']
 */
export function originsOfSources(sources: readonly SourceLike[]): string[] {
  const origins = new Set<string>();
  for (const source of sources) {
    if (!NETWORK_KINDS.has(source.kind)) continue;
    const origin = originOf(source.url);
    if (origin) origins.add(origin);
  }
  return [...origins].sort();
}

/**
 * Every origin the workbook's definitions name: what "Allow" in the consent prompt covers.
 *
 * @example originsNamedBy(doc) // ['https://api.example.com', 'https://ch.example.com:8443']
 */
export function originsNamedBy(document: Pick<PivotDeckDocument, 'sources'>): string[] {
  return originsOfSources(document.sources);
}
