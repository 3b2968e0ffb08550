// Types for scripts/make-icons.mjs, so TypeScript tests can import it under strict mode.
export const BRAND: number[];
export const SIZES: number[];
export function encodePng(width: number, height: number, rgba: Buffer): Buffer;
export function drawIcon(size: number): Buffer;
