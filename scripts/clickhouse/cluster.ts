/**
 * Starts a 2-shard ClickHouse cluster on 127.0.0.1 for the warehouse tier (issue 9): two
 * `clickhouse-server` processes on free ports with their own temp directories, a `remote_servers`
 * cluster over both, the tables of ./datasets.ts loaded with real data, and a stop() that ends
 * exactly the processes this call started and removes their directories.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findClickHouseServer } from './ensure-clickhouse.mjs';
import { CLUSTER_NAME, serverConfigXml, usersXml, type ShardPorts } from './config-xml';
import { createSchema, loadFlights, loadGaps, loadSales } from './datasets';
import { chExec } from './http';

export interface ClusterOptions {
  /** Flights rows loaded (split over the shards). Default 1,000,000. */
  rows?: number;
  /** Sales rows (the workbench sample's generator). Default 20,000, as in the sample. */
  salesRows?: number;
  /** gaps rows per shard. Default 50,000. */
  gapsRowsPerShard?: number;
  /** Print progress lines. */
  log?: (line: string) => void;
}

export interface ShardInfo {
  httpUrl: string;
  ports: ShardPorts;
  pid: number;
  dir: string;
}

export interface RunningCluster {
  /** HTTP endpoint of shard 1 (queries on the Distributed tables see both shards). */
  httpUrl: string;
  shards: ShardInfo[];
  cluster: string;
  /** Rows loaded per table (Distributed totals). */
  rows: { flights: number; sales: number; gaps: number };
  /** Milliseconds: servers up, data loaded. */
  timings: { startMs: number; loadMs: number };
  /** Stops the servers this cluster started (SIGTERM, SIGKILL after 15 s) and removes their dirs. */
  stop(): Promise<void>;
}

/** A port the OS says is free right now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

async function waitForPing(url: string, child: ChildProcess, dir: string, timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) {
      let log = '';
      try { log = readFileSync(join(dir, 'log', 'error.log'), 'utf8').slice(-2000); } catch { /* no log yet */ }
      throw new Error(`clickhouse-server exited with ${child.exitCode} before answering /ping\n${log}`);
    }
    try {
      const res = await fetch(`${url}/ping`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`clickhouse-server at ${url} did not answer /ping within ${timeoutMs} ms`);
}

function stopChild(child: ChildProcess, graceMs = 15_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => { clearTimeout(timer); resolve(); });
    child.kill('SIGTERM');
  });
}

/**
 * Starts the cluster and loads the data.
 * @example
 * const c = await startCluster({ rows: 200_000 });
 * await fetch(`${c.httpUrl}/?query=SELECT%20count()%20FROM%20flights`); // "200000\n"
 * await c.stop();
 */
export async function startCluster(options: ClusterOptions = {}): Promise<RunningCluster> {
  const log = options.log ?? (() => {});
  const bin = findClickHouseServer();
  if (!bin) throw new Error("clickhouse-server is not installed: apt-get install clickhouse-server clickhouse-client (or set PIVOTDECK_SKIP_CLICKHOUSE=1)");
  const rows = options.rows ?? 1_000_000;
  const salesRows = options.salesRows ?? 20_000;
  const gapsPerShard = options.gapsRowsPerShard ?? 50_000;
  const t0 = performance.now();
  const root = mkdtempSync(join(tmpdir(), 'pivotdeck-clickhouse-'));
  const ports: ShardPorts[] = [];
  const taken = new Set<number>();
  for (let i = 0; i < 2; i++) {
    const pick = async () => { let p = await freePort(); while (taken.has(p)) p = await freePort(); taken.add(p); return p; };
    ports.push({ http: await pick(), tcp: await pick(), interserver: await pick() });
  }
  const children: ChildProcess[] = [];
  const shards: ShardInfo[] = [];
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    process.off('exit', killOnExit);
    await Promise.all(children.map((c) => stopChild(c)));
    rmSync(root, { recursive: true, force: true });
  };
  // If the test process dies without calling stop(), do not leave servers behind.
  const killOnExit = () => { for (const c of children) if (c.exitCode === null) c.kill('SIGKILL'); };
  process.on('exit', killOnExit);
  try {
    for (let i = 0; i < 2; i++) {
      const dir = join(root, `shard${i + 1}`);
      for (const sub of ['data', 'tmp', 'user_files', 'format_schemas', 'log']) mkdirSync(join(dir, sub), { recursive: true });
      writeFileSync(join(dir, 'users.xml'), usersXml());
      writeFileSync(join(dir, 'config.xml'), serverConfigXml({ dir, ports: ports[i], shardTcpPorts: ports.map((p) => p.tcp) }));
      const child = spawn(bin, [`--config-file=${join(dir, 'config.xml')}`], { cwd: dir, stdio: 'ignore' });
      children.push(child);
      shards.push({ httpUrl: `http://127.0.0.1:${ports[i].http}`, ports: ports[i], pid: child.pid ?? -1, dir });
    }
    await Promise.all(shards.map((s, i) => waitForPing(s.httpUrl, children[i], s.dir)));
    const startMs = performance.now() - t0;
    log(`clickhouse: 2 shards up in ${startMs.toFixed(0)} ms (http ${shards.map((s) => s.ports.http).join(', ')})`);
    const urls = shards.map((s) => s.httpUrl);
    for (const u of urls) await createSchema(u);
    await loadFlights(urls, rows);
    await loadSales(urls, salesRows);
    await loadGaps(urls, gapsPerShard);
    const counts = await chExec(urls[0], 'SELECT (SELECT count() FROM flights), (SELECT count() FROM sales), (SELECT count() FROM gaps) FORMAT TabSeparated');
    const [flights, sales, gaps] = counts.trim().split('\t').map(Number);
    if (flights !== rows) throw new Error(`flights: expected ${rows} rows through the Distributed table, got ${flights}`);
    const loadMs = performance.now() - t0 - startMs;
    log(`clickhouse: loaded flights ${flights}, sales ${sales}, gaps ${gaps} in ${loadMs.toFixed(0)} ms`);
    return { httpUrl: urls[0], shards, cluster: CLUSTER_NAME, rows: { flights, sales, gaps }, timings: { startMs, loadMs }, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
