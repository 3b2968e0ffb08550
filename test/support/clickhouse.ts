/**
 * The 2-shard ClickHouse cluster for tests (issue 9), as a small API over scripts/clickhouse:
 *
 *   const ch = await start({ rows: 200_000 });   // two clickhouse-server processes on 127.0.0.1
 *   ch.httpUrl                                   // shard 1's HTTP endpoint; tables flights, sales, gaps
 *   ch.shards                                    // [{ httpUrl, ports, pid, dir }, …]
 *   await ch.stop();                             // ends exactly those two processes
 *
 * Tables (each a Distributed table over `<name>_local` MergeTree tables on both shards):
 *   flights(date DateTime, delay Int32, distance Int32, origin String, destination String)
 *   sales(Date Date, Region, Country, Channel ('' when not recorded), Product, Category, Customer,
 *         Units Int32, `Unit Price` Float64, Revenue Float64, Cost Float64)   -- the workbench sample
 *   gaps(date DateTime, origin Nullable(String), destination String ('' blanks), ratio Nullable(Float64), amount Float64)
 *
 * The warehouse tier's globalSetup (scripts/clickhouse/global-setup.ts) starts one cluster per run
 * and provides its URL: `inject('warehouseUrl')`. Other tiers (the browser test) call start().
 * `clickhouseSkipped()` is true when PIVOTDECK_SKIP_CLICKHOUSE=1 (use it with describe.skipIf).
 */
import { startCluster, type ClusterOptions, type RunningCluster } from '../../scripts/clickhouse/cluster';

export type { RunningCluster, ShardInfo } from '../../scripts/clickhouse/cluster';
export { chExec, chRows } from '../../scripts/clickhouse/http';

/**
 * Starts a loaded cluster.
 * @example
 * const ch = await start({ rows: 100_000 });
 * try { … } finally { await ch.stop(); }
 */
export function start(options: ClusterOptions = {}): Promise<RunningCluster> {
  return startCluster(options);
}

/** True when the warehouse tier was switched off with PIVOTDECK_SKIP_CLICKHOUSE=1. */
export const clickhouseSkipped = (): boolean => process.env.PIVOTDECK_SKIP_CLICKHOUSE === '1';
