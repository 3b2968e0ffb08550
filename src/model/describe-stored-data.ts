/**
 * "What this workbook stores", for the pane's "Your data" view and for anyone asking what
 * PivotDeck keeps in a file: every definition in plain words, the address each source names,
 * which need a credential (the credential itself is never in the workbook), and the size of what
 * is stored. Pure: reads a parsed document, touches nothing. The origins a refresh contacts, for
 * the consent prompt, are the consent module's job (originsNamedBy), not this one's.
 */
import type { PivotDeckDocument } from './schema';

/** Words for source kinds, as the pane names them. */
const KIND_WORDS: Record<PivotDeckDocument['sources'][number]['kind'], string> = {
  csv: 'CSV file', json: 'JSON file', rest: 'web API', odata: 'OData feed', googleSheets: 'Google Sheets link',
  parquet: 'Parquet file', arrow: 'Arrow file', table: 'Excel table', range: 'Excel range', warehouse: 'data warehouse',
};

const CREDENTIAL_WORDS: Record<NonNullable<PivotDeckDocument['sources'][number]['credential']>['kind'], string | undefined> = {
  none: undefined, apiKeyHeader: 'an API key', apiKeyQuery: 'an API key', bearer: 'an access token', basic: 'a user name and password',
};

export interface StoredSource {
  label: string;
  /** "CSV file", "OData feed" … */
  kind: string;
  /** scheme://host[:port] of the address, or the address as written when it is not a URL. */
  address?: string;
  /** "needs an access token for api.example.com": what each user must enter; never the secret. */
  credential?: string;
}

export interface StoredData {
  sources: StoredSource[];
  extensions: Array<{ pivot: string; measures: number }>;
  queries: string[];
  dashboards: Array<{ label: string; sheet: string }>;
  /** UTF-8 bytes of the stored document (the workbook setting "PivotDeck.document"). */
  bytes: number;
  /** True when the workbook holds no PivotDeck definitions at all. */
  empty: boolean;
}

/** The origin of an http(s) address, lower-cased by URL; undefined for anything else. */
function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.origin : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Describes what a workbook's PivotDeck document holds.
 *
 * @example
 * describeStoredData(doc).sources[0]
 * // { label: 'Orders', kind: 'CSV file', address: 'https://data.example.com', credential: 'needs an access token for https://data.example.com' }
 */
export function describeStoredData(doc: PivotDeckDocument): StoredData {
  const sources = doc.sources.map((s): StoredSource => {
    const origin = originOf(s.url);
    const out: StoredSource = { label: s.label, kind: KIND_WORDS[s.kind] ?? s.kind };
    if (origin ?? s.url) out.address = origin ?? s.url;
    const needs = s.credential ? CREDENTIAL_WORDS[s.credential.kind] : undefined;
    if (needs) out.credential = `needs ${needs} for ${s.credential!.origin}`;
    return out;
  });
  return {
    sources,
    extensions: doc.extensions.map((e) => ({ pivot: e.pivotName, measures: e.measures.length })),
    queries: doc.queries.map((q) => q.label),
    dashboards: doc.dashboards.map((d) => ({ label: d.label, sheet: d.sheet })),
    bytes: new TextEncoder().encode(JSON.stringify(doc)).length,
    empty: doc.sources.length + doc.extensions.length + doc.queries.length + doc.dashboards.length === 0,
  };
}
