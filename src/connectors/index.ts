/**
 * Web sources → typed Arquero tables. One contract (`Connector`: pull(def, context) → PullResult),
 * one error type (SourceError with a `kind`), per-user credentials kept out of the workbook.
 */
export * from './types';
export * from './errors';
export * from './credentials';
export { pullSource, isWebSource } from './pull-source';
export { pullCsv } from './csv';
export { pullJson } from './json';
export { pullRest } from './rest';
export { pullOData } from './odata';
export { odataFilterExpression, odataLiteral, odataUrl, type ODataFilter } from './odata-query';
export { pullGoogleSheets, googleSheetsCsvUrl } from './google-sheets';
export { pullParquet } from './parquet';
export { pullArrow } from './arrow';
export { checkUrl, displayUrl, isLocalHostname, LOCAL_HOSTNAMES } from './http/policy';
export { canonicalOrigin, secretMayGoTo } from './http/origin';
export { findSecretsInUrl, isSecretParameter, describeUrlSecrets, type UrlSecret, type UrlSecrets } from './http/secrets-in-url';
export { classifyNetworkFailure, isOpaqueNetworkError, probeAnswers, type ProbeOutcome } from './http/cors';
export { parseRetryAfter } from './http/retry-after';
export { nextLinkFromHeader } from './http/link-header';
export { compareColumns, schemaChangeWarning, type SchemaChange } from './parse/compare-columns';
export { parseDelimited, type DelimitedOptions, type TypedColumns, type ColumnData } from './parse/parse-delimited';
