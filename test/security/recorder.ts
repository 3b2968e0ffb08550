/**
 * A recording HTTP server for the hostile-workbook suite: node:http on 127.0.0.1 at a random port,
 * recording EVERY request (method, URL, headers, body) before answering. Two of them give two
 * origins on one host (same host, different port); http://localhost:<port> reaches the same
 * server under a third origin.
 *
 * Routes (any server; targets are full addresses in `to` / `next`):
 *   GET  /data.csv                     a small CSV          GET /data.json     a JSON array
 *   GET  /redirect?to=…&status=302     a redirect to `to`
 *   GET  /json-next?next=…             {"items":[…],"next": next}
 *   GET  /link-next?next=…             a JSON array with Link: <next>; rel="next"
 *   GET  /odata?next=…                 {"value":[…],"@odata.nextLink": next}
 *   GET  /echo-keys?…                  a JSON object whose keys are the query's values (and Authorization)
 *   GET  /huge-link                    a Link header of 12,000 characters (Node's fetch refuses over 16 KB)
 *   POST /ch/…                         a fake ClickHouse HTTP interface (JSONCompact answers)
 *   POST /ch-slow/…                    the same, answering queries after 300 ms (progress polls meanwhile)
 *   POST /ch-echo/…                    ClickHouse-style 500 whose body echoes the request URL and body
 *   POST /ch-huge/…                    a 600 KB error body ("Code: 1, " and spaces)
 *   POST /ch-redirect/<port>/…         307 to http://127.0.0.1:<port>/ch/ (the client rewrites the query)
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Recorded {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export interface Recorder {
  origin: string;
  port: number;
  url(path: string): string;
  requests: Recorded[];
  close(): Promise<void>;
}

const CSV = 'city,amount\nZürich,1.5\n"=HYPERLINK(""x"")",-0\n';
const RECORDS = [{ city: 'Zürich', amount: 1.5 }, { city: 'Oslo', amount: -0 }];

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function json(res: ServerResponse, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}

/** A JSONCompact answer like ClickHouse's. */
function chAnswer(res: ServerResponse, meta: [string, string][], data: unknown[][]): void {
  json(res, { meta: meta.map(([name, type]) => ({ name, type })), data, rows: data.length, statistics: { elapsed: 0.001, rows_read: 10, bytes_read: 100 } });
}

function fakeClickHouse(sql: string, res: ServerResponse): void {
  if (/FROM system\.tables/.test(sql)) return chAnswer(res, [['name', 'String']], [['flights']]);
  if (/^DESCRIBE/.test(sql)) return chAnswer(res, [['name', 'String'], ['type', 'String']], [['origin', 'String'], ['delay', 'Int32']]);
  if (/count\(\) AS rows/.test(sql)) return chAnswer(res, [['rows', 'UInt64'], ['version', 'String']], [[2, '18.16.1']]);
  if (/system\.processes/.test(sql)) return chAnswer(res, [['read_rows', 'UInt64'], ['read_bytes', 'UInt64'], ['total_rows_approx', 'UInt64']], [[1, 2, 3]]);
  if (/^KILL QUERY/.test(sql)) return chAnswer(res, [], []);
  return chAnswer(res, [['origin', 'String'], ['n', 'UInt64']], [['ORD', 2]]);
}

/**
 * @param options.cors answer as a CORS-enabled API would (for the real-browser test): every
 *   response allows the request's Origin, and OPTIONS preflights get 204 with the credential headers.
 */
