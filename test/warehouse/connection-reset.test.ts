/**
 * Issue 19, part 6: a connection the server drops (a reset, or a kept-alive socket it closed after
 * 60 s idle) is retried once for a read-only statement, and a connection that keeps dropping is
 * reported as such — not as "the browser did not let PivotDeck read the answer (CORS)". A real
 * HTTP server on 127.0.0.1 resets the first connections it is told to, then forwards to the
 * tier's ClickHouse cluster.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { memoryCredentialStore } from '../../src/connectors/credentials';
import { runClickHouse, warehouseConnection, type WarehouseContext, type WarehouseError } from '../../src/connectors/warehouse';

const chUrl = inject('warehouseUrl');

interface Seen { sql: string; queryId: string | null; reset: boolean }
let server: Server;
let url = '';
let resetsLeft = 0;
const seen: Seen[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const sql = Buffer.concat(chunks).toString('utf8');
      const params = new URL(req.url ?? '/', 'http://x').searchParams;
      const reset = resetsLeft > 0 && !sql.startsWith('KILL QUERY');
      seen.push({ sql, queryId: params.get('query_id'), reset });
      if (reset) {
        resetsLeft--;
        req.socket.resetAndDestroy();
        return;
      }
      void fetch(`${chUrl}/?${params}`, { method: 'POST', body: sql }).then(async (answer) => {
        res.writeHead(answer.status, { 'Content-Type': answer.headers.get('content-type') ?? 'text/plain' });
        res.end(Buffer.from(await answer.arrayBuffer()));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const conn = () => warehouseConnection({ id: 'wh', label: 'Flights', kind: 'warehouse', url, options: { engine: 'clickhouse', database: 'default', table: 'flights' } });
const ctx: () => WarehouseContext = () => ({ fetch: (input, init) => fetch(input, init), credentials: memoryCredentialStore(), policy: { allowHttpLocalhost: true }, progressEveryMs: 0 });
const queries = () => seen.filter((s) => !s.sql.startsWith('KILL QUERY'));

describe('a dropped connection', () => {
  it('a SELECT whose connection is reset is sent once more, under its own query id, and answers', async () => {
    seen.length = 0;
    resetsLeft = 1;
    const answer = await runClickHouse(conn(), ctx(), 'SELECT count() AS n FROM flights');
    expect(answer.rows[0][0]).toBeGreaterThan(0);
    const q = queries();
    expect(q.map((s) => s.reset)).toEqual([true, false]);
    expect(q[1].queryId).toBe(`${q[0].queryId}-r`);
  });

  it('a connection that drops twice is reported as dropped, not as CORS', async () => {
    seen.length = 0;
    resetsLeft = 2;
    let error: WarehouseError | undefined;
    try {
      await runClickHouse(conn(), ctx(), 'SELECT 1');
    } catch (e) {
      error = e as WarehouseError;
    }
    expect(error?.kind).toBe('unreachable');
    expect(error?.message).toMatch(/closed the connection before answering \(connection reset\), also when PivotDeck tried once more/);
    expect(error?.message).not.toMatch(/CORS/);
    expect(queries()).toHaveLength(2);
  });

  it('a statement that changes something is never sent twice', async () => {
    seen.length = 0;
    resetsLeft = 1;
    await expect(runClickHouse(conn(), ctx(), 'OPTIMIZE TABLE flights_local')).rejects.toThrow(/closed the connection before answering \(connection reset\)\. Try again/);
    expect(queries()).toHaveLength(1);
    resetsLeft = 0;
  });
});
