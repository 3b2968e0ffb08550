// Types for scripts/clickhouse/ensure-clickhouse.mjs.
export function findClickHouseServer(): string | null;
export const SKIP_LINE: string;
export function ensureClickHouse(options?: { log?: (line: string) => void }): 'ready' | 'skipped' | 'missing';
