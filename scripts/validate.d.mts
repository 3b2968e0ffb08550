// Types for scripts/validate.mjs, so TypeScript tests can import it under strict mode.
export function validatorRuns(targets: Array<{ file: string; production: boolean; label: string }>): Array<{ label: string; args: string[] }>;
