// Types for scripts/publisher.mjs, so TypeScript tests can import it under strict mode.
export interface Publisher {
  name: string; email: string; privacyEmail?: string; website?: string; address?: string; jurisdiction: string; updated?: string;
}
export const MANIFEST_NAME_MAX: number;
export const DEFAULT_DISPLAY_NAME: string;
export const DEFAULT_PROVIDER_NAME: string;
export const PAGES: string[];
export function parsePublisher(raw: unknown, source?: string): Publisher;
export function loadPublisher(option: string | undefined, root: string): Publisher | null;
export function manifestName(raw: string | undefined, option: string, fallback: string): string;
export function escapeHtml(s: string): string;
export function escapeXml(s: string): string;
export function brandManifest(xml: string, names: { displayName: string; providerName: string }): string;
export function pageValues(publisher: Publisher, options: { addinUrl: string; displayName: string; version: string; today: string }): Record<string, string>;
export function renderPage(template: string, values: Record<string, string>, name?: string): string;
