/**
 * Landing pulled tables into the Excel simulator: typed cells and formats, chunking under the
 * 5 MB request limit with progress, refresh in place, refusals, and all-or-nothing replacement
 * (a fault injected at every sync in turn, and cancel, leave the workbook exactly as before).
 */
import * as aq from 'arquero';
import { describe, expect, it } from 'vitest';
import { checkTableName, landingBlock, landTable, planChunks, removeLandedTable, type LandProgress } from '../../src/excel/land';
import { emptySim, faultyRun, pulled, snapshot, tableValues, type Sim } from './helpers';

const FIVE_MB = 5 * 1024 * 1024;

const carsA = () => pulled({
  id: { type: 'number', values: [1, 2.5, Number.NaN] },
  bought: { type: 'date', values: [45000, 45001, null] },
  ok: { type: 'boolean', values: [true, false, null] },
  code: { type: 'text', values: ['00123', '=1+1', null] },
});

async function landA(sim: Sim, sourceId = 'cars-1') {
  const a = carsA();
  return landTable(sim.run, landingBlock(a.table, a.columns), { sourceId, tableName: 'Cars', sheet: 'Cars' });
}

async function expectLandingError(promise: Promise<unknown>, kind: string): Promise<{ kind: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    expect((error as { kind?: string }).kind, String(error)).toBe(kind);
    return error as { kind: string; message: string };
  }
  throw new Error(`expected a ${kind} LandingError`);
}

describe('landingBlock', () => {
  it('types cells for Excel: numbers, date serials with a date format, booleans, text under "@"', () => {
    const a = carsA();
    const block = landingBlock(a.table, a.columns);
    expect(block.header).toEqual(['id', 'bought', 'ok', 'code']);
    expect(block.formats).toEqual(['General', 'yyyy-mm-dd', 'General', '@']);
    expect(block.rows).toEqual([
      [1, 45000, true, '00123'],
      [2.5, 45001, false, '=1+1'],
      ['', '', '', ''],
    ]);
  });

  it('shows a time when any date has one, and makes headers unique ignoring case', () => {
    const p = pulled({ a: { type: 'date', values: [45000, 45000.25] }, A: { type: 'number', values: [1, 2] } });
    const block = landingBlock(p.table, p.columns);
    expect(block.formats[0]).toBe('yyyy-mm-dd hh:mm:ss');
    expect(block.header).toEqual(['a', 'A2']);
  });

  it('refuses more rows than a sheet holds and says to keep the data out of the sheet', () => {
    const tooMany = aq.table({ x: new Float64Array(1_048_576) });
    expect(() => landingBlock(tooMany, [{ name: 'x', type: 'number', blanks: 0 }])).toThrow(/1,048,576 rows.*Keep the data out of the sheet/);
    const fits = aq.table({ x: new Float64Array(1_048_575) });
    expect(landingBlock(fits, [{ name: 'x', type: 'number', blanks: 0 }]).rows.length).toBe(1_048_575);
  });
});

describe('planChunks', () => {
  it('keeps every chunk\'s JSON within the budget and covers every row once', () => {
    const rows = Array.from({ length: 500 }, (_, i) => [i, `name ${'x'.repeat(i % 37)}`, i % 3 === 0]);
    const budget = 2_000;
    const chunks = planChunks(rows, budget);
    let next = 0;
    for (const c of chunks) {
      expect(c.start).toBe(next);
      const json = JSON.stringify(rows.slice(c.start, c.start + c.rows));
      expect(c.bytes).toBe(json.length);
      expect(json.length).toBeLessThanOrEqual(budget);
      // Greedy: the next row would not have fitted.
      if (c.start + c.rows < rows.length) expect(JSON.stringify(rows.slice(c.start, c.start + c.rows + 1)).length).toBeGreaterThan(budget);
      next += c.rows;
    }
    expect(next).toBe(rows.length);
    expect(planChunks([[1], [2], [3]], 9)).toEqual([{ start: 0, rows: 2, bytes: 9 }, { start: 2, rows: 1, bytes: 5 }]);
  });
});

describe('checkTableName', () => {
  it('accepts Excel table names and explains the ones Excel refuses', () => {
    expect(checkTableName(' Cars_2024 ')).toBe('Cars_2024');
    expect(() => checkTableName('A1')).toThrow(/cell address/);
    expect(() => checkTableName('my table')).toThrow(/spaces/);
    expect(() => checkTableName('1st')).toThrow(/start with a letter/);
    expect(() => checkTableName('PivotDeck_x')).toThrow(/reserved/);
  });
});

