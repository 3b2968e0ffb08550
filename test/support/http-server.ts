/**
 * A real HTTP server for connector tests (and, later, browser tests): node:http on 127.0.0.1 at a
 * random port, serving REAL data from the vega-datasets package as files, a paged REST API and an
 * OData-style feed, with CORS, ETag/Last-Modified + 304, auth checks and fault injection.
 *
 * Faults and checks are leading path segments, so any resource can carry any of them:
 *   /auth/bearer/…  /auth/key-header/…  /auth/key-query/…  /auth/basic/…  /auth/forbidden/…
 *   /slow/<ms>/…            wait before answering (timeouts)
 *   /slowbody/<ms>/…        send headers, then wait before the body
 *   /status/<code>/…        answer with that status
 *   /throttle/<n>/<after>/… first n hits of this URL get 429 with Retry-After <after>
 *                           (seconds; `date` = options.retryAfterDate; `none` = no header)
 *   /flaky/<n>/<code>/…     first n hits of this URL get <code> (e.g. 503), then it works
 *   /truncate/…             promise the full Content-Length, send half, drop the connection
 *   /cut/…                  send the first half of the body as a complete response
 *   /nocors/…               no Access-Control-Allow-Origin (what a browser blocks)
 *   /bom/…                  prefix a UTF-8 byte-order mark
 * Resources:
 *   /data/<file>                      a vega-datasets file (or one registered in options.files)
 *   /mutable/<name>                   a body the test sets with setResource (changes between pulls)
 *   /api/cars/page?page=&pageSize=    {data:{items}, meta:{total}}; ?failAtPage=n → 500 on page n
 *   /api/cars/offset?offset=&limit=   {items}
 *   /api/cars/cursor?cursor=          {results, links:{next}} with a relative next link; ?loop=1
 *   /api/cars/link?page=              a JSON array with `Link: <…>; rel="next"`
 *   /api/endless?page=                always has a next link (page limits)
 *   /odata/Cars                       OData v4: $select, $filter (eq ne gt ge lt le, contains,
 *                                     startswith, in; and), $top, server paging by @odata.nextLink
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

export const DATA_DIR = join(process.cwd(), 'node_modules', 'vega-datasets', 'data');
const STATIC_LAST_MODIFIED = 'Tue, 01 Oct 2024 00:00:00 GMT';
const API_PAGE_SIZE = 50;
const ODATA_PAGE_SIZE = 100;

export interface TestServerOptions {
  /** 'allow' (default) echoes the request's Origin; 'missing' never sends CORS headers. */
  cors?: 'allow' | 'missing';
  bearerToken?: string;
  apiKey?: string;
  apiKeyHeader?: string;
  apiKeyParam?: string;
  basic?: { user: string; password: string };
  /** The HTTP date sent by /throttle/<n>/date/. */
  retryAfterDate?: string;
  /** Extra files served under /data/<name>, by absolute path. */
  files?: Record<string, string>;
}

export interface RecordedRequest {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
}

export interface TestServer {
  origin: string;
  url(path: string): string;
  requests: RecordedRequest[];
  /** Set (or change) a /mutable/<name> body; each change gets a new ETag and Last-Modified. */
  setResource(name: string, body: string | Uint8Array, contentType: string): void;
  /** Forget hit counters (throttle, flaky) and recorded requests. */
  reset(): void;
  close(): Promise<void>;
}

interface Resource {
  body: Uint8Array;
  contentType: string;
  etag: string;
  lastModified: string;
}

const CONTENT_TYPES: Record<string, string> = {
  csv: 'text/csv; charset=utf-8',
  tsv: 'text/tab-separated-values; charset=utf-8',
  json: 'application/json; charset=utf-8',
  arrow: 'application/vnd.apache.arrow.file',
  parquet: 'application/vnd.apache.parquet',
};

const etagOf = (body: Uint8Array) => `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"`;

