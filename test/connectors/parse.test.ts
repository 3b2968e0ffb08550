import { dsvFormat } from 'd3-dsv';
import { describe, expect, it } from 'vitest';
import { nextLinkFromHeader, parseDelimited } from '../../src/connectors';
import { parseBooleanText, parseIsoDate, parseNumberText, parseSlashDate } from '../../src/connectors/parse/cell-text';
import { detectDelimiter } from '../../src/connectors/parse/detect-delimiter';
import { lineNumbers } from '../../src/connectors/parse/parse-delimited';
import { valuesToColumn } from '../../src/connectors/parse/values-to-column';
import { flattenRecord } from '../../src/connectors/parse/flatten-record';
import { recordsAtPath } from '../../src/connectors/parse/records-at-path';
import { recordsToColumns } from '../../src/connectors/parse/records-to-columns';
import { valueAtPath } from '../../src/connectors/parse/value-at-path';
import { serialOfDay } from './context';

describe('cell text', () => {
  it('numbers: plain, signed, exponent, thousands; identifiers with leading zeros stay text', () => {
    expect(parseNumberText('-12.5e3')).toBe(-12500);
    expect(parseNumberText('.5')).toBe(0.5);
    expect(parseNumberText('0')).toBe(0);
    expect(parseNumberText('0.25')).toBe(0.25);
    expect(parseNumberText('1,234,567.5')).toBe(1234567.5);
    for (const text of ['02134', '0x1F', 'Infinity', '-Infinity', 'NaN', '12 ', ' 12', '1,23', 'abc', '']) expect(parseNumberText(text)).toBeNaN();
  });

  it('ISO dates and date-times become Excel serials (offsets converted to UTC)', () => {
    expect(parseIsoDate('2024-01-01')).toBe(45292);
    expect(parseIsoDate('1900-03-01')).toBe(61);
    expect(parseIsoDate('2001-01-01 06:00:00')).toBe(serialOfDay('2001-01-01') + 0.25);
    expect(parseIsoDate('2001-01-01T12:00:00.500Z')).toBeCloseTo(serialOfDay('2001-01-01') + 0.5 + 0.5 / 86400, 10);
    expect(parseIsoDate('2001-01-01T02:00+02:00')).toBe(serialOfDay('2001-01-01'));
    for (const text of ['2024-02-30', '2023-02-29', '2024-13-01', '2024-1-1', '2024-01-01T25:00', '2024-01-01X', '20240101']) expect(parseIsoDate(text)).toBeNaN();
    expect(parseIsoDate('2024-02-29')).toBe(serialOfDay('2024-02-29'));
  });

  it('slash dates in either order, with 12-hour times', () => {
    expect(parseSlashDate('3/31/2024', 'mdy')).toBe(serialOfDay('2024-03-31'));
    expect(parseSlashDate('31.03.2024', 'dmy')).toBe(serialOfDay('2024-03-31'));
    expect(parseSlashDate('31/03/2024', 'mdy')).toBeNaN();
    expect(parseSlashDate('1/2/2024 12:30 AM', 'mdy')).toBeCloseTo(serialOfDay('2024-01-02') + 30 / 1440, 10);
    expect(parseSlashDate('1/2/2024 2:15 PM', 'dmy')).toBeCloseTo(serialOfDay('2024-02-01') + (14 * 60 + 15) / 1440, 10);
  });

  it('booleans in any case, nothing else', () => {
    expect(parseBooleanText('TRUE')).toBe(true);
    expect(parseBooleanText('false')).toBe(false);
    expect(parseBooleanText('yes')).toBeNull();
    expect(parseBooleanText('1')).toBeNull();
  });
});

