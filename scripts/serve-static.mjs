#!/usr/bin/env node
// A plain static file server on 127.0.0.1, the way any static host would serve dist/: no
// rewriting, correct content types, the cache headers docs/deploy.md recommends.
// Usage: node scripts/serve-static.mjs dist [port]
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.xml': 'application/xml', '.png': 'image/png',
  '.svg': 'image/svg+xml', '.wasm': 'application/wasm', '.map': 'application/json', '.ico': 'image/x-icon',
};

/** Hashed bundles never change: cache a year. HTML and the manifest must update quickly. */
export function cacheControl(path) {
  if (/\.[0-9a-f]{8}\.(js|css|wasm)$/.test(path)) return 'public, max-age=31536000, immutable';
  if (/\.(html|xml)$/.test(path)) return 'no-cache';
  return 'public, max-age=3600';
}

/**
 * Serves `dir` on 127.0.0.1 (port 0 = any free port).
 * @example const s = await serveStatic('dist'); await fetch(`${s.url}/taskpane.html`); await s.close();
 */
export function serveStatic(dir, port = 0) {
  const base = resolve(dir);
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = normalize(join(base, path.endsWith('/') ? `${path}index.html` : path));
    if (file !== base && !file.startsWith(base + sep)) { res.writeHead(403).end(); return; }
    try {
      if (!(await stat(file)).isFile()) throw new Error('not a file');
      const body = await readFile(file);
      res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': cacheControl(file) });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    }
  });
  return new Promise((ok) => {
    server.listen(port, '127.0.0.1', () => {
      const { port: p } = server.address();
      ok({ url: `http://127.0.0.1:${p}`, port: p, close: () => new Promise((done) => server.close(() => done())) });
    });
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const s = await serveStatic(process.argv[2] ?? 'dist', Number(process.argv[3] ?? 8080));
  console.log(`Serving ${process.argv[2] ?? 'dist'} at ${s.url}/taskpane.html (Ctrl+C to stop)`);
}