/** Cars from vega-datasets, the records every API route pages through. */
export function carsRecords(): Record<string, unknown>[] {
  return JSON.parse(readFileSync(join(DATA_DIR, 'cars.json'), 'utf8'));
}

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const cars = carsRecords();
  const fileCache = new Map<string, Resource>();
  const mutable = new Map<string, Resource>();
  const hits = new Map<string, number>();
  const requests: RecordedRequest[] = [];
  let version = 0;

  const staticFile = (name: string): Resource | undefined => {
    if (!/^[\w.-]+$/.test(name)) return undefined;
    let found = fileCache.get(name);
    if (!found) {
      const path = options.files?.[name] ?? join(DATA_DIR, name);
      let body: Uint8Array;
      try {
        body = readFileSync(path);
      } catch {
        return undefined;
      }
      const ext = name.split('.').pop() ?? '';
      found = { body, contentType: CONTENT_TYPES[ext] ?? 'application/octet-stream', etag: etagOf(body), lastModified: STATIC_LAST_MODIFIED };
      fileCache.set(name, found);
    }
    return found;
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error) => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end(String(error));
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    requests.push({ method: req.method ?? 'GET', url: req.url ?? '/', headers: { ...req.headers } });
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const segments = url.pathname.split('/').filter(Boolean);
    const key = `${url.pathname}${url.search}`;
    const hit = (hits.get(key) ?? 0) + 1;
    hits.set(key, hit);

    let cors = options.cors !== 'missing';
    let truncate = false;
    let cut = false;
    let bom = false;
    let slowBody = 0;
    const prefix: string[] = [];
    const corsHeaders = (): Record<string, string> =>
      cors
        ? {
            'Access-Control-Allow-Origin': String(req.headers.origin ?? '*'),
            Vary: 'Origin',
            'Access-Control-Expose-Headers': 'ETag, Last-Modified, Link, Retry-After, Content-Length',
          }
        : {};

    // Leading modifiers.
    for (;;) {
      const head = segments[0];
      if (head === 'auth') {
        const scheme = segments[1];
        prefix.push(...segments.splice(0, 2));
        // A CORS preflight carries no credentials by design: a real server answers it before
        // checking auth, else the browser blocks the real (authenticated) request.
        const denied = req.method === 'OPTIONS' ? null : checkAuth(scheme, req, url);
        if (denied) {
          res.writeHead(denied, { ...corsHeaders(), 'Content-Type': 'text/plain', ...(denied === 401 ? { 'WWW-Authenticate': 'Bearer' } : {}) });
          res.end(denied === 401 ? 'unauthorized' : 'forbidden');
          return;
        }
      } else if (head === 'slow' || head === 'slowbody') {
        const ms = Number(segments[1]);
        prefix.push(...segments.splice(0, 2));
        if (head === 'slow') await delay(ms, res);
        else slowBody = ms;
      } else if (head === 'status') {
        res.writeHead(Number(segments[1]), { ...corsHeaders(), 'Content-Type': 'text/plain' });
        res.end(`status ${segments[1]}`);
        return;
      } else if (head === 'throttle') {
        const times = Number(segments[1]);
        const after = segments[2] ?? 'none';
        prefix.push(...segments.splice(0, 3));
        if (hit <= times) {
          const retryAfter = after === 'date' ? options.retryAfterDate : after === 'none' ? undefined : after;
          res.writeHead(429, { ...corsHeaders(), 'Content-Type': 'text/plain', ...(retryAfter ? { 'Retry-After': retryAfter } : {}) });
          res.end('slow down');
          return;
        }
      } else if (head === 'flaky') {
        const times = Number(segments[1]);
        const code = Number(segments[2]);
        prefix.push(...segments.splice(0, 3));
        if (hit <= times) {
          res.writeHead(code, { ...corsHeaders(), 'Content-Type': 'text/plain' });
          res.end(`flaky ${code}`);
          return;
        }
      } else if (head === 'truncate' || head === 'cut' || head === 'nocors' || head === 'bom') {
        prefix.push(segments.shift()!);
        if (head === 'truncate') truncate = true;
        if (head === 'cut') cut = true;
        if (head === 'nocors') cors = false;
        if (head === 'bom') bom = true;
      } else break;
    }

    if (req.method === 'OPTIONS') {
      res.writeHead(204, cors
        ? {
            ...corsHeaders(),
            'Access-Control-Allow-Methods': 'GET, HEAD',
            'Access-Control-Allow-Headers': 'Authorization, X-API-Key, If-None-Match, If-Modified-Since, Range, Accept',
            'Access-Control-Max-Age': '600',
          }
        : {});
      res.end();
      return;
    }

    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}${prefix.length ? `/${prefix.join('/')}` : ''}`;
    const send = (status: number, body: Uint8Array, headers: Record<string, string>) => {
      let payload = bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : Buffer.from(body);
      if (cut) payload = payload.subarray(0, Math.floor(payload.length / 2));
      res.writeHead(status, { ...corsHeaders(), ...headers, 'Content-Length': String(payload.length) });
      if (req.method === 'HEAD') return void res.end();
      if (truncate) {
        res.write(payload.subarray(0, Math.floor(payload.length / 2)), () => res.destroy());
        return;
      }
      if (slowBody) {
        res.flushHeaders();
        setTimeout(() => res.end(payload), slowBody).unref();
        return;
      }
      res.end(payload);
    };
    const json = (value: unknown, headers: Record<string, string> = {}) => send(200, Buffer.from(JSON.stringify(value)), { 'Content-Type': CONTENT_TYPES.json!, ...headers });
    const conditional = (resource: Resource) => {
      const inm = req.headers['if-none-match'];
      const ims = req.headers['if-modified-since'];
      const tags = String(inm ?? '').split(',').map((t) => t.trim().replace(/^W\//, ''));
      const notModified = inm !== undefined ? tags.includes(resource.etag) || tags.includes('*') : ims !== undefined && Date.parse(String(ims)) >= Date.parse(resource.lastModified);
      if (notModified) {
        res.writeHead(304, { ...corsHeaders(), ETag: resource.etag, 'Last-Modified': resource.lastModified });
        res.end();
        return;
      }
      send(200, resource.body, { 'Content-Type': resource.contentType, ETag: resource.etag, 'Last-Modified': resource.lastModified });
    };
    const failAt = Number(url.searchParams.get('failAtPage') ?? NaN);
    const failPage = (page: number) => {
      if (page !== failAt) return false;
      res.writeHead(500, { ...corsHeaders(), 'Content-Type': 'text/plain' });
      res.end('page failed');
      return true;
    };

    const [kind, name, style] = segments;
    if (kind === 'data' && name) {
      const resource = staticFile(name);
      return resource ? conditional(resource) : notFound(res, corsHeaders());
    }
    if (kind === 'mutable' && name) {
      const resource = mutable.get(name);
      return resource ? conditional(resource) : notFound(res, corsHeaders());
    }
    if (kind === 'api' && name === 'cars') {
      const size = Number(url.searchParams.get('pageSize') ?? url.searchParams.get('limit') ?? API_PAGE_SIZE);
      if (style === 'page') {
        const page = Number(url.searchParams.get('page') ?? 1);
        if (failPage(page)) return;
        return json({ data: { items: cars.slice((page - 1) * size, page * size) }, meta: { total: cars.length, page } });
      }
      if (style === 'offset') {
        const offset = Number(url.searchParams.get('offset') ?? 0);
        if (failPage(Math.floor(offset / size) + 1)) return;
        return json({ items: cars.slice(offset, offset + size) });
      }
      if (style === 'cursor') {
        const cursor = Number(url.searchParams.get('cursor') ?? 0);
        if (failPage(Math.floor(cursor / size) + 1)) return;
        const loop = url.searchParams.has('loop');
        const after = cursor + size;
        const keep = new URLSearchParams(url.searchParams);
        keep.set('cursor', String(loop ? cursor : after));
        const next = loop || after < cars.length ? `${prefix.length ? `/${prefix.join('/')}` : ''}/api/cars/cursor?${keep}` : null;
        return json({ results: cars.slice(cursor, after), links: { next } });
      }
      if (style === 'link') {
        const page = Number(url.searchParams.get('page') ?? 1);
        if (failPage(page)) return;
        const keep = new URLSearchParams(url.searchParams);
        keep.set('page', String(page + 1));
        const hasNext = page * size < cars.length;
        return json(cars.slice((page - 1) * size, page * size), hasNext ? { Link: `<${base}/api/cars/link?${keep}>; rel="next", <${base}/api/cars/link?page=1>; rel="first"` } : {});
      }
    }
    if (kind === 'api' && name === 'endless') {
      const page = Number(url.searchParams.get('page') ?? 1);
      return json({ items: [{ page }], next: `${base}/api/endless?page=${page + 1}` });
    }
    if (kind === 'odata' && name === 'Cars') {
      return odataCars(url, base, json, res, corsHeaders());
    }
    return notFound(res, corsHeaders());
  }

  function checkAuth(scheme: string | undefined, req: IncomingMessage, url: URL): number | null {
    const auth = String(req.headers.authorization ?? '');
    switch (scheme) {
      case 'bearer':
        return auth === `Bearer ${options.bearerToken}` ? null : 401;
      case 'key-header':
        return req.headers[(options.apiKeyHeader ?? 'X-API-Key').toLowerCase()] === options.apiKey ? null : 401;
      case 'key-query':
        return url.searchParams.get(options.apiKeyParam ?? 'api_key') === options.apiKey ? null : 401;
      case 'basic': {
        const expected = `Basic ${Buffer.from(`${options.basic?.user}:${options.basic?.password}`).toString('base64')}`;
        return auth === expected ? null : 401;
      }
      default:
        return 403;
    }
  }

  function odataCars(url: URL, base: string, json: (v: unknown, h?: Record<string, string>) => void, res: ServerResponse, cors: Record<string, string>) {
    let rows = cars.map((car, i) => ({ '@odata.etag': `W/"${i}"`, ...car }));
    const filter = url.searchParams.get('$filter');
    if (filter) {
      let test: (row: Record<string, unknown>) => boolean;
      try {
        test = parseODataFilter(filter);
      } catch (error) {
        res.writeHead(400, { ...cors, 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ error: { code: 'BadRequest', message: String(error) } }));
        return;
      }
      rows = rows.filter(test);
    }
    const top = url.searchParams.get('$top');
    if (top !== null) rows = rows.slice(0, Number(top));
    const select = url.searchParams.get('$select');
    const fields = select ? select.split(',') : null;
    const skip = Number(url.searchParams.get('$skiptoken') ?? 0);
    const page = rows.slice(skip, skip + ODATA_PAGE_SIZE).map((row) => (fields ? Object.fromEntries([['@odata.etag', row['@odata.etag']], ...fields.map((f) => [f, (row as Record<string, unknown>)[f]])]) : row));
    const body: Record<string, unknown> = { '@odata.context': `${base}/odata/$metadata#Cars`, value: page };
    if (skip + ODATA_PAGE_SIZE < rows.length) {
      const next = new URLSearchParams(url.searchParams);
      next.set('$skiptoken', String(skip + ODATA_PAGE_SIZE));
      body['@odata.nextLink'] = `${base}/odata/Cars?${next.toString().replaceAll('%24', '$')}`;
    }
    json(body);
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (path) => `${origin}${path.startsWith('/') ? path : `/${path}`}`,
    requests,
    setResource(name, body, contentType) {
      const bytes = typeof body === 'string' ? Buffer.from(body) : body;
      version++;
      mutable.set(name, { body: bytes, contentType, etag: etagOf(bytes), lastModified: new Date(Date.UTC(2024, 9, 1, 0, 0, version)).toUTCString() });
    },
    reset() {
      hits.clear();
      requests.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function notFound(res: ServerResponse, cors: Record<string, string>) {
  res.writeHead(404, { ...cors, 'Content-Type': 'text/plain' });
  res.end('not found');
}

function delay(ms: number, res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    res.on('close', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/**
 * A small OData $filter evaluator (comparisons, contains/startswith/endswith, in, and), written
 * independently of the connector's filter builder so a round trip checks both.
 */
export function parseODataFilter(text: string): (row: Record<string, unknown>) => boolean {
  const tokens = [...text.matchAll(/\s*('(?:[^']|'')*'|\(|\)|,|[A-Za-z_][\w/]*|-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)/g)].map((m) => m[1]!);
  if (tokens.join('').replace(/\s/g, '') !== text.replace(/\s/g, '')) throw new Error(`cannot parse $filter: ${text}`);
  let i = 0;
  const literal = (): unknown => {
    const t = tokens[i++]!;
    if (t.startsWith("'")) return t.slice(1, -1).replaceAll("''", "'");
    if (t === 'true' || t === 'false') return t === 'true';
    if (t === 'null') return null;
    if (/^-?\d/.test(t)) return Number(t);
    throw new Error(`bad literal ${t}`);
  };
  const expect = (t: string) => {
    if (tokens[i++] !== t) throw new Error(`expected ${t}`);
  };
  const condition = (): ((row: Record<string, unknown>) => boolean) => {
    const first = tokens[i++]!;
    if (['contains', 'startswith', 'endswith'].includes(first)) {
      expect('(');
      const field = tokens[i++]!;
      expect(',');
      const value = String(literal());
      expect(')');
      return (row) => {
        const v = String(row[field] ?? '');
        return first === 'contains' ? v.includes(value) : first === 'startswith' ? v.startsWith(value) : v.endsWith(value);
      };
    }
    const op = tokens[i++]!;
    if (op === 'in') {
      expect('(');
      const values: unknown[] = [literal()];
      while (tokens[i] === ',') {
        i++;
        values.push(literal());
      }
      expect(')');
      return (row) => values.includes(row[first]);
    }
    const value = literal() as number | string | null;
    return (row) => {
      const v = row[first] as number | string | null;
      switch (op) {
        case 'eq': return v === value;
        case 'ne': return v !== value;
        case 'gt': return v !== null && value !== null && v > value;
        case 'ge': return v !== null && value !== null && v >= value;
        case 'lt': return v !== null && value !== null && v < value;
        case 'le': return v !== null && value !== null && v <= value;
        default: throw new Error(`bad operator ${op}`);
      }
    };
  };
  const parts = [condition()];
  while (i < tokens.length) {
    expect('and');
    parts.push(condition());
  }
  return (row) => parts.every((p) => p(row));
}
