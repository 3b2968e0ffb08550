// Types for scripts/test-summary.mjs.
export function summarize(file: string, vitestExit?: number): { passed: number; failed: number };
