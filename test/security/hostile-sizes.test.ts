/**
 * Remote text of hostile size through every parser that looks at it: ClickHouse error bodies,
 * Link headers, server type names, and the redaction run on messages. Each runs in a worker with
 * a 20 s limit and fails only if it does not finish (no wall-clock assertions). Before the fix the
 * 600 KB ClickHouse body took 36 s and a 64,000-character Link header 1.2 s on this machine.
 * The results are checked too, so a "fast" answer that is wrong also fails.
 */
import { describe, expect, it } from 'vitest';
import { runInWorker } from './run-in-worker';

const LIMIT = 20_000;

describe('hostile sizes finish (worker, 20 s limit)', () => {
  it('a 600 KB ClickHouse error body, in three shapes that made the old regex backtrack', async () => {
    const bodies = [
      `Code: 1, ${' '.repeat(600_000)}x`,
      `Code: 62, e.displayText() = DB::Exception: ${'a, e.what() = '.repeat(45_000)}`,
      `Code: 62. DB::Exception: ${'(version '.repeat(66_000)}`,
      `Code: 62. DB::Exception: Syntax error ${'\t \n'.repeat(200_000)} (version 18.16.1)`,
    ];
    const out = await runInWorker(['src/connectors/warehouse/clickhouse-error-text.ts'], 'return input.map((b) => lib.parseClickHouseException(b)).map((e) => e && { code: e.code, length: e.text.length, start: e.text.slice(0, 12) });', bodies, LIMIT);
    expect(out.finished).toBe(true);
    const results = out.result as Array<{ code: number; length: number; start: string }>;
    expect(results.map((r) => r.code)).toEqual([1, 62, 62, 62]);
    // At most the capped 8,192 characters are looked at.
    for (const r of results) expect(r.length).toBeLessThanOrEqual(8192);
    expect(results[3]!.start).toBe('Syntax error');
  });

  it('a 64,000-character Link header is refused at once; one just under the cap is parsed in one pass', async () => {
    const inputs = [
      `<a>${';    rel=x'.repeat(6400)}`,
      '<'.repeat(64_000),
      '<'.repeat(8000),
      `<https://x.example/a>${'; x'.repeat(2700)}`,
      `${'<a>, '.repeat(1600)}<https://x.example/next>; rel="next"`,
    ];
    const body = `return input.map((h) => { try { return lib.nextLinkFromHeader(h); } catch (e) { return 'refused: ' + e.message.slice(0, 40); } });`;
    const out = await runInWorker(['src/connectors/http/link-header.ts'], body, inputs, LIMIT);
    expect(out.finished).toBe(true);
    expect(out.result).toEqual([
      "refused: The server's Link header is 64,003 chara",
      "refused: The server's Link header is 64,000 chara",
      null,
      null,
      'https://x.example/next',
    ]);
  });

  it('server type names nested 100,000 deep are left out instead of unwrapped step by step', async () => {
    const nested = `${'Nullable('.repeat(100_000)}Int32${')'.repeat(100_000)}`;
    const out = await runInWorker(['src/connectors/warehouse/field-types.ts'], 'return [lib.fieldTypeOf(input), lib.fieldTypeOf("Nullable(LowCardinality(String))")];', nested, LIMIT);
    expect(out).toEqual({ finished: true, result: [undefined, 'text'] });
  });

  it('redaction over 600 KB of hostile text', async () => {
    const texts = ['?'.repeat(600_000), `password=${'='.repeat(600_000)}`, 'Basic '.repeat(100_000), `${'passwor'.repeat(85_000)}d=secret-value`];
    const out = await runInWorker(['src/connectors/http/redact.ts'], "return input.map((t) => lib.redactSecrets(t, ['secret-value']).length);", texts, LIMIT);
    expect(out.finished).toBe(true);
    expect((out.result as number[]).length).toBe(4);
  });
});
