import { describe, expect, test } from 'vitest';
import { createSimulator } from '../../src/simulator/index';
import { expectExcelError, workbook } from './helpers';

describe('sync and payload accounting', () => {
  test('counts syncs and bytes exactly on a hand-computed case', async () => {
    const sim = createSimulator(workbook({ Sheet1: [[1, 'a']] }));
    await sim.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:B1').load('values');
      await ctx.sync();
    });
    // Request: [["workbook.worksheets.getItem(\"Sheet1\").getRange(\"A1:B1\")","load","values"]]
    //   object path 55 chars + 4 escaped quotes + 2 quotes = 61; 2 + 61 + 1 + 6 + 1 + 8 + 2 = 81.
    // Response: [{"values":[[1,"a"]]}] = 1 + 1 + 8 + 1 + 9 + 1 + 1 = 22.
    expect(sim.lastRunStats()).toEqual({ runs: 1, syncs: 1, requestBytes: 81, responseBytes: 22, maxRequestBytes: 81, maxResponseBytes: 22 });

    await sim.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:B1').values = [[2, 'b']];
      await ctx.sync();
      await ctx.sync(); // nothing queued: no round trip
    });
    // [["...path...","set","values",[[2,"b"]]]] = 2 + 61 + 1 + 5 + 1 + 8 + 1 + 9 + 2 = 90; response [] = 2.
    expect(sim.lastRunStats()).toEqual({ runs: 1, syncs: 1, requestBytes: 90, responseBytes: 2, maxRequestBytes: 90, maxResponseBytes: 2 });
    expect(sim.stats()).toEqual({ runs: 2, syncs: 2, requestBytes: 171, responseBytes: 24, maxRequestBytes: 90, maxResponseBytes: 22 });
    sim.resetStats();
    expect(sim.stats().syncs).toBe(0);
  });

  test('multi-byte text counts in UTF-8 bytes', async () => {
    const sim = createSimulator(workbook({ S: [] }));
    await sim.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('S').getRange('A1').values = [['€']];
      await ctx.sync();
    });
    // [["workbook.worksheets.getItem(\"S\").getRange(\"A1\")","set","values",[["€"]]]]
    // path: workbook.worksheets.getItem("S").getRange("A1") = 47 chars + 4 escapes + 2 quotes = 53;
    // 2 + 53 + 1 + 5 + 1 + 8 + 1 + [["€"]] (2 + 1 + 3 bytes + 1 + 2 = 9) + 2 = 82.
    expect(sim.lastRunStats().requestBytes).toBe(82);
  });

  // 20,000 rows × 3 cells of 100 characters ≈ 6.2 MB of JSON: over the limit in one sync.
  const ROWS = 20_000;
  const text = 'x'.repeat(100);
  const block = (n: number) => Array.from({ length: n }, () => [text, text, text]);

  test('a 6.2 MB write fails with RequestPayloadSizeLimitExceeded and changes nothing; chunks under 5 MB pass', async () => {
    const sim = createSimulator(workbook({ S: [] }));
    const e = await expectExcelError(
      sim.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('S').getRange(`A1:C${ROWS}`).values = block(ROWS);
        await ctx.sync();
      }),
      'RequestPayloadSizeLimitExceeded',
    );
    expect(e.message).toMatch(/^The request payload size has exceeded the limit\./);
    expect(sim.view.cell('S', 0, 0).value).toBe('');

    const chunk = 5_000;
    await sim.run(async (ctx) => {
      for (let start = 0; start < ROWS; start += chunk) {
        ctx.workbook.worksheets.getItem('S').getRangeByIndexes(start, 0, chunk, 3).values = block(chunk);
        await ctx.sync();
      }
    });
    const stats = sim.lastRunStats();
    expect(stats.syncs).toBe(4);
    expect(stats.maxRequestBytes).toBeLessThan(5 * 1024 * 1024);
    expect(stats.requestBytes).toBeGreaterThan(5 * 1024 * 1024);
    expect(sim.view.usedSize('S')).toEqual({ rows: ROWS, columns: 3 });

    const err = await expectExcelError(
      sim.run(async (ctx) => {
        const r = ctx.workbook.worksheets.getItem('S').getRange(`A1:C${ROWS}`).load('values');
        await ctx.sync();
        return r;
      }),
      'ResponsePayloadSizeLimitExceeded',
    );
    expect(err.message).toMatch(/^The response payload size has exceeded the limit\./);

    const total = await sim.run(async (ctx) => {
      let rows = 0;
      for (let start = 0; start < ROWS; start += chunk) {
        const r = ctx.workbook.worksheets.getItem('S').getRangeByIndexes(start, 0, chunk, 3).load('values');
        await ctx.sync();
        rows += r.values.length;
      }
      return rows;
    });
    expect(total).toBe(ROWS);
    expect(sim.lastRunStats().maxResponseBytes).toBeLessThan(5 * 1024 * 1024);
  });

  test('the payload limit is configurable', async () => {
    const sim = createSimulator(workbook({ S: [] }), { payloadLimitBytes: 80 });
    await expectExcelError(
      sim.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('S').getRange('A1:B1').values = [[1, 2]];
        await ctx.sync();
      }),
      'RequestPayloadSizeLimitExceeded',
    );
  });

  test('reading more than 5,000,000 cells fails with RangeExceedsLimit; its address still loads', async () => {
    const sim = createSimulator(workbook({ S: [[1]] }));
    await expectExcelError(
      sim.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('S').getRange('A1:E1000001').load('values');
        await ctx.sync();
      }),
      'RangeExceedsLimit',
    );
    const address = await sim.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('S').getRange('A:E').load('address, rowCount');
      await ctx.sync();
      return [r.address, r.rowCount];
    });
    expect(address).toEqual(['S!A:E', 1048576]);
  });
});
