/**
 * CSV parsing on the CSV worker's protocol, run in-process: pullCsv downloads from a real
 * 127.0.0.1 server and hands the body to csvWorkerParser, whose stand-in worker answers with
 * answerCsvParseRequest (the code csv-parse.worker.ts runs), every message going through
 * structuredClone with its transfer list as postMessage does. Values are checked against
 * hand-written expectations and against the in-thread parse; failures must read the same.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pullCsv, type PullOk, type SourceDefinition } from '../../src/connectors';
import { answerCsvParseRequest } from '../../src/refresh/sources/csv-parse-answer';
import { csvWorkerParser, type CsvParseReply, type CsvParseRequest, type CsvParseWorkerLike } from '../../src/refresh/sources/csv-parse-worker';
import { startTestServer, type TestServer } from '../support/http-server';
import { rejection, serialOfDay, testContext } from '../connectors/context';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const def = (path: string, options?: Record<string, unknown>): SourceDefinition => ({ id: 's', label: 'S', kind: 'csv', url: server.url(path), options });

/** A worker in this process: answers on a later task; every message is cloned with its transfers. */
class InProcessWorker implements CsvParseWorkerLike {
  onmessage: CsvParseWorkerLike['onmessage'] = null;
  onerror: CsvParseWorkerLike['onerror'] = null;
  terminated = false;
  requests: CsvParseRequest[] = [];
  /** What the pane transferred with each request, and the worker with each reply (after the move). */
  sent: ArrayBuffer[] = [];
  returned: ArrayBuffer[] = [];
  stages: number[] = [];
  constructor(private readonly hold = false) {}
  postMessage(message: CsvParseRequest, transfer: Transferable[] = []): void {
    const request = structuredClone(message, { transfer });
    this.sent.push(...(transfer as ArrayBuffer[]));
    this.requests.push(request);
    if (this.hold) return;
    setTimeout(() => answerCsvParseRequest(request, (reply, moving) => {
      const delivered = structuredClone(reply, { transfer: moving }) as CsvParseReply;
      this.returned.push(...(moving as ArrayBuffer[]));
      if (delivered.type === 'stage') this.stages.push(delivered.stage.rows);
      setTimeout(() => { if (!this.terminated) this.onmessage?.({ data: delivered }); }, 0);
    }), 0);
  }
  terminate(): void { this.terminated = true; }
}

function workerContext(overrides: Parameters<typeof testContext>[0] = {}) {
  const workers: InProcessWorker[] = [];
  const yields = { count: 0 };
  const parseCsv = csvWorkerParser(() => { const w = new InProcessWorker(); workers.push(w); return w; }, {
    // A yield after every block of cells, so slicing is exercised without a clock.
    sliceMs: -1,
    yieldNow: async () => { yields.count++; },
  });
  return { context: testContext({ ...overrides, parseCsv }), workers, yields };
}

// Awkward on purpose: a BOM, non-ASCII text, a quoted comma and a quoted newline, an escaped
// quote, -0, a leap day, empty cells in every column, a column with nothing in it, and a column
// called __proto__.
const AWKWARD = '\uFEFFName,Amount,When,Paid,Note,Empty,__proto__\r\n'
  + '"Zürich, Ost",-0,2024-02-29,TRUE,"two\nlines",,1\r\n'
  + 'Ωmega,1.5,,false,"say ""hi""",,2\r\n'
  + '東京,,2024-03-01,,plain,,3\r\n'
  + ',-12.25,2024-03-02,true,,,4\r\n';

/** AWKWARD read by hand. */
const EXPECTED = {
  columns: [
    { name: 'Name', type: 'text', blanks: 1 },
    { name: 'Amount', type: 'number', blanks: 1 },
    { name: 'When', type: 'date', blanks: 1 },
    { name: 'Paid', type: 'boolean', blanks: 1 },
    { name: 'Note', type: 'text', blanks: 1 },
    { name: 'Empty', type: 'text', blanks: 4 },
    { name: '__proto__', type: 'number', blanks: 0 },
  ],
  values: {
    Name: ['Zürich, Ost', 'Ωmega', '東京', null],
    Amount: [-0, 1.5, null, -12.25],
    When: [serialOfDay('2024-02-29'), null, serialOfDay('2024-03-01'), serialOfDay('2024-03-02')],
    Paid: [true, false, null, true],
    Note: ['two\nlines', 'say "hi"', 'plain', null],
    Empty: [null, null, null, null],
    __proto__: [1, 2, 3, 4],
  } as Record<string, unknown[]>,
};

