import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifyNetworkFailure, isOpaqueNetworkError, parseRetryAfter, pullCsv, pullJson, type PullOk, type SourceDefinition } from '../../src/connectors';
import { startTestServer, type TestServer } from '../support/http-server';
import { rejection, testContext } from './context';

const RETRY_DATE = 'Wed, 21 Oct 2015 07:28:00 GMT';
let server: TestServer;
let nocorsServer: TestServer;
beforeAll(async () => {
  server = await startTestServer({ retryAfterDate: RETRY_DATE });
  nocorsServer = await startTestServer({ cors: 'missing' });
});
afterAll(async () => {
  await server.close();
  await nocorsServer.close();
});

const csv = (url: string): SourceDefinition => ({ id: 'c', label: 'C', kind: 'csv', url });

describe('timeouts and cancellation', () => {
  it('a server that does not answer in time fails with timeout', async () => {
    const error = await rejection(pullCsv(csv(server.url('/slow/5000/data/seattle-weather.csv')), testContext({ policy: { timeoutMs: 150 } })));
    expect(error.kind).toBe('timeout');
    expect(error.message).toContain('did not answer within');
  });

  it('a body that stalls after the headers also times out', async () => {
    const error = await rejection(pullCsv(csv(server.url('/slowbody/5000/data/seattle-weather.csv')), testContext({ policy: { timeoutMs: 150 } })));
    expect(error.kind).toBe('timeout');
  });

  it("the caller's cancel wins and says nothing was changed", async () => {
    const controller = new AbortController();
    const pending = pullCsv(csv(server.url('/slow/5000/data/seattle-weather.csv')), testContext({ signal: controller.signal }));
    setTimeout(() => controller.abort(), 20);
    const error = await rejection(pending);
    expect(error.kind).toBe('cancelled');
  });
});

describe('retries', () => {
  it('429 with Retry-After seconds: waits what the server asked, then succeeds', async () => {
    server.reset();
    const ctx = testContext();
    const result = (await pullCsv(csv(server.url('/throttle/2/3/data/seattle-weather.csv')), ctx)) as PullOk;
    expect(result.status).toBe('ok');
    expect(ctx.sleeps.waits).toEqual([3000, 3000]);
    // Counted by URL: the previous test's cancelled /slow request can reach a loaded server late.
    expect(server.requests.filter((r) => r.url.includes('/throttle/2/3/')).length).toBe(3);
    expect(result.warnings.map((w) => w.code)).toContain('retried');
  });

  it('429 with an HTTP-date Retry-After waits until that moment (injected clock)', async () => {
    server.reset();
    const ctx = testContext({ now: () => Date.parse('Wed, 21 Oct 2015 07:27:55 GMT') });
    await pullCsv(csv(server.url('/throttle/1/date/data/seattle-weather.csv')), ctx);
    expect(ctx.sleeps.waits).toEqual([5000]);
  });

  it('503 without Retry-After backs off exponentially', async () => {
    server.reset();
    const ctx = testContext({ policy: { backoffMs: 100 } });
    await pullCsv(csv(server.url('/flaky/3/503/data/seattle-weather.csv')), ctx);
    expect(ctx.sleeps.waits).toEqual([100, 200, 400]);
  });

  it('gives up after the retry budget with the status', async () => {
    server.reset();
    const ctx = testContext({ policy: { maxRetries: 2, backoffMs: 1 } });
    const error = await rejection(pullCsv(csv(server.url('/flaky/9/502/data/seattle-weather.csv')), ctx));
    expect(error.kind).toBe('http');
    expect(error.message).toContain('after 3 tries');
    expect(ctx.sleeps.waits).toEqual([1, 2]);
  });

  it('a Retry-After beyond the cap fails at once instead of hanging the pane', async () => {
    server.reset();
    const ctx = testContext({ policy: { maxRetryWaitMs: 10_000 } });
    const error = await rejection(pullCsv(csv(server.url('/throttle/1/3600/data/seattle-weather.csv')), ctx));
    expect(error.kind).toBe('http');
    expect(error.message).toContain('3600 s');
    expect(ctx.sleeps.waits).toEqual([]);
  });

  it('parses Retry-After forms', () => {
    expect(parseRetryAfter('120', 0)).toBe(120_000);
    expect(parseRetryAfter(RETRY_DATE, Date.parse(RETRY_DATE) + 1000)).toBe(0);
    expect(parseRetryAfter('soon', 0)).toBeNull();
    expect(parseRetryAfter('2015-10-21', 0)).toBeNull();
  });
});

