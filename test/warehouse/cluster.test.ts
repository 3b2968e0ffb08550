/**
 * The warehouse tier's cluster: two shards, data split between them, the Distributed tables see
 * both halves, and stop() ends exactly the processes it started.
 */
import { describe, expect, inject, it } from 'vitest';
import { chRows, start } from '../support/clickhouse';

describe('2-shard ClickHouse cluster', () => {
  const url = inject('warehouseUrl');
  const shardUrls = inject('warehouseShardUrls');
  const rows = inject('warehouseRows');

  it('splits flights across both shards and the Distributed table sees them all', async () => {
    const perShard = await Promise.all(shardUrls.map(async (u) => (await chRows<{ n: number }>(u, 'SELECT count() AS n FROM flights_local'))[0].n));
    expect(perShard).toHaveLength(2);
    expect(perShard.every((n) => n > 0)).toBe(true);
    expect(perShard[0] + perShard[1]).toBe(rows);
    for (const u of shardUrls) {
      expect((await chRows<{ n: number }>(u, 'SELECT count() AS n FROM flights'))[0].n).toBe(rows);
    }
  });

  it('loads the workbench sample Sales table and the gaps table with NULLs and empty strings', async () => {
    const [s] = await chRows<{ n: number; blanks: number }>(url, "SELECT count() AS n, countIf(`Channel` = '') AS blanks FROM sales");
    expect(s.n).toBe(20_000);
    expect(s.blanks).toBeGreaterThan(0);
    const [g] = await chRows<{ nullOrigin: number; emptyDest: number; nullRatio: number }>(
      url,
      "SELECT countIf(isNull(origin)) AS nullOrigin, countIf(destination = '') AS emptyDest, countIf(isNull(ratio)) AS nullRatio FROM gaps",
    );
    expect(g.nullOrigin).toBeGreaterThan(0);
    expect(g.emptyDest).toBeGreaterThan(0);
    expect(g.nullRatio).toBeGreaterThan(0);
  });

  it('stop() ends exactly the two servers it started', async () => {
    const small = await start({ rows: 1000, salesRows: 100 });
    const pids = small.shards.map((s) => s.pid);
    const alive = (pid: number) => { try { process.kill(pid, 0); return true; } catch { return false; } };
    expect(pids.every(alive)).toBe(true);
    await small.stop();
    expect(pids.some(alive)).toBe(false);
    // The tier's own cluster is untouched.
    expect((await chRows<{ n: number }>(url, 'SELECT count() AS n FROM flights'))[0].n).toBe(rows);
  });
});
