// Types for scripts/sideload.mjs.
export function sideload(manifest: string, options?: { remove?: boolean; platform?: string; home?: string }): string;
