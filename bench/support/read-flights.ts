/**
 * vega's flights-3m.parquet (3,000,000 rows, ZSTD pages) read the way the pane reads it: served
 * over HTTP on 127.0.0.1 and pulled by PivotDeck's own Parquet connector, which loads
 * hyparquet-compressors for the ZSTD pages on demand (issue 18 part 4). Benches that need the
 * flights start from these columns, so the reader they measure against is the product's.
 *
 * @example
 * const flights = await readFlights(['origin', 'delay']);
 * flights.column('delay'); // Float64Array or number[] with Excel-like values, blanks null
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { memoryCredentialStore, pullParquet, type SourceDefinition } from '../../src/connectors';

export const FLIGHTS_FILE = join('node_modules', 'vega-datasets', 'data', 'flights-3m.parquet');

/** Columns of the file as PivotDeck typed them: numbers, dates as Excel serials, text. */
export interface Flights {
  rowCount: number;
  /** A column's values; dates are Excel serials (days since 1899-12-30), as Range.values gives them. */
  column(name: string): ArrayLike<unknown>;
}

/**
 * Pulls `columns` of flights-3m.parquet through pullParquet from a one-file server on 127.0.0.1.
 * Takes about as long as the pane's pull; not part of any bench figure.
 */
export async function readFlights(columns: string[]): Promise<Flights> {
  const body = readFileSync(FLIGHTS_FILE);
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/vnd.apache.parquet', 'Content-Length': body.byteLength });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    const def: SourceDefinition = {
      id: 'flights', label: 'Flights', kind: 'parquet', url: `http://127.0.0.1:${port}/flights-3m.parquet`,
      options: { columns },
    };
    const pulled = await pullParquet(def, {
      fetch: globalThis.fetch,
      credentials: memoryCredentialStore(),
      policy: { allowHttpLocalhost: true, timeoutMs: 120_000 },
    });
    if (pulled.status !== 'ok') throw new Error('flights-3m.parquet: the server answered 304 to a first pull');
    return { rowCount: pulled.rowCount, column: (name) => pulled.table.array(name) as ArrayLike<unknown> };
  } finally {
    server.close();
  }
}
