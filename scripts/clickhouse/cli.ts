/**
 * Run the cluster by hand (for the workbench or a debugging session):
 *   npx tsx scripts/clickhouse/cli.ts [rows]
 * Prints the HTTP URLs, keeps running, stops both servers on Ctrl+C / SIGTERM.
 */
import { startCluster } from './cluster';

async function main(): Promise<void> {
  const rows = Number(process.argv[2] ?? 1_000_000);
  const cluster = await startCluster({ rows, log: (l) => console.log(l) });
  console.log(`ready: ${cluster.httpUrl} (shard 2: ${cluster.shards[1].httpUrl}); tables flights, sales, gaps (+ *_local)`);
  const bye = async () => { await cluster.stop(); process.exit(0); };
  process.on('SIGINT', bye);
  process.on('SIGTERM', bye);
  setInterval(() => {}, 1 << 30);
}

main().catch((err: unknown) => { console.error(err); process.exit(1); });
