/**
 * A counting proxy in front of a ClickHouse HTTP endpoint, for tests that must prove what crossed
 * the wire: every request's SQL (body or ?query=) and every response's byte count are recorded.
 * node:http on 127.0.0.1 at a random port; bodies are forwarded unchanged, headers too (so the
 * server's own CORS header reaches the browser as it would without the proxy).
 *
 *   const proxy = await startCountingProxy(ch.httpUrl);   // { stripCors: true }: no CORS header
 *   … point the client at proxy.url …
 *   proxy.exchanges   // [{ sql, status, responseBytes, params }]
 *   await proxy.close();
 */
import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Exchange {
  method: string;
  /** The SQL sent: the POST body, or the `query` URL parameter. */
  sql: string;
  /** URL parameters, with `password` masked. */
  params: Record<string, string>;
  status: number;
  /** Bytes of the response body that went back to the client. */
  responseBytes: number;
  /** Did the client drop the connection before the answer was complete? */
  aborted: boolean;
  /** Was this request held back (see `hold`) instead of forwarded at once? */
  held: boolean;
}

export interface CountingProxy {
  url: string;
  exchanges: Exchange[];
  /** Sum of response bytes of the exchanges whose SQL matches `filter` (all by default). */
  bytes(filter?: (e: Exchange) => boolean): number;
  /**
   * From now on, requests matching `when` wait here (the client sees a server still working)
   * until `release()`; a client that gives up meanwhile is never forwarded. `undefined` stops holding.
   */
  hold(when: ((e: Exchange) => boolean) | undefined): void;
  /** Forwards every held request that is still wanted. */
  release(): void;
  close(): Promise<void>;
}

/**
 * Starts a proxy to `target` (e.g. "http://127.0.0.1:8123"); with `stripCors` it drops the
 * server's Access-Control-Allow-Origin header, as a server without CORS would.
 * @example const proxy = await startCountingProxy(ch.httpUrl);
 */
export async function startCountingProxy(target: string, options: { stripCors?: boolean } = {}): Promise<CountingProxy> {
  const upstream = new URL(target);
  const exchanges: Exchange[] = [];
  let holdWhen: ((e: Exchange) => boolean) | undefined;
  let held: Array<() => void> = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const url = new URL(req.url ?? '/', upstream);
      const params = Object.fromEntries([...url.searchParams].map(([k, v]) => [k, k === 'password' ? '***' : v]));
      const exchange: Exchange = { method: req.method ?? 'GET', sql: body.length ? body.toString('utf8') : (url.searchParams.get('query') ?? ''), params, status: 0, responseBytes: 0, aborted: false, held: false };
      exchanges.push(exchange);
      const headers = { ...req.headers, host: upstream.host };
      let out: ReturnType<typeof httpRequest> | undefined;
      // The client went away (cancel): drop the upstream connection too, as a browser's abort would.
      res.on('close', () => { if (!res.writableFinished) { exchange.aborted = true; out?.destroy(); } });
      const forward = () => {
        if (exchange.aborted) return;
        out = httpRequest({ hostname: upstream.hostname, port: upstream.port, method: req.method, path: url.pathname + url.search, headers }, (up) => {
          exchange.status = up.statusCode ?? 0;
          const headers = { ...up.headers };
          // A server that does not allow other pages to read its answers (what a browser blocks).
          if (options.stripCors) delete headers['access-control-allow-origin'];
          res.writeHead(up.statusCode ?? 502, headers);
          up.on('data', (c: Buffer) => { exchange.responseBytes += c.length; res.write(c); });
          up.on('end', () => res.end());
          up.on('error', () => res.destroy());
        });
        out.on('error', () => { if (!res.headersSent) res.writeHead(502); res.end(); });
        out.end(body);
      };
      if (holdWhen?.(exchange)) {
        exchange.held = true;
        held.push(forward);
      } else forward();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    exchanges,
    bytes: (filter = () => true) => exchanges.filter(filter).reduce((n, e) => n + e.responseBytes, 0),
    hold: (when) => { holdWhen = when; },
    release: () => { const waiting = held; held = []; for (const go of waiting) go(); },
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