describe('statuses', () => {
  it('404 → notFound; 500 → http; both name the address without its query', async () => {
    const missing = await rejection(pullCsv(csv(server.url('/data/nope.csv?token=abc')), testContext()));
    expect(missing.kind).toBe('notFound');
    expect(missing.message).toContain('/data/nope.csv');
    expect(missing.message).not.toContain('token');
    const broken = await rejection(pullCsv(csv(server.url('/status/500/data/seattle-weather.csv')), testContext()));
    expect(broken.kind).toBe('http');
    expect(broken.details.status).toBe(500);
  });

  it('refuses http addresses other than localhost, and localhost unless development allows it', async () => {
    const remote = await rejection(pullCsv(csv('http://example.com/a.csv'), testContext()));
    expect(remote.kind).toBe('insecureUrl');
    const local = await rejection(pullCsv(csv(server.url('/data/seattle-weather.csv')), testContext({ policy: { allowHttpLocalhost: false } })));
    expect(local.kind).toBe('insecureUrl');
    expect(local.message).toContain('development');
    const bad = await rejection(pullCsv(csv('not a url'), testContext()));
    expect(bad.kind).toBe('badDefinition');
  });
});

describe('CORS and unreachable hosts', () => {
  it('the no-CORS server really omits Access-Control-Allow-Origin (what the browser tier will see)', async () => {
    const answer = await fetch(nocorsServer.url('/data/cars.json'), { headers: { Origin: 'https://localhost:3000' } });
    expect(answer.headers.get('access-control-allow-origin')).toBeNull();
    const allowed = await fetch(server.url('/data/cars.json'), { headers: { Origin: 'https://localhost:3000' } });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://localhost:3000');
    expect(allowed.headers.get('access-control-expose-headers')).toContain('ETag');
    const perPath = await fetch(server.url('/nocors/data/cars.json'), { headers: { Origin: 'https://localhost:3000' } });
    expect(perPath.headers.get('access-control-allow-origin')).toBeNull();
  });

  it("classifies fetch's opaque TypeError: CORS when the probe answers, unreachable when not", async () => {
    // A real rejection from fetch (nothing listens on this port) gives the exact error shape.
    const port = await closedPort();
    const failure = await fetch(`http://127.0.0.1:${port}/x.csv`).catch((e: unknown) => e);
    expect(isOpaqueNetworkError(failure)).toBe(true);
    expect(isOpaqueNetworkError(new DOMException('aborted', 'AbortError'))).toBe(false);
    const url = new URL('https://api.example.com/data.csv?key=secret');
    const cors = classifyNetworkFailure(failure, 'answered', url, 'https://localhost:3000', true);
    expect(cors.kind).toBe('cors');
    expect(cors.message).toContain('"Access-Control-Allow-Origin: https://localhost:3000"');
    expect(cors.message).toContain('Access-Control-Allow-Headers: Authorization');
    expect(cors.message).not.toContain('secret');
    const down = classifyNetworkFailure(failure, 'unreachable', url, 'https://localhost:3000');
    expect(down.kind).toBe('http');
    expect(down.message).toContain('Could not reach api.example.com');
  });

  it('a refused connection ends as "could not reach" (the probe fails too)', async () => {
    const port = await closedPort();
    const error = await rejection(pullJson({ id: 'j', label: 'J', kind: 'json', url: `http://127.0.0.1:${port}/cars.json` }, testContext()));
    expect(error.kind).toBe('http');
    expect(error.message).toContain('Could not reach');
  });
});

function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}