describe('delimited text', () => {
  it('detects comma, tab, semicolon and pipe, ignoring delimiters inside quotes', () => {
    expect(detectDelimiter('a,b,c\n1,2,3\n')).toBe(',');
    expect(detectDelimiter('a\tb\n1\t2\n')).toBe('\t');
    expect(detectDelimiter('name;amount\n"Smith, J";1,5\n"Doe, A";2,5\n')).toBe(';');
    expect(detectDelimiter('a|b|c\n1|2|3\n')).toBe('|');
  });

  it('detects a header from types, and its absence', () => {
    expect(parseDelimited('when,qty,ok\n2024-01-01,1,TRUE\n2024-01-02,2,false\n').columns).toEqual([
      { name: 'when', type: 'date', blanks: 0 },
      { name: 'qty', type: 'number', blanks: 0 },
      { name: 'ok', type: 'boolean', blanks: 0 },
    ]);
    const headless = parseDelimited('1,2024-01-01\n2,2024-01-02\n');
    expect(headless.header).toBe(false);
    expect(headless.rowCount).toBe(2);
    expect(headless.columns.map((c) => c.name)).toEqual(['Column 1', 'Column 2']);
  });

  it('blank cells are null in every type; blank and duplicate headers are renamed', () => {
    const r = parseDelimited('a,a,\n1,,x\n,TRUE,\n3,false,z\n');
    expect(r.columns).toEqual([
      { name: 'a', type: 'number', blanks: 1 },
      { name: 'a (2)', type: 'boolean', blanks: 1 },
      { name: 'Column 3', type: 'text', blanks: 1 },
    ]);
    expect(r.data.a).toEqual([1, null, 3]);
    expect(r.data['a (2)']).toEqual([null, true, false]);
    expect(r.warnings.map((w) => w.code)).toEqual(['duplicateColumns']);
  });

  it('a column that looked numeric in the first rows but holds text later is text, spelled as in the file', () => {
    const rows = Array.from({ length: 1500 }, (_, i) => `${i},${String(i).padStart(1, '0')}.50`);
    rows.push('1500,n/a');
    const r = parseDelimited(`id,price\n${rows.join('\n')}\n`);
    expect(r.columns[1]).toEqual({ name: 'price', type: 'text', blanks: 0 });
    expect(r.data.price![0]).toBe('0.50');
    expect(r.data.price![1500]).toBe('n/a');
    expect(r.columns[0]!.type).toBe('number');
  });

  it('ambiguous slash dates follow the chosen order and warn; unambiguous ones decide themselves', () => {
    const ambiguous = parseDelimited('d\n01/02/2024\n03/04/2024\n');
    expect(ambiguous.data.d![0]).toBe(serialOfDay('2024-01-02'));
    expect(ambiguous.warnings.map((w) => w.code)).toEqual(['ambiguousDates']);
    const dayFirst = parseDelimited('d\n01/02/2024\n13/04/2024\n');
    expect(dayFirst.data.d![0]).toBe(serialOfDay('2024-02-01'));
    expect(dayFirst.warnings).toEqual([]);
  });

  it('CRLF line ends and quoted values with delimiters, quotes and newlines', () => {
    const r = parseDelimited('a,b\r\n"x, ""y""","line1\r\nline2"\r\n2,3\r\n');
    expect(r.data.a).toEqual(['x, "y"', '2']);
    expect(r.data.b).toEqual(['line1\r\nline2', '3']);
  });

  it('line numbers count the lines inside quoted values', () => {
    expect(lineNumbers('a\n"x\ny"\nz\n', dsvFormat(','), [2, 1])).toEqual([4, 2]);
  });
});

describe('typed values and records', () => {
  it('types a column only when every present value agrees', () => {
    expect(valuesToColumn([1, null, 2.5])).toEqual({ type: 'number', data: [1, null, 2.5], blanks: 1, inexact: 0 });
    expect(valuesToColumn([1, 'a']).type).toBe('text');
    expect(valuesToColumn([new Date(Date.UTC(2024, 0, 1, 12)), '2024-01-02']).data).toEqual(new Float64Array([45292.5, 45293]));
    expect(valuesToColumn([2n ** 60n, 1n]).inexact).toBe(1);
    expect(valuesToColumn([{ a: 1 }, 'x']).data).toEqual(['{"a":1}', 'x']);
  });

  it('flattens nested objects and drops OData annotations', () => {
    expect(flattenRecord({ '@odata.etag': 'W/"1"', id: 1, a: { b: { c: 2 }, d: null }, e: {} })).toEqual({ id: 1, 'a.b.c': 2, 'a.d': null, e: null });
  });

  it('finds rel="next" among several links', () => {
    expect(nextLinkFromHeader('<https://a.example/x?page=1>; rel="first", <https://a.example/x?page=3>; rel="next"')).toBe('https://a.example/x?page=3');
    expect(nextLinkFromHeader('<https://a.example/x?page=3>; rel=next')).toBe('https://a.example/x?page=3');
    expect(nextLinkFromHeader('<https://a.example/x?page=1>; rel="prev"')).toBeNull();
    expect(nextLinkFromHeader(null)).toBeNull();
  });
});

