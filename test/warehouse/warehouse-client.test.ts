/**
 * The browser's ClickHouse client (src/connectors/warehouse) against the tier's real 2-shard
 * cluster, through a counting proxy that records every SQL text and response byte:
 * answers and types, "Test connection" metadata, errors in plain words (syntax, missing table,
 * wrong password, permission, row cap, an error after HTTP 200, unreachable), https policy, and
 * Cancel stopping the query on the server (KILL QUERY), not only in the pane.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { memoryCredentialStore } from '../../src/connectors/credentials';
import {
  describeWarehouseTable, runClickHouse, warehouseConnection, type WarehouseConnection, type WarehouseContext, type WarehouseError,
} from '../../src/connectors/warehouse';
import { chRows } from '../support/clickhouse';
import { startCountingProxy, type CountingProxy } from '../support/counting-proxy';

const chUrl = inject('warehouseUrl');
const rows = inject('warehouseRows');
let proxy: CountingProxy;

const conn = (over: Partial<WarehouseConnection> = {}): WarehouseConnection => ({
  ...warehouseConnection({ id: 'wh', label: 'Flights', kind: 'warehouse', url: proxy.url, options: { engine: 'clickhouse', database: 'default', table: 'flights' } }),
  ...over,
});
const ctx = (over: Partial<WarehouseContext> = {}): WarehouseContext => ({
  fetch: (input, init) => fetch(input, init),
  credentials: memoryCredentialStore(),
  policy: { allowHttpLocalhost: true },
  progressEveryMs: 0,
  ...over,
});
const failure = async (p: Promise<unknown>): Promise<WarehouseError> => {
  try {
    await p;
  } catch (e) {
    return e as WarehouseError;
  }
  throw new Error('expected a failure');
};

beforeAll(async () => {
  proxy = await startCountingProxy(chUrl);
});
afterAll(async () => {
  await proxy.close();
});

describe('runClickHouse', () => {
  it('returns typed rows of an aggregate and only the small answer crosses the wire', async () => {
    const before = proxy.exchanges.length;
    const answer = await runClickHouse(conn(), ctx(), 'SELECT origin, count() AS n, medianExact(delay) AS m FROM flights GROUP BY origin ORDER BY origin');
    expect(answer.columns).toEqual([{ name: 'origin', type: 'String' }, { name: 'n', type: 'UInt64' }, { name: 'm', type: 'Int32' }]);
    // Expected from the server directly (a different path: the scripts' own client).
    const direct = await chRows<{ origin: string; n: number }>(chUrl, 'SELECT origin, count() AS n FROM flights GROUP BY origin ORDER BY origin');
    expect(answer.rows.map((r) => [r[0], r[1]])).toEqual(direct.map((d) => [d.origin, d.n]));
    expect(answer.rows.reduce((s, r) => s + (r[1] as number), 0)).toBe(rows);
    expect(typeof answer.rows[0][1]).toBe('number'); // 64-bit counts unquoted
    expect(answer.serverRowsRead).toBe(rows);
    const sent = proxy.exchanges.slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0].params).toMatchObject({ wait_end_of_query: '1', output_format_json_quote_64bit_integers: '0', database: 'default' });
    expect(answer.bytesReceived).toBe(sent[0].responseBytes);
    // ~1M rows × 5 columns stay on the server; a few kB come back.
    expect(answer.bytesReceived).toBeLessThan(64 * 1024);
  });

  it('describes a table for "Test connection": field types, row count, other tables', async () => {
    const info = await describeWarehouseTable(conn(), ctx());
    expect(info.fields.map((f) => [f.name, f.type])).toEqual([['date', 'date'], ['delay', 'number'], ['distance', 'number'], ['origin', 'text'], ['destination', 'text']]);
    expect(info.rowCount).toBe(rows);
    expect(info.tables).toEqual(expect.arrayContaining(['flights', 'flights_local', 'sales', 'gaps']));
    const gaps = await describeWarehouseTable(conn({ table: 'gaps' }), ctx());
    expect(gaps.fields.find((f) => f.name === 'ratio')).toMatchObject({ type: 'number', nullable: true, serverType: 'Nullable(Float64)' });
  });

  it('explains a syntax error, a missing table and a missing database in plain words', async () => {
    const syntax = await failure(runClickHouse(conn(), ctx(), 'SELEC origin FROM flights'));
    expect(syntax.kind).toBe('syntax');
    expect(syntax.details.code).toBe(62);
    expect(syntax.message).toMatch(/could not run the query/);
    const table = await failure(describeWarehouseTable(conn({ table: 'nosuch' }), ctx()));
    expect(table.kind).toBe('notFound');
    expect(table.message).toMatch(/no table or view named "nosuch".*flights/);
    const db = await failure(runClickHouse(conn({ database: 'nowhere' }), ctx(), 'SELECT 1'));
    expect(db.kind).toBe('notFound');
  });

  it('refuses a wrong password, and asks for one when none is stored', async () => {
    const ref = { origin: new URL(proxy.url).origin, kind: 'basic' as const };
    const asks = await failure(runClickHouse(conn({ credential: ref }), ctx(), 'SELECT 1'));
    expect(asks.kind).toBe('auth');
    expect(asks.message).toMatch(/needs your user name and password/);
    const wrong = await failure(runClickHouse(conn({ credential: ref }), ctx({ credentials: memoryCredentialStore({ [ref.origin]: { basic: 'default:not-the-password' } }) }), 'SELECT 1'));
    expect(wrong.kind).toBe('auth');
    expect(wrong.message).not.toMatch(/not-the-password/);
    // The password travelled as a URL parameter (CORS-simple), never in a header.
    expect(proxy.exchanges.at(-1)!.params.password).toBe('***');
  });

  it('stops at the row cap with a message about the sheet', async () => {
    const capped = await failure(runClickHouse(conn(), ctx(), 'SELECT origin, count() FROM flights GROUP BY origin', { maxRows: 5 }));
    expect(capped.kind).toBe('tooManyRows');
    expect(capped.message).toMatch(/more than 5 rows/);
  });

  it('detects an error the server appends after HTTP 200 (streamed body)', async () => {
    const late = await failure(runClickHouse(conn(), ctx(), 'SELECT toString(cityHash64(number)) AS s, throwIf(number = 250000) AS x FROM numbers(300000)', { waitEndOfQuery: false }));
    expect(late.details.afterOk).toBe(true);
    expect(late.details.status).toBe(200);
    expect(late.message).toMatch(/part-way through/);
  });

  it('refuses http to a non-local host and explains an unreachable one', async () => {
    const insecure = await failure(runClickHouse(conn({ url: 'http://warehouse.example.com:8123' }), ctx(), 'SELECT 1'));
    expect(insecure.kind).toBe('insecureUrl');
    const dev = await failure(runClickHouse(conn(), ctx({ policy: { allowHttpLocalhost: false } }), 'SELECT 1'));
    expect(dev.kind).toBe('insecureUrl');
    const down = await failure(runClickHouse(conn({ url: 'http://127.0.0.1:9' }), ctx(), 'SELECT 1'));
    expect(down.kind).toBe('unreachable');
  });

  it('Cancel aborts the request and kills the query on the server', async () => {
    const controller = new AbortController();
    const id = `pivotdeck-test-${Date.now()}`;
    const progress: number[] = [];
    const pending = runClickHouse(conn(), ctx({ newQueryId: () => id, progressEveryMs: 100 }), 'SELECT sum(cityHash64(number)) FROM numbers(100000000000)', {
      signal: controller.signal,
      onProgress: (p) => { if (p.rowsRead) progress.push(p.rowsRead); },
    });
    // Wait until the server reports the query running (rows read), then cancel.
    for (let i = 0; i < 100 && progress.length === 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(progress.length).toBeGreaterThan(0);
    controller.abort();
    const cancelled = await failure(pending);
    expect(cancelled.kind).toBe('cancelled');
    expect(proxy.exchanges.some((e) => e.sql.includes(`KILL QUERY WHERE query_id = '${id}'`))).toBe(true);
    // The server is no longer running it.
    let running = 1;
    for (let i = 0; i < 50 && running > 0; i++) {
      running = (await chRows<{ n: number }>(chUrl, `SELECT count() AS n FROM system.processes WHERE query_id = '${id}'`))[0].n;
      if (running) await new Promise((r) => setTimeout(r, 100));
    }
    expect(running).toBe(0);
  });
});
