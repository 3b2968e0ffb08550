/**
 * Secrets typed into an address: `https://ann:pw@host/…` (userinfo) or `?api_key=…`, `&token=…`,
 * `&sig=…`. An address is saved in the workbook, which travels; a secret must not. When a source
 * is saved the pane asks this module what the address holds, offers to move it to the per-user
 * credential store, and saves only the cleaned address.
 *
 * Pure: no I/O, so it is unit-tested on its own (test/connectors/secrets-in-url.test.ts).
 */

/** A secret found in an address. */
export type UrlSecret =
  | { kind: 'userinfo'; user: string; password: string }
  | { kind: 'query'; name: string; value: string };

export interface UrlSecrets {
  /** The address without any of the secrets (userinfo and secret parameters removed). */
  clean: string;
  found: UrlSecret[];
}

/** Parameter names (lower case, without - and _) that hold a secret wherever they appear. */
const SECRET_NAMES = new Set([
  'apikey', 'key', 'token', 'accesstoken', 'authtoken', 'idtoken', 'refreshtoken', 'sessiontoken', 'securitytoken',
  'password', 'passwd', 'pwd', 'sig', 'signature', 'secret', 'clientsecret', 'apisecret', 'auth', 'subscriptionkey',
  'xamzsignature', 'xamzsecuritytoken', 'xamzcredential', 'xgoogsignature',
]);
/** Name endings that say "secret" (api-key, X-Amz-Signature, private_token …). */
const SECRET_ENDINGS = ['apikey', 'token', 'secret', 'password', 'signature'];

/**
 * Is this query parameter name one that carries a secret?
 * @example isSecretParameter('api_key') // true
 * @example isSecretParameter('X-Amz-Signature') // true
 * @example isSecretParameter('page') // false
 */
export function isSecretParameter(name: string): boolean {
  const n = name.toLowerCase().replace(/[-_.]/g, '');
  return SECRET_NAMES.has(n) || SECRET_ENDINGS.some((end) => n.endsWith(end));
}

/**
 * The secrets an address holds, and the address without them; undefined when it holds none (or
 * does not parse: the form's own check explains that).
 * @example findSecretsInUrl('https://ann:pw@api.example.com/a.csv?api_key=k1&page=2')
 *   // { clean: 'https://api.example.com/a.csv?page=2',
 *   //   found: [{ kind: 'userinfo', user: 'ann', password: 'pw' }, { kind: 'query', name: 'api_key', value: 'k1' }] }
 * @example findSecretsInUrl('https://api.example.com/a.csv?page=2') // undefined
 */
export function findSecretsInUrl(address: string): UrlSecrets | undefined {
  let url: URL;
  try {
    url = new URL(address.trim());
  } catch {
    return undefined;
  }
  const found: UrlSecret[] = [];
  if (url.username !== '' || url.password !== '') {
    found.push({ kind: 'userinfo', user: safeDecode(url.username), password: safeDecode(url.password) });
    url.username = '';
    url.password = '';
  }
  const kept = new URLSearchParams();
  for (const [name, value] of url.searchParams) {
    if (isSecretParameter(name) && value !== '') found.push({ kind: 'query', name, value });
    else kept.append(name, value);
  }
  if (found.length === 0) return undefined;
  // Rebuild the query only when a parameter was removed, so an untouched query keeps its spelling.
  if (found.some((f) => f.kind === 'query')) url.search = kept.toString();
  return { clean: url.href, found };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * Words for what was found, for the pane's question.
 * @example describeUrlSecrets([{ kind: 'userinfo', user: 'a', password: 'b' }, { kind: 'query', name: 'key', value: 'k' }])
 *   // 'a user name and password and the parameter "key"'
 */
export function describeUrlSecrets(found: readonly UrlSecret[]): string {
  const parts = found.map((f) => (f.kind === 'userinfo' ? 'a user name and password' : `the parameter "${f.name}"`));
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}
