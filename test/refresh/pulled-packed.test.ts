/**
 * A CSV the CSV worker parsed stays packed from the worker to the query worker (issue 18): the
 * pull's columns are remembered with their packed form, pulledToSourceData keeps them as
 * `packed` and builds no rows, and a query request sends those columns as they are. Pulled from
 * a real 127.0.0.1 server; the workers run in-process through structuredClone with their
 * transfer lists, as postMessage does. Expected values are read from the CSV by hand; the rows
 * path (an in-thread parse, rows, packRows) is the second reference.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pullCsv, type PullOk, type SourceDefinition } from '../../src/connectors';
import type { QuerySpec } from '../../src/engine';
import { sourceRefKey } from '../../src/engine/spec/source-ref';
import type { CellValue } from '../../src/excel/api';
import { answerQueryRequest, encodeQueryRequest, type QueryReply } from '../../src/refresh/queries/query-worker-protocol';
import { firstSourceRows, sourceRowCount, type SourceData } from '../../src/refresh/queries/source-data';
import { pulledToSourceData } from '../../src/refresh/queries/web-source-data';
import { answerCsvParseRequest } from '../../src/refresh/sources/csv-parse-answer';
import { csvWorkerParser, type CsvParseReply, type CsvParseRequest, type CsvParseWorkerLike } from '../../src/refresh/sources/csv-parse-worker';
import { queryColumnOf } from '../../src/refresh/sources/csv-worker-columns';
import { packRows, unpackColumns } from '../../src/refresh/worker-columns';
import { serialOfDay, testContext } from '../connectors/context';
import { startTestServer, type TestServer } from '../support/http-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

/** A CSV worker in this process: answers on a later task; messages cloned with their transfers. */
class InProcessCsvWorker implements CsvParseWorkerLike {
  onmessage: CsvParseWorkerLike['onmessage'] = null;
  onerror: CsvParseWorkerLike['onerror'] = null;
  postMessage(message: CsvParseRequest, transfer: Transferable[] = []): void {
    const request = structuredClone(message, { transfer });
    setTimeout(() => answerCsvParseRequest(request, (reply, moving) => {
      const delivered = structuredClone(reply, { transfer: moving }) as CsvParseReply;
      setTimeout(() => this.onmessage?.({ data: delivered }), 0);
    }), 0);
  }
  terminate(): void {}
}

// Non-ASCII text, -0, a blank in every column but Units, a leap day, booleans in two spellings,
// an infinite number written out, and a region that repeats out of order.
const CSV = 'Region,Revenue,Units,Paid,Day\n'
  + 'Zürich,-0,1,TRUE,2024-02-29\n'
  + '東京,1.5,2,,2024-03-01\n'
  + 'Ost,2.5,3,false,\n'
  + 'Zürich,,4,true,2024-03-02\n'
  + ',10,5,FALSE,2024-03-01\n';

/** CSV read by hand as a query source's rows (a blank is ""). */
const ROWS: CellValue[][] = [
  ['Zürich', -0, 1, true, serialOfDay('2024-02-29')],
  ['東京', 1.5, 2, '', serialOfDay('2024-03-01')],
  ['Ost', 2.5, 3, false, ''],
  ['Zürich', '', 4, true, serialOfDay('2024-03-02')],
  ['', 10, 5, false, serialOfDay('2024-03-01')],
];

const def = (): SourceDefinition => ({ id: 'feed', label: 'Feed', kind: 'csv', url: server.url('/mutable/packed.csv') });

async function pull(worker: boolean): Promise<PullOk> {
  server.setResource('packed.csv', CSV, 'text/csv');
  const parseCsv = worker ? csvWorkerParser(() => new InProcessCsvWorker(), { sliceMs: -1, yieldNow: async () => undefined }) : undefined;
  const result = await pullCsv(def(), testContext(parseCsv ? { parseCsv } : {}));
  if (result.status !== 'ok') throw new Error('expected a pull');
  return result;
}

/** The same source whose `rows` throws when read: proves a path never builds them. */
function rowsForbidden(data: SourceData): SourceData {
  return Object.defineProperty({ header: data.header, syncs: 0, bytes: 0, packed: data.packed }, 'rows', {
    get: () => { throw new Error('rows were built on the pane'); },
  }) as SourceData;
}

