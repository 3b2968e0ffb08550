// Types for scripts/build-checks.mjs.
export const DEV_ORIGIN: string;
export const TASKPANE_BUDGET_BYTES: number;
export function validateAddinUrl(raw: string | undefined): string;
export function rewriteManifest(xml: string, addinUrl: string): string;
export function manifestVersion(xml: string): string;
export function lastRelease(cwd: string): { tag: string; version: string } | null;
export function checkVersionRaised(currentVersion: string, cwd: string, allowSame?: boolean): { tag: string; version: string } | null;
export function contentSecurityPolicy(options?: { dev?: boolean; connectSrc?: string }): string;
export function gzipSizes(files: string[]): Array<{ file: string; bytes: number; gzip: number }>;
export function kb(n: number): string;