describe('landTable', () => {
  it('lands a new table on a new sheet in 2 syncs, tracked by PivotDeck_<id>', async () => {
    const sim = emptySim();
    sim.resetStats();
    const result = await landA(sim);
    // 1 inspect (nothing to check on a sheet that does not exist yet, no tables) + 1 write
    expect(sim.stats().syncs).toBe(2);
    expect(result).toMatchObject({ tableName: 'Cars', trackingName: 'PivotDeck_cars_1', sheet: 'Cars', address: 'Cars!A1:D4', rows: 3, columns: 4, syncs: 2, chunks: 1 });
    const t = await tableValues(sim, 'Cars');
    expect(t.values).toEqual([['id', 'bought', 'ok', 'code'], [1, 45000, true, '00123'], [2.5, 45001, false, '=1+1'], ['', '', '', '']]);
    expect(t.formats.slice(1)).toEqual(Array(3).fill(['General', 'yyyy-mm-dd', 'General', '@']));
    const model = sim.toModel();
    // The tracking name is the table itself, so it follows a rename or a resize by the user.
    expect(model.names).toContainEqual(expect.objectContaining({ name: 'PivotDeck_cars_1', reference: '=Cars[#All]' }));
    expect(model.tables).toContainEqual(expect.objectContaining({ name: 'Cars', sheet: 'Cars', address: 'A1:D4' }));
  });

  it('the same landing costs the same syncs and bytes every time', async () => {
    const costs = [];
    for (let i = 0; i < 2; i++) {
      const sim = emptySim();
      sim.resetStats();
      await landA(sim);
      costs.push(sim.stats());
    }
    expect(costs[0]).toEqual(costs[1]);
    expect(costs[0]!.requestBytes).toBeGreaterThan(JSON.stringify(landingBlock(carsA().table, carsA().columns).rows).length);
  });

  it('writes a large table in chunks under the 5 MB request limit, reporting rows and bytes', async () => {
    const n = 120_000;
    const p = pulled({
      a: { type: 'number', values: Array.from({ length: n }, (_, i) => i * 1.2345678) },
      b: { type: 'number', values: Array.from({ length: n }, (_, i) => i * 7.654321) },
      c: { type: 'text', values: Array.from({ length: n }, (_, i) => `item-${i}`) },
      d: { type: 'date', values: Array.from({ length: n }, (_, i) => 40000 + (i % 3000)) },
      e: { type: 'number', values: Array.from({ length: n }, (_, i) => -i / 3) },
    });
    const block = landingBlock(p.table, p.columns);
    const json = JSON.stringify(block.rows).length; // independent measure of the payload
    const sim = emptySim();
    sim.resetStats();
    const progress: LandProgress[] = [];
    const result = await landTable(sim.run, block, { sourceId: 'big', tableName: 'Big', sheet: 'Big' }, { onProgress: (e) => progress.push(e) });
    const stats = sim.stats();
    expect(stats.maxRequestBytes).toBeLessThanOrEqual(FIVE_MB);
    expect(result.chunks).toBeGreaterThanOrEqual(Math.ceil(json / FIVE_MB));
    expect(result.chunks).toBeLessThanOrEqual(Math.ceil(json / 4_000_000));
    expect(stats.syncs).toBe(1 + result.chunks); // one inspect on a workbook without tables
    expect(result.syncs).toBe(stats.syncs);
    expect(stats.requestBytes).toBeGreaterThan(json);
    const writes = progress.filter((e) => e.phase === 'write');
    expect(writes.length).toBe(result.chunks);
    expect(writes.map((e) => e.rows)).toEqual([...writes.map((e) => e.rows)].sort((x, y) => x - y));
    expect(writes.at(-1)).toEqual({ phase: 'write', rows: n, totalRows: n, bytes: result.bytes, totalBytes: result.bytes });
    const last = await sim.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Big').getRange(`A${n + 1}:E${n + 1}`).load('values');
      await ctx.sync();
      return r.values[0];
    });
    expect(last).toEqual([(n - 1) * 1.2345678, (n - 1) * 7.654321, `item-${n - 1}`, 40000 + ((n - 1) % 3000), -(n - 1) / 3]);
  });

  it('a refresh replaces the table in place, keeps its name and style, and names new and missing columns', async () => {
    const sim = emptySim();
    const six = pulled({ id: { type: 'number', values: [1, 2, 3, 4, 5, 6] }, name: { type: 'text', values: ['a', 'b', 'c', 'd', 'e', 'f'] }, x: { type: 'number', values: [1, 1, 1, 1, 1, 1] } });
    await landTable(sim.run, landingBlock(six.table, six.columns), { sourceId: 's', tableName: 'Cars', sheet: 'Cars' });
    await sim.run(async (ctx) => { ctx.workbook.tables.getItem('Cars').style = 'TableStyleLight9'; await ctx.sync(); });
    const two = pulled({ id: { type: 'number', values: [7, 8] }, price: { type: 'number', values: [9.5, 10] } });
    const result = await landTable(sim.run, landingBlock(two.table, two.columns), { sourceId: 's', tableName: 'Cars', sheet: 'Cars' });
    expect(result.schemaChange).toEqual({ added: ['price'], missing: ['name', 'x'] });
    expect((await tableValues(sim, 'Cars')).values).toEqual([['id', 'price'], [7, 9.5], [8, 10]]);
    const leftovers = await sim.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Cars').getRange('A1:C7').load('values');
      await ctx.sync();
      return r.values;
    });
    expect(leftovers.slice(3).flat().every((v) => v === '')).toBe(true);
    expect(leftovers.map((row) => row[2])).toEqual(['', '', '', '', '', '', '']);
    const model = sim.toModel();
    expect(model.tables).toEqual([expect.objectContaining({ name: 'Cars', address: 'A1:B3', style: 'TableStyleLight9' })]);
    expect(model.names.filter((n) => n.name.startsWith('PivotDeck_'))).toEqual([expect.objectContaining({ name: 'PivotDeck_s', reference: '=Cars[#All]' })]);
  });

  it('a refresh keeps a name the user gave the table in Excel', async () => {
    const sim = emptySim();
    await landA(sim);
    await sim.run(async (ctx) => { ctx.workbook.tables.getItem('Cars').name = 'MyCars'; await ctx.sync(); });
    const result = await landA(sim);
    expect(result.tableName).toBe('MyCars');
    expect(sim.toModel().tables.map((t) => t.name)).toEqual(['MyCars']);
  });

  it('refuses to overwrite the user\'s cells and changes nothing', async () => {
    const sim = emptySim();
    await landA(sim);
    await sim.run(async (ctx) => { ctx.workbook.worksheets.getItem('Cars').getRange('B7').values = [['my note']]; await ctx.sync(); });
    const before = snapshot(sim);
    const ten = pulled({ id: { type: 'number', values: Array.from({ length: 10 }, (_, i) => i) } });
    const error = await expectLandingError(landTable(sim.run, landingBlock(ten.table, ten.columns), { sourceId: 'cars-1', tableName: 'Cars', sheet: 'Cars' }), 'foreignContent');
    expect(error.message).toMatch(/A1:A11 on "Cars".*already holds other data. Nothing was changed/);
    expect(snapshot(sim)).toBe(before);
  });

  it('refuses a table name another table uses', async () => {
    const sim = emptySim([['a', 'b'], [1, 2]]);
    await sim.run(async (ctx) => { ctx.workbook.tables.add('Sheet1!A1:B2', true).name = 'Cars'; await ctx.sync(); });
    const before = snapshot(sim);
    await expectLandingError(landA(sim), 'tableNameTaken');
    expect(snapshot(sim)).toBe(before);
  });

  it('remove deletes exactly the landed table and its tracking name', async () => {
    const sim = emptySim();
    await landA(sim);
    expect(await removeLandedTable(sim.run, 'cars-1')).toBe(true);
    const model = sim.toModel();
    expect(model.tables).toEqual([]);
    expect(model.names).toEqual([]);
    expect(Object.keys(model.sheets.find((s) => s.name === 'Cars')!.cells)).toEqual([]);
    expect(await removeLandedTable(sim.run, 'cars-1')).toBe(false);
  });
});

