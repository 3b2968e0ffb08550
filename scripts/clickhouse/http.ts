/**
 * The smallest ClickHouse HTTP client the cluster scripts need: one statement per POST, settings
 * as URL parameters, `wait_end_of_query=1` so an error found mid-query is an HTTP error rather than
 * text appended to a 200 body. (The product's streaming client lives in src/connectors/warehouse.)
 */

export class ClickHouseHttpError extends Error {
  constructor(readonly status: number, readonly body: string, readonly sql: string) {
    super(`ClickHouse answered ${status}: ${body.trim().slice(0, 500)}\n-- for: ${sql.slice(0, 300)}`);
  }
}

/**
 * Runs one statement; returns the response body as text.
 * @example
 * await chExec('http://127.0.0.1:18123', 'SELECT 1 FORMAT TabSeparated'); // "1\n"
 */
export async function chExec(
  httpUrl: string,
  sql: string,
  settings: Record<string, string | number> = {},
  body?: BodyInit,
): Promise<string> {
  const params = new URLSearchParams({ wait_end_of_query: '1', ...Object.fromEntries(Object.entries(settings).map(([k, v]) => [k, String(v)])) });
  // A data body (INSERT … FORMAT …) goes in the body and the statement in ?query=.
  if (body !== undefined) params.set('query', sql);
  const res = await fetch(`${httpUrl}/?${params}`, {
    method: 'POST',
    body: body ?? sql,
    // Node's fetch needs this to stream a ReadableStream body.
    ...(body instanceof ReadableStream ? { duplex: 'half' } : {}),
  } as RequestInit);
  const text = await res.text();
  if (!res.ok) throw new ClickHouseHttpError(res.status, text, sql);
  return text;
}

/**
 * Runs a SELECT with FORMAT JSON and returns its rows as objects (64-bit integers unquoted).
 * @example
 * await chRows(url, 'SELECT count() AS n FROM flights'); // [{ n: 1000000 }]
 */
export async function chRows<T = Record<string, unknown>>(httpUrl: string, sql: string): Promise<T[]> {
  const text = await chExec(httpUrl, `${sql} FORMAT JSON`, { output_format_json_quote_64bit_integers: 0 });
  return (JSON.parse(text) as { data: T[] }).data;
}
