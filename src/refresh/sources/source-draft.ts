/**
 * The "Get data from the web" form as plain data, and its translation to a source definition.
 * Secrets are NOT part of the definition: `secret` (and `user`/`password`) go to the per-user
 * credential store; the definition keeps only which host needs which kind of credential.
 */
import type { ColumnType, CredentialRef, SourceDefinition } from '../../connectors/types';
import { canonicalOrigin } from '../../connectors/http/origin';
import { checkUrl } from '../../connectors/http/policy';
import { describeUrlSecrets, findSecretsInUrl } from '../../connectors/http/secrets-in-url';
import { defaultLanding, landingOf } from '../../refresh/sources';

export type WebKind = 'csv' | 'json' | 'rest' | 'odata' | 'googleSheets' | 'parquet' | 'arrow';
export type AuthKind = CredentialRef['kind'];
export type PagingKind = 'none' | 'bodyLink' | 'linkHeader' | 'page' | 'offset';

export const KIND_LABELS: Record<WebKind, string> = {
  csv: 'CSV or TSV file',
  json: 'JSON file',
  rest: 'Web API with pages (JSON)',
  odata: 'OData feed',
  googleSheets: 'Google Sheets link',
  parquet: 'Parquet file',
  arrow: 'Arrow file',
};

export const AUTH_LABELS: Record<AuthKind, string> = {
  none: 'None (public address)',
  apiKeyHeader: 'API key in a header',
  apiKeyQuery: 'API key in the address',
  bearer: 'Access token (Bearer)',
  basic: 'User name and password',
};

export const PAGING_LABELS: Record<PagingKind, string> = {
  none: 'One page only',
  bodyLink: 'Next-page link in the answer',
  linkHeader: 'Next-page link in the Link header',
  page: 'Page numbers (?page=1, 2, 3…)',
  offset: 'Offsets (?offset=0, 100, 200…)',
};

export interface SourceDraft {
  /** Set when editing an existing source. */
  id?: string;
  label: string;
  url: string;
  kind: WebKind;
  /** JSON / REST: where the records are, e.g. data.items. */
  recordsPath: string;
  paging: PagingKind;
  /** bodyLink: path of the link; page/offset: the page or offset parameter. */
  pagingParam: string;
  /** page: page-size parameter; offset: limit parameter. */
  sizeParam: string;
  size: string;
  /** REST: where the total count is, e.g. meta.total (stops without an extra request). */
  totalPath: string;
  auth: AuthKind;
  /** API key header or query parameter name. */
  keyName: string;
  tableName: string;
  sheet: string;
  types: Record<string, ColumnType>;
}

export function emptyDraft(): SourceDraft {
  return { label: '', url: '', kind: 'csv', recordsPath: '', paging: 'none', pagingParam: '', sizeParam: '', size: '', totalPath: '', auth: 'none', keyName: '', tableName: '', sheet: '', types: {} };
}

/**
 * Origin of the URL ("" when it does not parse): the only place its credential is sent.
 * @example draftOrigin('https://API.example.com:443/a.csv') // 'https://api.example.com'
 */
export function draftOrigin(url: string): string {
  return canonicalOrigin(url) ?? '';
}

/** The secret fields of the form (same shape as SourceForm's `Secrets`). */
export interface DraftSecrets {
  secret: string;
  user: string;
  password: string;
}

/**
 * Secrets typed into the address, moved into the form's sign-in fields (which go to the per-user
 * credential store, never the workbook). `moved` is undefined when the address holds none;
 * `problem` says why they cannot be moved (more than one, or a different sign-in already chosen).
 * @example moveUrlSecrets({ ...emptyDraft(), url: 'https://x.test/a.csv?api_key=k' }, { secret: '', user: '', password: '' })
 *   // { words: 'the parameter "api_key"', moved: { draft: { …, url: 'https://x.test/a.csv', auth: 'apiKeyQuery', keyName: 'api_key' }, secrets: { secret: 'k', … } } }
 */
export function moveUrlSecrets(draft: SourceDraft, secrets: DraftSecrets): { words: string; moved?: { draft: SourceDraft; secrets: DraftSecrets }; problem?: string } | undefined {
  const found = findSecretsInUrl(draft.url);
  if (!found) return undefined;
  const words = describeUrlSecrets(found.found);
  if (found.found.length > 1) {
    return { words, problem: `The address holds ${words}. A source keeps one sign-in: remove the others from the address (they would be saved in the workbook), then try again.` };
  }
  const [only] = found.found;
  const wanted: AuthKind = only!.kind === 'userinfo' ? 'basic' : 'apiKeyQuery';
  if (draft.auth !== 'none' && draft.auth !== wanted) {
    return { words, problem: `The address holds ${words}, and this source already signs in with "${AUTH_LABELS[draft.auth]}". Remove it from the address (it would be saved in the workbook), then try again.` };
  }
  const moved = only!.kind === 'userinfo'
    ? { draft: { ...draft, url: found.clean, auth: wanted }, secrets: { ...secrets, user: only!.user, password: only!.password } }
    : { draft: { ...draft, url: found.clean, auth: wanted, keyName: only!.name }, secrets: { ...secrets, secret: only!.value } };
  return { words, moved };
}

/**
 * What is wrong with a typed address, in PivotDeck's own words (the form checks it when the user
 * leaves the box and on Preview; no browser bubble), or undefined when it can be read. A user
 * name, password or key inside the address is not a problem here: Preview offers to move it to
 * the sign-in.
 * @example addressProblem('example.com/sales.csv', false) // 'This is not a full web address. …'
 * @example addressProblem('https://example.com/sales.csv', false) // undefined
 */
