/**
 * The warehouse connector's pure parts: ClickHouse exception text → plain words, literals and
 * identifiers, column types → field types, and source definitions → connections.
 */
import { describe, expect, it } from 'vitest';
import {
  describeWarehouseFields, explainClickHouseException, fieldTypeOf, parseClickHouseException, quoteIdentifier, quoteString,
  warehouseConnection, warehouseOptions,
} from '../../src/connectors/warehouse';

describe('parseClickHouseException', () => {
  it('reads 18.16 and newer formats, and the tail appended after rows', () => {
    expect(parseClickHouseException("Code: 60, e.displayText() = DB::Exception: Table default.x doesn't exist., e.what() = DB::Exception\n"))
      .toEqual({ code: 60, text: "Table default.x doesn't exist." });
    expect(parseClickHouseException('Code: 62. DB::Exception: Syntax error: failed at position 1. (SYNTAX_ERROR) (version 23.8.1.1)'))
      .toEqual({ code: 62, text: 'Syntax error: failed at position 1. (SYNTAX_ERROR)' });
    expect(parseClickHouseException('[1],\n[2]Code: 395, e.displayText() = DB::Exception: Value passed to \'throwIf\' function is non zero, e.what() = DB::Exception'))
      .toEqual({ code: 395, text: "Value passed to 'throwIf' function is non zero" });
    expect(parseClickHouseException('{"data": []}')).toBeUndefined();
  });

  it('maps codes to kinds with words that say what to do', () => {
    const at = { host: 'ch.example.com:8443', what: 'the table flights' };
    expect(explainClickHouseException({ code: 62, text: 'Syntax error' }, { ...at, status: 400 }).kind).toBe('syntax');
    expect(explainClickHouseException({ code: 193, text: 'Wrong password for user default' }, { ...at, status: 401 }).message).toMatch(/did not accept the user name or password/);
    expect(explainClickHouseException({ code: 291, text: 'Access denied to database x' }, { ...at, status: 500 }).message).toMatch(/not allowed to read the table flights/);
    expect(explainClickHouseException({ code: 159, text: 'Timeout exceeded: elapsed 5 seconds' }, { ...at, timeoutSeconds: 5 }).message).toMatch(/longer than 5 s/);
    expect(explainClickHouseException({ code: 396, text: 'Limit for result exceeded' }, { ...at, cap: 1_048_575 }).message).toMatch(/more than 1,048,575 rows/);
    const late = explainClickHouseException({ code: 395, text: 'boom' }, { ...at, status: 200, afterOk: true });
    expect(late.kind).toBe('server');
    expect(late.message).toMatch(/part-way through/);
  });
});

describe('quoting', () => {
  it('escapes backslash first, then the quote, and control characters', () => {
    expect(quoteString("O'Hare")).toBe("'O\\'Hare'");
    expect(quoteString("a\\' OR 1=1 --")).toBe("'a\\\\\\' OR 1=1 --'");
    expect(quoteString('line\nbreak\u0000')).toBe("'line\\x0abreak\\x00'");
    expect(quoteIdentifier('Unit Price')).toBe('`Unit Price`');
    expect(quoteIdentifier('a`b\\')).toBe('`a\\`b\\\\`');
  });
});

describe('field types', () => {
  it('maps ClickHouse types, unwrapping Nullable and LowCardinality', () => {
    expect(fieldTypeOf('Int32')).toBe('number');
    expect(fieldTypeOf('UInt64')).toBe('number');
    expect(fieldTypeOf('Decimal(18, 2)')).toBe('number');
    expect(fieldTypeOf('Nullable(Float64)')).toBe('number');
    expect(fieldTypeOf('DateTime')).toBe('date');
    expect(fieldTypeOf("DateTime('UTC')")).toBe('date');
    expect(fieldTypeOf('Date')).toBe('date');
    expect(fieldTypeOf('LowCardinality(Nullable(String))')).toBe('text');
    expect(fieldTypeOf("Enum8('a' = 1, 'b' = 2)")).toBe('text');
    expect(fieldTypeOf('Array(String)')).toBeUndefined();
    const { fields, skipped } = describeWarehouseFields([['origin', 'Nullable(String)'], ['tags', 'Array(String)']]);
    expect(fields).toEqual([{ name: 'origin', type: 'text', serverType: 'Nullable(String)', nullable: true }]);
    expect(skipped).toEqual([{ name: 'tags', serverType: 'Array(String)' }]);
  });
});

describe('warehouseConnection', () => {
  it('reads a saved definition and refuses an incomplete one', () => {
    const def = { id: 'w', label: 'Flights', kind: 'warehouse' as const, url: 'https://ch.example.com:8443', options: warehouseOptions({ database: 'prod', table: 'flights' }) };
    expect(warehouseConnection(def)).toMatchObject({ database: 'prod', table: 'flights', credentialIn: 'url', engine: 'clickhouse' });
    expect(() => warehouseConnection({ ...def, options: { engine: 'clickhouse', database: 'prod' } })).toThrow(/names no table or view/);
    expect(() => warehouseConnection({ ...def, url: undefined })).toThrow(/has no address/);
    expect(() => warehouseConnection({ ...def, kind: 'csv' })).toThrow(/not a warehouse source/);
  });
});