describe('column names that are JavaScript built-ins', () => {
  const NAMES = ['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty', 'prototype'];

  it('delimited text: every such column keeps its name, its values and its number type', () => {
    const text = `${NAMES.join(',')}\n${NAMES.map((_, j) => String(j + 1)).join(',')}\n${NAMES.map((_, j) => String(-(j + 1) / 2)).join(',')}\n`;
    const r = parseDelimited(text);
    expect(r.columns).toEqual(NAMES.map((name) => ({ name, type: 'number', blanks: 0 })));
    expect(Object.keys(r.data)).toEqual(NAMES);
    NAMES.forEach((name, j) => expect(Array.from(r.data[name]! as ArrayLike<unknown>)).toEqual([j + 1, -(j + 1) / 2]));
    expect(r.warnings).toEqual([]);
  });

  it("delimited text: the user's type choices are read by the record's own keys, not its prototype", () => {
    const text = `${NAMES.join(',')}\n1,2,3,4,5,6\n`;
    // A plain object literal inherits constructor/toString/valueOf/hasOwnProperty; only constructor is chosen.
    const chosen = parseDelimited(text, { types: { constructor: 'text' as const } });
    expect(chosen.columns.map((c) => c.type)).toEqual(['number', 'text', 'number', 'number', 'number', 'number']);
    expect(chosen.data.constructor).toEqual(['2']);
    // A choice for __proto__ from stored JSON is an own key too.
    const proto = parseDelimited(text, { types: JSON.parse('{"__proto__": "text"}') as Record<string, 'text'> });
    expect(proto.columns.map((c) => c.type)).toEqual(['text', 'number', 'number', 'number', 'number', 'number']);
  });

  it('JSON records: keys named like built-ins are columns, nested ones flatten, type choices are own keys', () => {
    const records = JSON.parse(
      '[{"__proto__": 1, "constructor": "a", "toString": true, "valueOf": 2.5, "hasOwnProperty": null, "prototype": {"__proto__": 7}},' +
        ' {"__proto__": 2, "constructor": "b", "toString": false, "valueOf": -0, "hasOwnProperty": "x", "prototype": {"__proto__": 8}}]',
    ) as unknown[];
    const r = recordsToColumns(records, undefined, JSON.parse('{"valueOf": "text"}') as Record<string, 'text'>);
    expect(r.columns).toEqual([
      { name: '__proto__', type: 'number', blanks: 0 },
      { name: 'constructor', type: 'text', blanks: 0 },
      { name: 'toString', type: 'boolean', blanks: 0 },
      { name: 'valueOf', type: 'text', blanks: 0 },
      { name: 'hasOwnProperty', type: 'text', blanks: 1 },
      { name: 'prototype.__proto__', type: 'number', blanks: 0 },
    ]);
    expect(Array.from(r.data['__proto__']! as ArrayLike<unknown>)).toEqual([1, 2]);
    expect(r.data.valueOf).toEqual(['2.5', '0']);
    expect(Array.from(r.data['prototype.__proto__']! as ArrayLike<unknown>)).toEqual([7, 8]);
    expect(Object.keys(flattenRecord(JSON.parse('{"__proto__": 5, "constructor": {"name": "x"}}')))).toEqual(['__proto__', 'constructor.name']);
  });
});

describe('header names that clash with the ones PivotDeck makes up', () => {
  it('a real "Column 2" or "a (2)" keeps its name; the blank or repeated header takes the next free one', () => {
    const r = parseDelimited('x,,Column 2,a,a,a (2)\n1,2,3,4,5,6\n');
    expect(r.columns.map((c) => c.name)).toEqual(['x', 'Column 2 (2)', 'Column 2', 'a', 'a (3)', 'a (2)']);
    expect(r.columns.map((c) => Array.from(r.data[c.name]! as ArrayLike<unknown>)[0])).toEqual([1, 2, 3, 4, 5, 6]);
    expect(r.warnings.map((w) => w.code)).toEqual(['duplicateColumns']);
  });
});

describe('paths into JSON documents read own keys only', () => {
  it('"constructor" or "__proto__" in a path is a data key, never an inherited member', () => {
    const document = JSON.parse('{"__proto__": {"next": "/p2"}, "constructor": [{"a": 1}], "items": [{"b": 2}]}') as unknown;
    expect(valueAtPath(document, '__proto__.next')).toBe('/p2');
    expect(valueAtPath(document, 'items.0.b')).toBe(2);
    expect(valueAtPath(document, 'items.length')).toBe(1);
    expect(valueAtPath({ items: [] }, 'constructor')).toBeUndefined();
    expect(valueAtPath({ links: {} }, 'links.toString')).toBeUndefined();
    expect(recordsAtPath(document, 'constructor').records).toEqual([{ a: 1 }]);
    expect(() => recordsAtPath({ data: [] }, 'data.constructor')).toThrow(/there is no "constructor"/);
    expect(() => recordsAtPath({ data: {} }, 'data.toString')).toThrow(/there is no "toString"/);
  });
});
