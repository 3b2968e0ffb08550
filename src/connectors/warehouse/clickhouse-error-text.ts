import { WarehouseError, type WarehouseErrorKind } from './warehouse-error';

/** A ClickHouse exception as it appears in a response body. */
export interface ClickHouseException {
  code: number;
  /** The exception's own words, without the "DB::Exception:" wrapping. */
  text: string;
}

// 18.16: "Code: 62, e.displayText() = DB::Exception: Syntax error: …, e.what() = DB::Exception"
// 19+:   "Code: 62. DB::Exception: Syntax error: … (SYNTAX_ERROR) (version 21.8.1)"
// The head is matched by an anchored regex without nested or lazy quantifiers; the tail is cut
// with string searches. The body comes from the server and may be hostile: an earlier single
// regex with a lazy `[\s\S]*?` before optional groups and `$` took 36 s on a 600 KB body.
const HEAD = /^Code:\s{0,8}(\d{1,6})\s{0,8}[.,]\s{0,8}(?:e\.displayText\(\)\s{0,8}=\s{0,8})?(?:DB::Exception:\s{0,8})?/;

/** Most characters of an exception PivotDeck looks at; the rest is cut off before any parsing. */
export const MAX_EXCEPTION_TEXT = 8192;

/**
 * Finds a ClickHouse exception in a body (or its tail, for an error appended after rows).
 * Linear in the body's length; looks at most MAX_EXCEPTION_TEXT characters after the last "Code: ".
 * @example parseClickHouseException('Code: 60, e.displayText() = DB::Exception: Table default.x doesn\'t exist., e.what() = DB::Exception')
 *   // { code: 60, text: "Table default.x doesn't exist." }
 */
export function parseClickHouseException(body: string): ClickHouseException | undefined {
  const at = body.lastIndexOf('Code: ');
  if (at < 0) return undefined;
  const tail = body.slice(at, at + MAX_EXCEPTION_TEXT);
  const head = HEAD.exec(tail);
  if (!head) return undefined;
  let text = tail.slice(head[0].length).trimEnd();
  const what = text.lastIndexOf(', e.what() = ');
  if (what >= 0 && !/\s/.test(text.slice(what + ', e.what() = '.length))) text = text.slice(0, what);
  const version = text.lastIndexOf('(version ');
  if (version >= 0 && text.endsWith(')') && text.indexOf(')', version) === text.length - 1) text = text.slice(0, version);
  return { code: Number(head[1]), text: text.trim() };
}

const KIND_BY_CODE: Record<number, WarehouseErrorKind> = {
  62: 'syntax', 46: 'syntax', 47: 'syntax', 16: 'syntax', 43: 'syntax', 53: 'syntax', 42: 'syntax', 36: 'syntax',
  60: 'notFound', 81: 'notFound',
  192: 'auth', 193: 'auth', 194: 'auth', 195: 'auth', 516: 'auth',
  164: 'permission', 291: 'permission', 497: 'permission',
  159: 'timeout', 209: 'timeout',
  394: 'cancelled',
  158: 'tooManyRows', 396: 'tooManyRows',
  241: 'memory',
};

/**
 * Turns a ClickHouse exception (with the HTTP status it came with) into a WarehouseError in plain
 * words. `what` names the thing being read ("the table flights"); `cap` is the row cap in force.
 * @example explainClickHouseException({ code: 62, text: 'Syntax error …' }, { status: 400, host: 'ch.example.com' }).kind // 'syntax'
 */
export function explainClickHouseException(
  ex: ClickHouseException,
  context: { status?: number; host: string; what?: string; cap?: number; afterOk?: boolean; timeoutSeconds?: number },
): WarehouseError {
  const kind = KIND_BY_CODE[ex.code] ?? (context.status === 401 ? 'auth' : context.status === 403 ? 'permission' : 'server');
  const details = { status: context.status, code: ex.code, serverText: ex.text.slice(0, 1000), host: context.host, afterOk: context.afterOk };
  const said = `The warehouse said: “${ex.text.slice(0, 300)}”`;
  const what = context.what ?? 'the data';
  switch (kind) {
    case 'syntax':
      return new WarehouseError(kind, `The warehouse could not run the query PivotDeck sent for ${what}. ${said}. If a field was renamed or removed on the warehouse, press "Test connection" in the warehouse source to reload its fields, then fix the query.`, details);
    case 'notFound':
      return new WarehouseError(kind, `The warehouse at ${context.host} has no such database or table. ${said}. Check the database and table names in the warehouse source.`, details);
    case 'auth':
      return new WarehouseError(kind, `The warehouse at ${context.host} did not accept the user name or password. In Build a query, choose "Connect to a warehouse…", enter the same address and table with the right user name and password, and save: they are kept on this computer only.`, details);
    case 'permission':
      return new WarehouseError(kind, `The warehouse user is signed in but not allowed to read ${what}. ${said}. Ask whoever runs the warehouse to grant read access.`, details);
    case 'timeout':
      return new WarehouseError(kind, `The warehouse stopped the query because it ran longer than ${context.timeoutSeconds ? `${context.timeoutSeconds} s` : 'allowed'}. Add a filter (for example fewer months) or ask for a longer time limit.`, details);
    case 'cancelled':
      return new WarehouseError(kind, 'The query was cancelled on the warehouse. Nothing was changed.', details);
    case 'tooManyRows':
      return new WarehouseError(kind, `The result would have more than ${(context.cap ?? 0).toLocaleString('en-US')} rows, more than a sheet can take. Put fewer fields in Rows and Columns, or add a filter.`, details);
    case 'memory':
      return new WarehouseError(kind, `The warehouse ran out of memory for this query. ${said}. Group by fewer fields or add a filter.`, details);
    default:
      return new WarehouseError(
        'server',
        context.afterOk
          ? `The warehouse reported an error part-way through sending the result, so the result is incomplete and was not used. ${said}.`
          : `The warehouse could not answer (${context.status ?? 'error'}). ${said}.`,
        details,
      );
  }
}
