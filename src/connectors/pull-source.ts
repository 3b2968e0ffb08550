import { pullArrow } from './arrow';
import { pullCsv } from './csv';
import { SourceError } from './errors';
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
export function pullSource(def: SourceDefinition, context: PullContext): Promise<PullResult> {
  const connector = CONNECTORS[def.kind];
  if (!connector) return Promise.reject(new SourceError('badDefinition', `"${def.kind}" sources are not pulled from the web.`));
  return connector(def, context);
}

/** Is this source kind read over HTTP by a connector? */
export function isWebSource(kind: SourceDefinition['kind']): boolean {
  return kind in CONNECTORS;
}