describe('a CSV parsed on the worker reaches queries packed', () => {
  it('keeps the packed columns and builds no rows; count and first rows are read from them', async () => {
    const data = await pulledToSourceData(await pull(true));
    expect(data.packed?.rowCount).toBe(5);
    const guarded = rowsForbidden(data);
    expect(sourceRowCount(guarded)).toBe(5);
    const first = firstSourceRows(guarded, 3);
    expect(first).toEqual(ROWS.slice(0, 3));
    expect(Object.is(first[0]![1], -0)).toBe(true);
    expect(firstSourceRows(guarded, 99)).toEqual(ROWS);
    // Something that does read rows gets them, built once from the pull's columns.
    expect(data.rows).toEqual(ROWS);
    expect(data.rows).toBe(data.rows);
  });

  it('holds the same cells as the rows path (in-thread parse, rows, packRows)', async () => {
    const viaWorker = await pulledToSourceData(await pull(true));
    const inThread = await pulledToSourceData(await pull(false));
    expect(inThread.packed).toBeUndefined();
    const reference = unpackColumns(await packRows(inThread.rows, inThread.header.length, { yieldNow: async () => undefined }));
    const packed = unpackColumns(viaWorker.packed!);
    expect(packed).toEqual(reference);
    expect(packed).toEqual(ROWS[0]!.map((_, c) => ROWS.map((row) => row[c])));
    expect(Object.is(packed[1]![0], -0)).toBe(true);
  });

  it('a query sends the packed columns to its worker (rows never built) and sums as by hand', async () => {
    const data = rowsForbidden(await pulledToSourceData(await pull(true)));
    const source = { kind: 'source', id: 'feed' } as const;
    const spec: QuerySpec = {
      version: 1, source, rows: ['Region'],
      measures: [{ id: 'rev', label: 'Revenue', kind: 'sum', field: 'Revenue' }, { id: 'units', label: 'Units', kind: 'sum', field: 'Units' }],
    };
    const held = new Set<string>();
    const encoded = await encodeQueryRequest({ spec, sources: { [sourceRefKey(source)]: data }, output: 'flat' }, undefined, held);
    const replies: QueryReply[] = [];
    answerQueryRequest(structuredClone(encoded.request, { transfer: encoded.transfer }), (r) => replies.push(structuredClone(r)));
    const done = replies.find((r) => r.type === 'done');
    if (done?.type !== 'done') throw new Error(`no result: ${JSON.stringify(replies.at(-1))}`);
    const byRegion = new Map(done.result.flat!.rows.map((row) => [row[0], row.slice(1)]));
    expect(byRegion.get('Zürich')).toEqual([0, 5]);
    expect(byRegion.get('東京')).toEqual([1.5, 2]);
    expect(byRegion.get('Ost')).toEqual([2.5, 3]);
    expect(done.result.sourceRowCount).toBe(5);
    // The pane's columns were copied for the move: a second query can send them again.
    expect(data.packed!.columns[1]!.numbers!.length).toBe(5);
    const again = await encodeQueryRequest({ spec, sources: { [sourceRefKey(source)]: data }, output: 'flat' }, undefined, held);
    // The worker kept that pack: the second request names it and sends no columns.
    expect(Object.values(again.request.sources)[0]!.columns).toBeUndefined();
    expect(again.transfer).toEqual([]);
  });
});

describe('queryColumnOf (a CSV number column in the query worker format)', () => {
  it('marks NaN and infinities as blank text, keeps -0, and leaves a column without them as it is', () => {
    const numbers = Float64Array.of(1.5, NaN, -0, Infinity, -Infinity, 2);
    const column = queryColumnOf({ length: 6, numbers });
    expect([...column.kinds!]).toEqual([0, 1, 0, 1, 1, 0]);
    expect(unpackColumns({ rowCount: 6, columns: [column] })[0]).toEqual([1.5, '', -0, '', '', 2]);
    expect(Object.is(unpackColumns({ rowCount: 6, columns: [column] })[0]![2], -0)).toBe(true);
    const whole = Float64Array.of(3, -0);
    const same = queryColumnOf({ length: 2, numbers: whole });
    expect(same.kinds).toBeUndefined();
    expect(same.numbers).toBe(whole);
    const text = { length: 1, kinds: Uint8Array.of(1), codes: Int32Array.of(0), text: 'é', ends: Int32Array.of(1) };
    expect(queryColumnOf(text)).toBe(text);
  });
});
