// Types for scripts/serve-static.mjs.
export function cacheControl(path: string): string;
export function serveStatic(dir: string, port?: number): Promise<{ url: string; port: number; close: () => Promise<void> }>;