export function addressProblem(url: string, allowHttpLocalhost: boolean): string | undefined {
  const typed = url.trim();
  if (typed === '') return 'Enter the address of the data, starting with https://, for example https://example.com/sales.csv.';
  if (/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*@/i.test(typed)) return undefined;
  // "localhost:8080/a.csv" parses as a URL with the scheme "localhost:": only "scheme://" counts.
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(typed)) {
    return `This is not a full web address. Add https:// in front${/^[\w.-]+\.[a-z]{2,}(\/|$)/i.test(typed) ? `: https://${typed}` : ''}, or copy the address from your browser's address bar.`;
  }
  try {
    checkUrl(typed, { allowHttpLocalhost });
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** A readable name from the address when the user typed none: "cars.csv" → "cars". */
export function labelFromUrl(url: string): string {
  try {
    const u = new URL(url.trim());
    const last = u.pathname.split('/').filter(Boolean).pop() ?? u.hostname;
    return decodeURIComponent(last).replace(/\.[a-z0-9]+$/i, '') || u.hostname;
  } catch {
    return 'Web data';
  }
}

/** A new id unlike the existing ones: label letters plus a counter. */
export function newSourceId(label: string, taken: readonly string[]): string {
  const base = (label.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'source').slice(0, 40);
  let id = base;
  for (let n = 2; taken.includes(id); n++) id = `${base}-${n}`;
  return id;
}

/**
 * The source definition a draft describes (without any secret).
 * @example draftToSource({ ...emptyDraft(), url: 'https://x.test/a.csv' }, []).kind // 'csv'
 */
export function draftToSource(draft: SourceDraft, takenIds: readonly string[]): SourceDefinition {
  // The last guard: a secret in the address is never put into a definition that may be saved.
  const inUrl = findSecretsInUrl(draft.url);
  if (inUrl) throw new Error(`The address holds ${describeUrlSecrets(inUrl.found)}, which would be saved in the workbook. Press Preview to move it to your sign-in (kept on this computer only), or remove it from the address.`);
  const label = draft.label.trim() || labelFromUrl(draft.url);
  const id = draft.id ?? newSourceId(label, takenIds);
  const options: Record<string, unknown> = {};
  if ((draft.kind === 'json' || draft.kind === 'rest') && draft.recordsPath.trim()) options.recordsPath = draft.recordsPath.trim();
  if (draft.kind === 'rest') {
    options.paging = pagingOption(draft);
    if (draft.totalPath.trim()) options.totalPath = draft.totalPath.trim();
  }
  if (Object.keys(draft.types).length > 0 && draft.kind !== 'parquet' && draft.kind !== 'arrow') options.types = { ...draft.types };
  const place = defaultLanding({ id, label });
  const landing = { tableName: draft.tableName.trim() || place.tableName, sheet: draft.sheet.trim() || place.sheet };
  const def: SourceDefinition = { id, label, kind: draft.kind, url: draft.url.trim(), options, landing };
  if (draft.auth !== 'none') {
    def.credential = { origin: draftOrigin(draft.url), kind: draft.auth, ...(draft.keyName.trim() && (draft.auth === 'apiKeyHeader' || draft.auth === 'apiKeyQuery') ? { parameter: draft.keyName.trim() } : {}) };
  }
  return def;
}

function pagingOption(draft: SourceDraft): Record<string, unknown> {
  const size = Number(draft.size);
  switch (draft.paging) {
    case 'bodyLink': return { kind: 'bodyLink', path: draft.pagingParam.trim() || 'next' };
    case 'linkHeader': return { kind: 'linkHeader' };
    case 'page': return { kind: 'page', param: draft.pagingParam.trim() || 'page', ...(draft.sizeParam.trim() ? { sizeParam: draft.sizeParam.trim() } : {}), ...(size > 0 ? { size } : {}) };
    case 'offset': return { kind: 'offset', param: draft.pagingParam.trim() || 'offset', limitParam: draft.sizeParam.trim() || 'limit', limit: size > 0 ? size : 100 };
    default: return { kind: 'none' };
  }
}

const COLUMN_TYPES: readonly ColumnType[] = ['text', 'number', 'date', 'boolean'];
const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** The form filled in from a stored source, for Edit (secrets are never read back). */
export function sourceToDraft(def: SourceDefinition): SourceDraft {
  const o = def.options ?? {};
  // The connector's options are untyped in the document (the connector validates them): read
  // only what has the expected shape.
  const paging: Record<string, unknown> = isRecord(o.paging) ? o.paging : { kind: 'none' };
  const landing = landingOf(def);
  const str = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
  return {
    id: def.id,
    label: def.label,
    url: def.url ?? '',
    kind: (def.kind in KIND_LABELS ? def.kind : 'csv') as WebKind,
    recordsPath: str(o.recordsPath),
    paging: (str(paging.kind) || 'none') as PagingKind,
    pagingParam: str(paging.path ?? paging.param),
    sizeParam: str(paging.sizeParam ?? paging.limitParam),
    size: str(paging.size ?? paging.limit),
    totalPath: str(o.totalPath),
    auth: def.credential?.kind ?? 'none',
    keyName: def.credential?.parameter ?? '',
    tableName: landing?.tableName ?? '',
    sheet: landing?.sheet ?? '',
    types: Object.fromEntries(Object.entries(isRecord(o.types) ? o.types : {}).filter((e): e is [string, ColumnType] => COLUMN_TYPES.includes(e[1] as ColumnType))),
  };
}
