import { pullArrow } from './arrow';
import { pullCsv } from './csv';
import { isSourceError, SourceError } from './errors';
import { containsSecret, redactSecrets } from './http/redact';
import { pullGoogleSheets } from './google-sheets';
import { pullJson } from './json';
import { pullOData } from './odata';
import { pullParquet } from './parquet';
import { pullRest } from './rest';
import type { Connector, PullContext, PullResult, SourceDefinition } from './types';

const CONNECTORS: Partial<Record<SourceDefinition['kind'], Connector>> = {
  csv: pullCsv,
  json: pullJson,
  rest: pullRest,
  odata: pullOData,
  googleSheets: pullGoogleSheets,
  parquet: pullParquet,
  arrow: pullArrow,
};

/**
 * Pull any web source with the connector for its kind. Failures are SourceErrors.
 * @example
 *   const result = await pullSource(def, { fetch: globalThis.fetch, credentials: indexedDbCredentialStore() });
 *   if (result.status === 'notModified') return; // nothing to re-download or rewrite
 */
export async function pullSource(def: SourceDefinition, context: PullContext): Promise<PullResult> {
  const connector = CONNECTORS[def.kind];
  if (!connector) throw new SourceError('badDefinition', `"${def.kind}" sources are not pulled from the web.`);
  try {
    return await connector(def, context);
  } catch (error) {
    throw await withoutSecret(error, def, context);
  }
}

/**
 * The last guard before a failure becomes a message (shown, or saved in the workbook's
 * lastRefresh): a server on the credential's own origin could echo the secret in what we quote
 * (JSON keys, paths). Our own messages never hold it; this removes it if a server's text did.
 */
async function withoutSecret(error: unknown, def: SourceDefinition, context: PullContext): Promise<unknown> {
  const ref = def.credential;
  if (!isSourceError(error) || !ref || ref.kind === 'none') return error;
  let secret: string | undefined;
  try {
    secret = await context.credentials.get(ref.origin, ref.kind);
  } catch {
    return error;
  }
  if (!secret) return error;
  const secrets = ref.kind === 'basic' ? [secret, secret.slice(secret.indexOf(':') + 1)] : [secret];
  if (!containsSecret(error.message, secrets)) return error;
  return new SourceError(error.kind, redactSecrets(error.message, secrets), error.details);
}

/** Is this source kind read over HTTP by a connector? */
export function isWebSource(kind: SourceDefinition['kind']): boolean {
  return kind in CONNECTORS;
}
