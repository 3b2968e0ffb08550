import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { googleSheetsCsvUrl, odataFilterExpression, odataLiteral, odataUrl, pullOData, type PullOk, type SourceDefinition } from '../../src/connectors';
import { carsRecords, parseODataFilter, startTestServer, type TestServer } from '../support/http-server';
import { rejection, testContext } from './context';

let server: TestServer;
const cars = carsRecords();
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const odata = (options: Record<string, unknown> = {}): SourceDefinition => ({ id: 'o', label: 'O', kind: 'odata', url: server.url('/odata/Cars'), options });

describe('OData literals and filters', () => {
  it('escapes quotes by doubling them and writes dates bare', () => {
    expect(odataLiteral("O'Neil")).toBe("'O''Neil'");
    expect(odataLiteral("''")).toBe("''''''");
    expect(odataLiteral({ date: '2024-01-31' })).toBe('2024-01-31');
    expect(odataLiteral(null)).toBe('null');
    expect(odataLiteral(-2.5)).toBe('-2.5');
  });

  it('builds comparisons, functions and in-lists joined with and', () => {
    expect(
      odataFilterExpression([
        { field: 'Origin', op: 'in', value: ['USA', "Côte d'Ivoire"] },
        { field: 'Cylinders', op: 'ge', value: 6 },
        { field: 'Name', op: 'contains', value: 'ford' },
      ]),
    ).toBe("Origin in ('USA','Côte d''Ivoire') and Cylinders ge 6 and contains(Name,'ford')");
  });

  it('refuses field names that could change the expression', () => {
    expect(() => odataFilterExpression([{ field: "Name eq 'x' or true", op: 'eq', value: 1 }])).toThrow(/not an OData property name/);
  });

  it('percent-encodes values and keeps an existing $filter', () => {
    const url = odataUrl(new URL("https://x.example/odata/Cars?$filter=Year gt 1970"), { select: ['Name', 'Origin'], filter: [{ field: 'Origin', op: 'eq', value: 'a&b' }], top: 5, maxPages: 10 });
    // The URL standard also percent-encodes the quote in http(s) queries; servers decode it.
    expect(url.search).toBe('?$filter=(Year%20gt%201970)%20and%20(Origin%20eq%20%27a%26b%27)&$select=Name%2COrigin&$top=5');
  });
});

describe('OData v4 feed', () => {
  it('pushes $select, $filter and $top and follows @odata.nextLink; rows match an independent filter', async () => {
    const filter = [
      { field: 'Origin', op: 'eq', value: 'USA' },
      { field: 'Cylinders', op: 'ge', value: 6 },
    ];
    const expected = cars.filter((c) => c.Origin === 'USA' && Number(c.Cylinders) >= 6);
    server.reset();
    const result = (await pullOData(odata({ select: ['Name', 'Cylinders', 'Origin'], filter }), testContext())) as PullOk;
    expect(result.rowCount).toBe(expected.length);
    expect(result.columns.map((c) => c.name)).toEqual(['Name', 'Cylinders', 'Origin']);
    expect(result.table.array('Name')).toEqual(expected.map((c) => c.Name));
    expect(result.pages).toBe(Math.ceil(expected.length / 100));
    const sent = new URL(server.requests[0]!.url, server.origin).searchParams;
    expect(sent.get('$filter')).toBe("Origin eq 'USA' and Cylinders ge 6");
    expect(sent.get('$select')).toBe('Name,Cylinders,Origin');
  });

  it('$top limits the rows across pages', async () => {
    const result = (await pullOData(odata({ top: 150 }), testContext())) as PullOk;
    expect(result.rowCount).toBe(150);
    expect(result.columns.some((c) => c.name.includes('@odata'))).toBe(false);
  });

  it("a value with a quote round-trips through the server's own filter parser", async () => {
    const test = parseODataFilter(odataFilterExpression([{ field: 'Name', op: 'eq', value: "it's" }]));
    expect(test({ Name: "it's" })).toBe(true);
    const result = (await pullOData(odata({ filter: [{ field: 'Name', op: 'eq', value: "ford's 'torino'" }] }), testContext())) as PullOk;
    expect(result.rowCount).toBe(0);
  });

  it('stops at the page limit', async () => {
    const error = await rejection(pullOData(odata({ maxPages: 2 }), testContext()));
    expect(error.kind).toBe('tooManyPages');
  });
});

describe('Google Sheets links', () => {
  it('turns a shared edit link into its CSV export, keeping the tab', () => {
    expect(googleSheetsCsvUrl('https://docs.google.com/spreadsheets/d/1AbC_d-9/edit#gid=123456')).toBe('https://docs.google.com/spreadsheets/d/1AbC_d-9/export?format=csv&gid=123456');
    expect(googleSheetsCsvUrl('https://docs.google.com/spreadsheets/d/1AbC/edit?usp=sharing')).toBe('https://docs.google.com/spreadsheets/d/1AbC/export?format=csv');
    expect(googleSheetsCsvUrl('https://docs.google.com/spreadsheets/u/0/d/1AbC/edit?gid=7#gid=7')).toBe('https://docs.google.com/spreadsheets/d/1AbC/export?format=csv&gid=7');
    expect(googleSheetsCsvUrl('https://docs.google.com/spreadsheets/d/1AbC/export?format=xlsx&gid=0')).toBe('https://docs.google.com/spreadsheets/d/1AbC/export?format=csv&gid=0');
  });

  it('turns a published-to-the-web link into its CSV form', () => {
    expect(googleSheetsCsvUrl('https://docs.google.com/spreadsheets/d/e/2PACX-1vQ_x/pubhtml')).toBe('https://docs.google.com/spreadsheets/d/e/2PACX-1vQ_x/pub?output=csv');
    expect(googleSheetsCsvUrl('https://docs.google.com/spreadsheets/d/e/2PACX-1vQ_x/pubhtml?gid=55&single=true')).toBe('https://docs.google.com/spreadsheets/d/e/2PACX-1vQ_x/pub?gid=55&single=true&output=csv');
    expect(googleSheetsCsvUrl('https://docs.google.com/spreadsheets/d/e/2PACX-1vQ_x/pub?output=csv')).toBe('https://docs.google.com/spreadsheets/d/e/2PACX-1vQ_x/pub?output=csv');
  });

  it('refuses links that are not Google Sheets', () => {
    expect(() => googleSheetsCsvUrl('https://example.com/spreadsheets/d/abc/edit')).toThrow(/not a Google Sheets link/);
    expect(() => googleSheetsCsvUrl('https://docs.google.com/document/d/abc/edit')).toThrow(/not a Google Sheets link/);
    expect(() => googleSheetsCsvUrl('not a url')).toThrow(/not a Google Sheets link/);
  });
});
