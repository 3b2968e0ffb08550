/**
 * A real HTTP server on 127.0.0.1 whose answers wait at a gate the test opens: "a slow web
 * source" without wall-clock sleeps, so a race is staged in a known order every run.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface GatedServer {
  url(path: string): string;
  /** Sets what a path answers (text/csv). */
  set(path: string, body: string): void;
  /** Resolves when the n-th request (1-based) has arrived and is waiting at the gate. */
  arrived(n?: number): Promise<void>;
  /** Lets every waiting and later request through. */
  open(): void;
  /** Closes the gate again for later requests. */
  close(): void;
  requests(): string[];
  stop(): Promise<void>;
}

export async function startGatedServer(): Promise<GatedServer> {
  const bodies = new Map<string, string>();
  const seen: string[] = [];
  const waiters: Array<{ n: number; resolve: () => void }> = [];
  let gate: Promise<void> | undefined;
  let release: (() => void) | undefined;
  const closeGate = () => { gate = new Promise<void>((resolve) => { release = resolve; }); };
  closeGate();
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    seen.push(path);
    for (const w of waiters.filter((x) => x.n <= seen.length)) { waiters.splice(waiters.indexOf(w), 1); w.resolve(); }
    void (gate ?? Promise.resolve()).then(() => {
      const body = bodies.get(path);
      res.writeHead(body === undefined ? 404 : 200, { 'content-type': 'text/csv; charset=utf-8', 'access-control-allow-origin': '*' });
      res.end(body ?? 'not found');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: (path) => `${origin}${path}`,
    set: (path, body) => { bodies.set(path, body); },
    arrived: (n = 1) => (seen.length >= n ? Promise.resolve() : new Promise((resolve) => { waiters.push({ n, resolve }); })),
    open: () => { release?.(); gate = undefined; },
    close: closeGate,
    requests: () => [...seen],
    stop: () => new Promise((resolve) => { release?.(); server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