describe('all-or-nothing replacement', () => {
  const bigger = () => pulled({
    id: { type: 'number', values: Array.from({ length: 300 }, (_, i) => i) },
    label: { type: 'text', values: Array.from({ length: 300 }, (_, i) => `row ${i}`) },
  });
  // A small budget forces several write syncs, so faults can land between chunks.
  const options = { budgetBytes: 1_000 };

  async function prepared(): Promise<Sim> {
    const sim = emptySim();
    await landA(sim);
    return sim;
  }

  it('a fault injected at each sync of a chunked refresh, in turn, leaves the old table exactly as it was', async () => {
    const clean = await prepared();
    const counting = faultyRun(clean, 0);
    const block = landingBlock(bigger().table, bigger().columns);
    const ok = await landTable(counting.run, block, { sourceId: 'cars-1', tableName: 'Cars', sheet: 'Cars' }, options);
    expect(ok.chunks).toBeGreaterThan(3);
    const total = counting.syncs();
    expect(total).toBe(ok.syncs);
    for (let k = 1; k <= total; k++) {
      const sim = await prepared();
      const before = snapshot(sim);
      const faulty = faultyRun(sim, k);
      let failure: unknown;
      try {
        await landTable(faulty.run, block, { sourceId: 'cars-1', tableName: 'Cars', sheet: 'Cars' }, options);
      } catch (error) {
        failure = error;
      }
      expect(failure, `fault at sync ${k}`).toBeInstanceOf(Error);
      // Faults in the read-only syncs are Excel's own errors; once writing began, a LandingError.
      if (k > total - ok.chunks) expect((failure as { kind: string }).kind).toBe('writeFailed');
      if (k > total - ok.chunks) expect((failure as Error).message).toMatch(/previous table was put back/);
      expect(snapshot(sim), `fault at sync ${k}`).toBe(before);
    }
  });

  for (const resizeMode of ['resize', 'rows'] as const) {
    it(`with the user's calculated column, formulas and a column the data loses, a fault at each sync (${resizeMode}) leaves everything as it was`, async () => {
      const build = async () => {
        const sim = await prepared();
        await sim.run(async (ctx) => {
          const ws = ctx.workbook.worksheets.getItem('Cars');
          const t = ctx.workbook.tables.getItem('Cars');
          t.columns.add(null, undefined, 'Twice');
          t.getDataBodyRange().getColumn(4).formulas = [['=[@id]*2']];
          // (A formula on a column the data loses breaks when that column is deleted, in the last
          // sync; Excel cannot undo that, so none is used here: docs/what-refresh-changes.md.)
          ws.getRange('G1:G3').formulas = [['=SUM(Cars[id])'], ['=SUM(Cars[Twice])'], ['=COUNTIFS(Cars[id],">1")']];
          await ctx.sync();
        });
        return sim;
      };
      const block = landingBlock(bigger().table, bigger().columns);
      const counting = faultyRun(await build(), 0);
      const ok = await landTable(counting.run, block, { sourceId: 'cars-1', tableName: 'Cars', sheet: 'Cars' }, { ...options, resizeMode });
      const total = counting.syncs();
      for (let k = 1; k <= total; k++) {
        const sim = await build();
        const before = snapshot(sim);
        await expect(landTable(faultyRun(sim, k).run, block, { sourceId: 'cars-1', tableName: 'Cars', sheet: 'Cars' }, { ...options, resizeMode })).rejects.toThrow();
        expect(snapshot(sim), `fault at sync ${k} of ${total}`).toBe(before);
      }
      expect(ok.syncs).toBe(total);
    });
  }

  it('a fault during a first landing removes the partly written sheet', async () => {
    const block = landingBlock(bigger().table, bigger().columns);
    const counting = faultyRun(emptySim(), 0);
    const ok = await landTable(counting.run, block, { sourceId: 'n', tableName: 'Fresh', sheet: 'Fresh' }, options);
    for (const k of [3, 4, ok.syncs]) {
      const sim = emptySim();
      const before = snapshot(sim);
      const error = await expectLandingError(landTable(faultyRun(sim, k).run, block, { sourceId: 'n', tableName: 'Fresh', sheet: 'Fresh' }, options), 'writeFailed');
      expect(error.message).toMatch(/partly written cells were removed/);
      expect(snapshot(sim)).toBe(before);
    }
  });

  it('cancel between chunks puts the old table back', async () => {
    const sim = await prepared();
    const before = snapshot(sim);
    const controller = new AbortController();
    const block = landingBlock(bigger().table, bigger().columns);
    const error = await expectLandingError(landTable(sim.run, block, { sourceId: 'cars-1', tableName: 'Cars', sheet: 'Cars' }, {
      ...options,
      signal: controller.signal,
      onProgress: (p) => { if (p.phase === 'write' && p.rows > 0) controller.abort(); },
    }), 'cancelled');
    expect(error.message).toMatch(/previous table was put back/);
    expect(snapshot(sim)).toBe(before);
  });

  it('cancel before writing changes nothing and costs no sync', async () => {
    const sim = await prepared();
    const before = snapshot(sim);
    const controller = new AbortController();
    controller.abort();
    sim.resetStats();
    const block = landingBlock(carsA().table, carsA().columns);
    await expectLandingError(landTable(sim.run, block, { sourceId: 'cars-1', tableName: 'Cars', sheet: 'Cars' }, { signal: controller.signal }), 'cancelled');
    expect(sim.stats().syncs).toBe(0);
    expect(snapshot(sim)).toBe(before);
  });
});
