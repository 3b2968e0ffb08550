/**
 * vitest globalSetup of the 'warehouse' project: one 2-shard cluster for the whole tier, loaded
 * with PIVOTDECK_WAREHOUSE_ROWS flights rows (default 1,000,000), stopped in teardown.
 * Provides `warehouseUrl` (shard 1) and `warehouseShardUrls` to tests via inject().
 */
import type { ProvidedContext } from 'vitest';
import { startCluster, type RunningCluster } from './cluster';

declare module 'vitest' {
  export interface ProvidedContext {
    warehouseUrl: string;
    warehouseShardUrls: string[];
    warehouseRows: number;
  }
}

let cluster: RunningCluster | undefined;

export default async function setup(ctx: { provide: <K extends keyof ProvidedContext>(key: K, value: ProvidedContext[K]) => void }): Promise<() => Promise<void>> {
  const rows = Number(process.env.PIVOTDECK_WAREHOUSE_ROWS ?? 1_000_000);
  cluster = await startCluster({ rows, log: (l) => console.log(l) });
  ctx.provide('warehouseUrl', cluster.httpUrl);
  ctx.provide('warehouseShardUrls', cluster.shards.map((s) => s.httpUrl));
  ctx.provide('warehouseRows', rows);
  return async () => { await cluster?.stop(); };
}
