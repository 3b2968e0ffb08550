import { SourceError } from '../errors';
import type { CredentialStore } from '../credentials';
import type { CredentialRef } from '../types';
import { secretMayGoTo } from './origin';
import type { RefusalReason } from './send-guarded';

/** A credential reference with the user's secret, held only for the duration of a pull. */
export interface ResolvedCredential {
  ref: CredentialRef;
  secret: string;
}

const KIND_WORDS: Record<CredentialRef['kind'], string> = {
  none: 'credential',
  apiKeyHeader: 'API key',
  apiKeyQuery: 'API key',
  bearer: 'access token',
  basic: 'user name and password',
};

/** What to call a credential kind in messages ("access token", "API key"...). */
export function credentialWords(kind: CredentialRef['kind']): string {
  return KIND_WORDS[kind];
}

/**
 * Refuse a source whose address is on another origin than its credential, before the secret is
 * even looked up: a shared workbook could otherwise send the secret you saved for one site to
 * another (the source's address and its credential reference are both the author's to choose).
 * @example checkCredentialOrigin({ origin: 'https://a.example', kind: 'bearer' }, new URL('https://b.example/x.csv')) // throws
 */
export function checkCredentialOrigin(ref: CredentialRef | undefined, url: URL): void {
  if (!ref || ref.kind === 'none' || secretMayGoTo(ref.origin, url)) return;
  throw new SourceError(
    'badDefinition',
    `This source reads ${url.origin}, but its sign-in was entered for ${ref.origin}. PivotDeck sends your ${credentialWords(ref.kind)} only to the address it was entered for, so it contacted neither. If the source is right, edit it and enter the sign-in for ${url.origin}.`,
    { host: url.host },
  );
}

/**
 * Look up the user's secret for a source's credential reference.
 * Throws 'auth' when the source needs one and this user has not entered it yet.
 * @example await resolveCredential({ origin: 'https://api.example.com', kind: 'bearer' }, store)
 */
export async function resolveCredential(ref: CredentialRef | undefined, store: CredentialStore): Promise<ResolvedCredential | undefined> {
  if (!ref || ref.kind === 'none') return undefined;
  const secret = await store.get(ref.origin, ref.kind);
  if (secret === undefined || secret === '') {
    throw new SourceError(
      'auth',
      `This source needs your ${credentialWords(ref.kind)} for ${ref.origin}. Enter it once; PivotDeck keeps it on this computer and never saves it in the workbook.`,
      { host: new URL(ref.origin).host },
    );
  }
  return { ref, secret };
}

/** Does this credential belong to `url`'s origin? The one rule: see http/origin.ts `secretMayGoTo`. */
export function credentialAppliesTo(credential: ResolvedCredential, url: URL): boolean {
  return secretMayGoTo(credential.ref.origin, url);
}

/**
 * Put the credential on a request: headers for bearer, basic and header API keys; a query
 * parameter only when the user chose "API key in the address". Nothing when `url` is on another
 * origin than the credential's.
 * @example applyCredential(url, headers, { ref: { origin, kind: 'bearer' }, secret: 't' }) // headers.Authorization = 'Bearer t'
 */
export function applyCredential(url: URL, headers: Headers, credential: ResolvedCredential | undefined): URL {
  if (!credential || !credentialAppliesTo(credential, url)) return url;
  const { ref, secret } = credential;
  switch (ref.kind) {
    case 'bearer':
      headers.set('Authorization', `Bearer ${secret}`);
      return url;
    case 'basic':
      headers.set('Authorization', `Basic ${base64Utf8(secret)}`);
      return url;
    case 'apiKeyHeader':
      headers.set(ref.parameter || 'X-API-Key', secret);
      return url;
    case 'apiKeyQuery': {
      const withKey = new URL(url);
      withKey.searchParams.set(ref.parameter || 'api_key', secret);
      return withKey;
    }
    default:
      return url;
  }
}

/**
 * The error for a request PivotDeck would not send with the credential, in plain words naming the
 * origin that was refused.
 * @example refusedError('redirect', 'https://b.example', new URL('https://a.example/x'), cred).message
 */
export function refusedError(reason: RefusalReason | 'nextPage', to: string | undefined, from: URL, credential: ResolvedCredential): SourceError {
  const what = credentialWords(credential.ref.kind);
  const own = credential.ref.origin;
  const details = { host: from.host };
  switch (reason) {
    case 'address':
      return new SourceError('badDefinition', `PivotDeck did not contact ${to ?? 'that address'}: your ${what} was entered for ${own} and is sent nowhere else. Edit the source and enter the sign-in for ${to ?? 'its address'}.`, details);
    case 'redirect':
      return new SourceError('http', `${own} sent PivotDeck on to ${to ?? 'another address'}, a different site. PivotDeck did not follow: your ${what} was entered for ${own} only, and it is never sent to another site. If the data really lives at ${to ?? 'that address'}, make a source for that address.`, details);
    case 'nextPage':
      return new SourceError('http', `The next page of this source is on ${to ?? 'another site'}, not on ${own}. PivotDeck stopped rather than send your ${what} there (it is sent only to ${own}), and kept the previous data.`, details);
    case 'hiddenRedirect':
      return new SourceError('http', `${from.origin} redirected PivotDeck to an address the browser does not show, so PivotDeck did not send your ${what} on. Use the final address of the data as the source's address.`, details);
    default:
      return new SourceError('http', `${from.origin} redirected PivotDeck more than 5 times. Use the final address of the data as the source's address.`, details);
  }
}

function base64Utf8(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}
