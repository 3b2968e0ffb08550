/**
 * Reading a response body from a real HTTP server on 127.0.0.1, in many chunks: with a
 * Content-Length, gzip-encoded (the announced length counts
 * compressed bytes, the body is longer), with no length (chunked transfer), and cut short by the
 * server. The expected bytes are the ones the server sent.
 */
import { createServer, type Server } from 'node:http';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBytes } from '../../src/connectors/http/read-body';
import type { Answer } from '../../src/connectors/http/request';
import type { PullProgress } from '../../src/connectors/types';

/** 300,000 bytes of CSV-like text with non-ASCII, so byte and character counts differ. */
const BODY = Buffer.from(Array.from({ length: 6000 }, (_, i) => `${i},Zürich,東京,${(i * 0.37).toFixed(2)}\n`).join('').slice(0, 200_000));

let server: Server;
let base = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    const send = (bytes: Buffer, headers: Record<string, string | number>, cutAt?: number) => {
      res.writeHead(200, headers);
      const end = cutAt ?? bytes.length;
      // Many small writes, so the client reads many chunks.
      let at = 0;
      const next = () => {
        if (at >= end) {
          if (cutAt !== undefined) res.socket?.destroy();
          else res.end();
          return;
        }
        res.write(bytes.subarray(at, Math.min(end, at + 7919)), next);
        at += 7919;
      };
      next();
    };
    if (req.url === '/length') send(BODY, { 'Content-Type': 'text/csv', 'Content-Length': BODY.length });
    else if (req.url === '/gzip') {
      const zipped = gzipSync(BODY);
      send(zipped, { 'Content-Type': 'text/csv', 'Content-Encoding': 'gzip', 'Content-Length': zipped.length });
    } else if (req.url === '/chunked') send(BODY, { 'Content-Type': 'text/csv' });
    else if (req.url === '/cut') send(BODY, { 'Content-Type': 'text/csv', 'Content-Length': BODY.length }, 100_000);
    else { res.writeHead(404); res.end(); }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

async function read(path: string) {
  const controller = new AbortController();
  const response = await fetch(`${base}${path}`, { signal: controller.signal });
  const progress: PullProgress[] = [];
  const answer: Answer = {
    status: 'ok', response, url: new URL(`${base}${path}`), signal: controller.signal,
    failure: (error) => ({ status: 'failed', code: 'network', message: `broken: ${String(error)}` }) as unknown as ReturnType<Answer['failure']>,
  };
  const bytes = await readBytes(answer, (p) => progress.push(p));
  return { bytes, progress };
}

describe('readBytes', () => {
  it('with a Content-Length: every byte, in order, with progress after each chunk', async () => {
    const { bytes, progress } = await read('/length');
    expect(Buffer.from(bytes).equals(BODY)).toBe(true);
    expect(bytes.byteLength).toBe(bytes.buffer.byteLength); // a buffer of its own, safe to transfer
    expect(progress.length).toBeGreaterThan(2);
    expect(progress.at(-1)).toMatchObject({ bytes: BODY.length, totalBytes: BODY.length });
  });

  it('gzip-encoded: longer than the announced length, still every byte', async () => {
    const { bytes } = await read('/gzip');
    expect(Buffer.from(bytes).equals(BODY)).toBe(true);
  });

  it('without a length (chunked transfer): every byte', async () => {
    const { bytes } = await read('/chunked');
    expect(Buffer.from(bytes).equals(BODY)).toBe(true);
  });

  it('a body cut short by the server is an error, not a short result', async () => {
    await expect(read('/cut')).rejects.toMatchObject({ message: expect.stringContaining('broken') });
  });
});
