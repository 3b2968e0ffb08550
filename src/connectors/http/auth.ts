import { SourceError } from '../errors';
import type { CredentialStore } from '../credentials';
import type { CredentialRef } from '../types';

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
 * Look up the user's secret for a source's credential reference.
 * Throws 'auth' when the source needs one and this user has not entered it yet.
 * @example await resolveCredential({ host: 'api.example.com', kind: 'bearer' }, store)
 */
export async function resolveCredential(ref: CredentialRef | undefined, store: CredentialStore): Promise<ResolvedCredential | undefined> {
  if (!ref || ref.kind === 'none') return undefined;
  const secret = await store.get(ref.host, ref.kind);
  if (secret === undefined || secret === '') {
    throw new SourceError(
      'auth',
      `This source needs your ${credentialWords(ref.kind)} for ${ref.host}. Enter it once; PivotDeck keeps it on this computer and never saves it in the workbook.`,
      { host: ref.host },
    );
  }
  return { ref, secret };
}

/** Does this credential belong to `url`'s host? Credentials never travel to another host. */
export function credentialAppliesTo(credential: ResolvedCredential, url: URL): boolean {
  const host = credential.ref.host.toLowerCase();
  return url.host.toLowerCase() === host || url.hostname.toLowerCase() === host;
}

/**
 * Put the credential on a request: headers for bearer, basic and header API keys; a query
 * parameter only when the user chose "API key in the address".
 * @example applyCredential(url, headers, { ref: { host, kind: 'bearer' }, secret: 't' }) // headers.Authorization = 'Bearer t'
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

function base64Utf8(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}