function valuesOf(pull: PullOk): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = Object.create(null) as Record<string, unknown[]>;
  for (const c of pull.columns) out[c.name] = Array.from(pull.table.array(c.name) as ArrayLike<unknown>);
  return out;
}

describe('CSV parsed on the CSV worker', () => {
  it('gives the hand-read values, -0 and blanks included, exactly as the in-thread parse does', async () => {
    server.setResource('awkward.csv', AWKWARD, 'text/csv; charset=utf-8');
    const { context, workers } = workerContext();
    const viaWorker = (await pullCsv(def('/mutable/awkward.csv'), context)) as PullOk;
    const inThread = (await pullCsv(def('/mutable/awkward.csv'), testContext())) as PullOk;
    for (const pull of [viaWorker, inThread]) {
      expect(pull.columns).toEqual(EXPECTED.columns);
      expect(pull.rowCount).toBe(4);
      const values = valuesOf(pull);
      expect(Object.keys(values)).toEqual(EXPECTED.columns.map((c) => c.name));
      for (const c of EXPECTED.columns) expect(values[c.name], c.name).toEqual(EXPECTED.values[c.name]);
      // toEqual does not tell -0 from 0.
      expect(Object.is(values.Amount![0], -0)).toBe(true);
      expect(pull.bytes).toBe(new TextEncoder().encode(AWKWARD).byteLength);
    }
    expect(viaWorker.warnings).toEqual(inThread.warnings);
    expect(viaWorker.etag).toBe(inThread.etag);
    expect(workers).toHaveLength(1);
    expect(workers[0]!.terminated).toBe(true);
    // The body moved to the worker and the columns moved back: transferred, not cloned.
    expect(workers[0]!.sent).toHaveLength(1);
    expect(workers[0]!.sent[0]!.byteLength).toBe(0);
    expect(workers[0]!.returned.length).toBeGreaterThan(0);
    expect(workers[0]!.returned.every((b) => b.byteLength === 0)).toBe(true);
  });

  it('reads 200,000 rows with progress from the worker; sums and counts match a plain loop over the text', async () => {
    const lines = ['id,region,amount,day'];
    const regions = ['Nord', 'Süd', 'Øst', 'West'];
    let sum = 0;
    let blanks = 0;
    const perRegion = new Map<string, number>();
    for (let i = 0; i < 200_000; i++) {
      const region = regions[i % 4]!;
      const amount = i % 97 === 0 ? '' : ((i % 1000) - 500) / 4;
      if (amount === '') blanks++;
      else sum += amount;
      perRegion.set(region, (perRegion.get(region) ?? 0) + 1);
      lines.push(`${i},${region},${amount},2024-01-${String(1 + (i % 28)).padStart(2, '0')}`);
    }
    server.setResource('big.csv', `${lines.join('\n')}\n`, 'text/csv');
    const rows: number[] = [];
    const { context, workers, yields } = workerContext({ onProgress: (p) => { if (p.phase === 'parse' && p.rows !== undefined) rows.push(p.rows); } });
    const pull = (await pullCsv(def('/mutable/big.csv'), context)) as PullOk;
    expect(pull.rowCount).toBe(200_000);
    expect(pull.columns.map((c) => [c.type, c.blanks])).toEqual([['number', 0], ['text', 0], ['number', blanks], ['date', 0]]);
    const amounts = pull.table.array('amount') as ArrayLike<number | null>;
    let got = 0;
    let gotBlanks = 0;
    for (let i = 0; i < amounts.length; i++) { const x = amounts[i]; if (x === null) gotBlanks++; else got += x; }
    expect(got).toBe(sum);
    expect(gotBlanks).toBe(blanks);
    const region = pull.table.array('region') as ArrayLike<string>;
    const counted = new Map<string, number>();
    for (let i = 0; i < region.length; i++) counted.set(region[i]!, (counted.get(region[i]!) ?? 0) + 1);
    expect(counted).toEqual(perRegion);
    expect(workers[0]!.stages).toEqual([65_536, 131_072, 196_608]);
    expect(rows.slice(0, 3)).toEqual([65_536, 131_072, 196_608]);
    expect(rows.at(-1)).toBe(200_000);
    // The pane unpacked region and amount (blanks to null) in slices of 8,192 cells here,
    // yielding between them; id and day, numbers without blanks, are used as they arrived.
    expect(yields.count).toBe(2 * Math.floor(200_000 / 8192));
  });

  it('a ragged file, a header alone, a TSV and user-chosen types read as they do in-thread', async () => {
    server.setResource('ragged.csv', 'name;note;amount\n"Ann";"two\nlines";1,5\nBob;plain;2\nCy;short\n', 'text/csv');
    server.setResource('header-only.csv', 'Amount,Name\n', 'text/csv');
    const paths = [['/mutable/ragged.csv', undefined], ['/mutable/header-only.csv', undefined], ['/data/unemployment.tsv', undefined], ['/data/seattle-weather.csv', { types: { weather: 'number', date: 'text' } }]] as const;
    for (const [path, options] of paths) {
      const viaWorker = (await pullCsv(def(path, options), workerContext().context)) as PullOk;
      const inThread = (await pullCsv(def(path, options), testContext())) as PullOk;
      expect(viaWorker.columns, path).toEqual(inThread.columns);
      expect(viaWorker.warnings, path).toEqual(inThread.warnings);
      expect(valuesOf(viaWorker), path).toEqual(valuesOf(inThread));
    }
  });

  it('a web page, an XML document, an unclosed quote, an empty file and too many rows fail with the in-thread words', async () => {
    server.setResource('signin.csv', '<!DOCTYPE html>\n<html><head><title>Anmelden – Konten</title></head><body></body></html>', 'text/html; charset=utf-8');
    server.setResource('feed.csv', '<?xml version="1.0"?><rss><channel/></rss>', 'application/xml');
    server.setResource('open-quote.csv', 'a,b\n1,"x\n2,y\n3,z\n', 'text/csv');
    server.setResource('empty.csv', '', 'text/csv');
    const cases: Array<[string, { maxRows?: number }]> = [['/mutable/signin.csv', {}], ['/mutable/feed.csv', {}], ['/mutable/open-quote.csv', {}], ['/data/seattle-weather.csv', { maxRows: 1000 }]];
    for (const [path, limits] of cases) {
      const viaWorker = await rejection(pullCsv(def(path), workerContext(limits).context));
      const inThread = await rejection(pullCsv(def(path), testContext(limits)));
      expect(viaWorker, path).toBeInstanceOf(Error);
      expect({ kind: viaWorker.kind, message: viaWorker.message, details: viaWorker.details }, path).toEqual({ kind: inThread.kind, message: inThread.message, details: inThread.details });
    }
    const html = await rejection(pullCsv(def('/mutable/signin.csv'), workerContext().context));
    expect(html.kind).toBe('malformed');
    expect(html.details).toEqual({ returned: 'html' });
    expect(html.message).toMatch(/^The address returned a web page \(HTML\) titled "Anmelden – Konten" \(Content-Type: text\/html\), not CSV\./);
    expect((await rejection(pullCsv(def('/mutable/open-quote.csv'), workerContext().context))).details).toEqual({ line: 2 });
    // An empty file is not a failure: no columns, no rows, the same both ways.
    const empty = (await pullCsv(def('/mutable/empty.csv'), workerContext().context)) as PullOk;
    const emptyInThread = (await pullCsv(def('/mutable/empty.csv'), testContext())) as PullOk;
    expect([empty.rowCount, empty.columns]).toEqual([0, []]);
    expect([empty.rowCount, empty.columns, empty.warnings]).toEqual([emptyInThread.rowCount, emptyInThread.columns, emptyInThread.warnings]);
  });

  it('cancel ends the worker and the pull fails as cancelled', async () => {
    server.setResource('cancel.csv', 'a,b\n1,2\n', 'text/csv');
    const controller = new AbortController();
    const worker = new InProcessWorker(true);
    const parseCsv = csvWorkerParser(() => worker);
    const pulled = pullCsv(def('/mutable/cancel.csv'), testContext({ parseCsv, signal: controller.signal }));
    await new Promise((resolve) => setTimeout(resolve, 0));
    while (worker.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    controller.abort();
    const error = await rejection(pulled);
    expect(error.kind).toBe('cancelled');
    expect(error.message).toBe('The pull was cancelled. Nothing was changed.');
    expect(worker.terminated).toBe(true);
  });

  it('a worker that dies says so in words', async () => {
    server.setResource('dies.csv', 'a\n1\n', 'text/csv');
    const worker = new InProcessWorker(true);
    const pulled = pullCsv(def('/mutable/dies.csv'), testContext({ parseCsv: csvWorkerParser(() => worker) }));
    while (worker.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    worker.onerror?.({ message: 'out of memory' });
    await expect(pulled).rejects.toThrow('The PivotDeck CSV reader failed: out of memory.');
    expect(worker.terminated).toBe(true);
  });
});
