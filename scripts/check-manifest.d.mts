// Types for scripts/check-manifest.mjs, so TypeScript tests can import it under strict mode.
export interface XmlNode { name: string; attrs: Record<string, string>; children: XmlNode[]; text: string }
export const OFFICEAPP_ORDER: Array<[string, boolean]>;
export function pngSize(buf: Uint8Array): { width: number; height: number } | null;
export function parseXml(text: string): XmlNode;
export function compareVersions(a: string, b: string): number;
export function checkManifest(xml: string, options?: { rootDir?: string; production?: boolean }): string[];
