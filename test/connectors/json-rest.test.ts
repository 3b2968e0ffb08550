import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pullJson, pullRest, type PullOk, type SourceDefinition } from '../../src/connectors';
import { carsRecords, startTestServer, type TestServer } from '../support/http-server';
import { rejection, serialOfDay, testContext } from './context';

let server: TestServer;
const cars = carsRecords();
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const json = (path: string, options?: Record<string, unknown>): SourceDefinition => ({ id: 'j', label: 'J', kind: 'json', url: server.url(path), options });
const rest = (path: string, options: Record<string, unknown>): SourceDefinition => ({ id: 'r', label: 'R', kind: 'rest', url: server.url(path), options });

function expectCars(result: PullOk) {
  expect(result.rowCount).toBe(cars.length);
  expect(result.columns.map((c) => c.name)).toEqual(Object.keys(cars[0]!));
  const horsepowerBlanks = cars.filter((c) => c.Horsepower === null).length;
  expect(result.columns.find((c) => c.name === 'Horsepower')).toEqual({ name: 'Horsepower', type: 'number', blanks: horsepowerBlanks });
  expect(result.columns.find((c) => c.name === 'Year')!.type).toBe('date');
  expect(result.table.get('Name', 100)).toBe(cars[100]!.Name);
  expect(result.table.get('Year', 100)).toBe(serialOfDay(String(cars[100]!.Year)));
  const weight = cars.reduce((s, c) => s + Number(c.Weight_in_lbs), 0);
  expect((result.table.array('Weight_in_lbs') as Float64Array).reduce((s, x) => s + x, 0)).toBe(weight);
}

describe('JSON by URL', () => {
  it('reads an array of records (cars.json): types, blanks, dates as serials', async () => {
    expectCars((await pullJson(json('/data/cars.json'), testContext())) as PullOk);
  });

  it('reads records at a path and flattens nested objects to a.b columns', async () => {
    const nested = cars.slice(0, 3).map((c) => ({ name: c.Name, specs: { engine: { cylinders: c.Cylinders }, hp: c.Horsepower }, tags: ['a'] }));
    server.setResource('nested.json', JSON.stringify({ data: { items: nested } }), 'application/json');
    const result = (await pullJson(json('/mutable/nested.json', { recordsPath: 'data.items' }), testContext())) as PullOk;
    expect(result.columns.map((c) => c.name)).toEqual(['name', 'specs.engine.cylinders', 'specs.hp', 'tags']);
    expect(result.table.get('specs.engine.cylinders', 2)).toBe(cars[2]!.Cylinders);
    expect(result.table.get('tags', 0)).toBe('["a"]');
    expect(result.warnings.map((w) => w.code)).toEqual(['nestedArrays']);
  });

  it('names the path and the keys that exist when the path is not found', async () => {
    server.setResource('wrapped.json', JSON.stringify({ data: { rows: [], count: 0 }, meta: {} }), 'application/json');
    const error = await rejection(pullJson(json('/mutable/wrapped.json', { recordsPath: 'data.items' }), testContext()));
    expect(error.kind).toBe('pathNotFound');
    expect(error.message).toContain('"data.items"');
    expect(error.message).toContain('"rows", "count"');
    expect(error.details.availableKeys).toEqual(['rows', 'count']);
  });

  it('reports malformed JSON with the character offset', async () => {
    server.setResource('bad.json', '[{"a": 1},\n {"a": 2,}]', 'application/json');
    const error = await rejection(pullJson(json('/mutable/bad.json'), testContext()));
    expect(error.kind).toBe('malformed');
    expect(error.details.offset).toBe(20);
    expect(error.message).toContain('line 2');
  });

  it('a complete response that stops halfway is malformed JSON that "ends too early"', async () => {
    const error = await rejection(pullJson(json('/cut/data/cars.json'), testContext()));
    expect(error.kind).toBe('malformed');
    expect(error.message).toContain('ends too early');
  });
});

describe('paged REST', () => {
  it('follows a next link in the body (relative) until it is null', async () => {
    const result = (await pullRest(rest('/api/cars/cursor', { recordsPath: 'results', paging: { kind: 'bodyLink', path: 'links.next' } }), testContext())) as PullOk;
    expectCars(result);
    expect(result.pages).toBe(Math.ceil(cars.length / 50));
  });

  it('follows Link: rel="next" headers', async () => {
    const result = (await pullRest(rest('/api/cars/link', { paging: { kind: 'linkHeader' } }), testContext())) as PullOk;
    expectCars(result);
  });

  it('walks page numbers and stops at a short page', async () => {
    const result = (await pullRest(rest('/api/cars/page', { recordsPath: 'data.items', paging: { kind: 'page', param: 'page', sizeParam: 'pageSize', size: 100 } }), testContext())) as PullOk;
    expectCars(result);
    expect(result.pages).toBe(Math.ceil(cars.length / 100));
  });

  it('walks offsets; with a total in the body it stops without an extra empty request', async () => {
    const result = (await pullRest(rest('/api/cars/offset', { recordsPath: 'items', paging: { kind: 'offset', param: 'offset', limitParam: 'limit', limit: 58 } }), testContext())) as PullOk;
    expectCars(result);
    // 406 = 7 × 58 exactly, so offset paging needs one more (empty) page to know it is done.
    expect(result.pages).toBe(8);
    server.reset();
    const counted = (await pullRest(rest('/api/cars/page', { recordsPath: 'data.items', totalPath: 'meta.total', paging: { kind: 'page', param: 'page', sizeParam: 'pageSize', size: 58 } }), testContext())) as PullOk;
    expect(counted.rowCount).toBe(cars.length);
    expect(server.requests.length).toBe(7);
  });

  it('a 500 in the middle of paging fails the whole pull (nothing partial)', async () => {
    const error = await rejection(pullRest(rest('/api/cars/page?failAtPage=3', { recordsPath: 'data.items', paging: { kind: 'page', param: 'page' } }), testContext()));
    expect(error.kind).toBe('http');
    expect(error.details.status).toBe(500);
  });

  it('stops at the page limit with tooManyPages', async () => {
    const error = await rejection(pullRest(rest('/api/endless', { recordsPath: 'items', paging: { kind: 'bodyLink', path: 'next' }, maxPages: 5 }), testContext()));
    expect(error.kind).toBe('tooManyPages');
    expect(error.message).toContain('after 5');
  });

  it('a next link that repeats is refused instead of looping', async () => {
    const error = await rejection(pullRest(rest('/api/cars/cursor?loop=1', { recordsPath: 'results', paging: { kind: 'bodyLink', path: 'links.next' } }), testContext()));
    expect(error.kind).toBe('malformed');
    expect(error.message).toContain('same next-page address');
  });

  it('rejects invalid paging settings as a bad definition', async () => {
    const error = await rejection(pullRest(rest('/api/cars/page', { paging: { kind: 'page' } }), testContext()));
    expect(error.kind).toBe('badDefinition');
  });
});