export async function startRecorder(options: { cors?: boolean } = {}): Promise<Recorder> {
  const requests: Recorded[] = [];
  const server = createServer((req, res) => {
    void (async () => {
      const body = await readBody(req);
      requests.push({ method: req.method ?? 'GET', url: req.url ?? '/', headers: { ...req.headers }, body });
      if (options.cors) {
        res.setHeader('Access-Control-Allow-Origin', String(req.headers.origin ?? '*'));
        res.setHeader('Access-Control-Expose-Headers', 'Link, ETag, Last-Modified');
        res.setHeader('Vary', 'Origin');
        if (req.method === 'OPTIONS') {
          res.writeHead(204, { 'Access-Control-Allow-Headers': 'Authorization, X-API-Key, If-None-Match, If-Modified-Since', 'Access-Control-Allow-Methods': 'GET, POST' });
          return res.end();
        }
      }
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const to = url.searchParams.get('to') ?? '';
      const next = url.searchParams.get('next') ?? '';
      const path = url.pathname;
      if (path === '/data.csv') {
        res.writeHead(200, { 'Content-Type': 'text/csv; charset=utf-8' });
        return res.end(CSV);
      }
      if (path === '/data.json') return json(res, RECORDS);
      if (path === '/redirect') {
        res.writeHead(Number(url.searchParams.get('status') ?? 302), { Location: to });
        return res.end();
      }
      if (path.startsWith('/ch-redirect/')) {
        res.writeHead(307, { Location: `http://127.0.0.1:${path.split('/')[2]}/ch/` });
        return res.end();
      }
      if (path === '/json-next') return json(res, { items: RECORDS, next });
      if (path === '/link-next') return json(res, RECORDS, { Link: `<${next}>; rel="next"` });
      if (path === '/odata') return json(res, { value: RECORDS, '@odata.nextLink': next });
      // A server that quotes what it was sent: the query's values become the JSON's keys.
      if (path === '/echo-keys') return json(res, Object.fromEntries([...url.searchParams.values(), req.headers.authorization ?? ''].map((v) => [v, 1])));
      if (path === '/huge-link') return json(res, RECORDS, { Link: `<${'a'.repeat(11_986)}>; rel="next"` });
      if (path.startsWith('/ch-echo')) {
        res.writeHead(500, { 'Content-Type': 'text/plain' });
        return res.end(`Code: 999, e.displayText() = DB::Exception: Cannot handle http://${req.headers.host}${req.url} with body ${body}, e.what() = DB::Exception`);
      }
      if (path.startsWith('/ch-huge')) {
        res.writeHead(500, { 'Content-Type': 'text/plain' });
        return res.end(`Code: 1, ${' '.repeat(600_000)}x`);
      }
      // A query that takes a while, so the client's progress polls (system.processes) arrive meanwhile.
      if (path.startsWith('/ch-slow') && !/system\.processes/.test(body)) await new Promise((resolve) => setTimeout(resolve, 300));
      if (path.startsWith('/ch')) return fakeClickHouse(body.trim(), res);
      res.writeHead(404);
      res.end();
    })().catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500);
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    port,
    url: (path) => `${origin}${path}`,
    requests,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/**
 * Every form a secret can travel in, computed here without the code under test: as is,
 * percent-encoded (both styles), and base64 (of the secret, and of user:secret for Basic).
 */
export function travellingForms(secret: string, user?: string): string[] {
  const forms = [
    secret,
    encodeURIComponent(secret),
    new URLSearchParams({ s: secret }).toString().slice(2),
    Buffer.from(secret, 'utf8').toString('base64'),
  ];
  if (user !== undefined) forms.push(Buffer.from(`${user}:${secret}`, 'utf8').toString('base64'));
  return forms;
}

/** The recorded requests in which any of `forms` appears (URL, any header, body). */
export function leaks(requests: readonly Recorded[], forms: readonly string[]): Recorded[] {
  return requests.filter((r) => {
    const text = [r.url, ...Object.entries(r.headers).map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(', ') : v ?? ''}`), r.body].join('\n');
    let decoded = text;
    try {
      decoded = decodeURIComponent(text);
    } catch {
      // Not decodable as a whole: the raw and encoded forms are searched anyway.
    }
    return forms.some((f) => text.includes(f) || decoded.includes(f));
  });
}
