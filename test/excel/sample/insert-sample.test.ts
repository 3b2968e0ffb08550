/**
 * "Try it on sample data" (issue 20, part 3): the pure plan, and the plan carried out in the
 * Excel simulator through the same API subset the add-in uses in Excel. Expected pivot values
 * come from plain loops over assets/sample-data/sales.json, not from PivotDeck code.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { insertSample } from '../../../src/excel/sample/insert-sample';
import { SAMPLE_PIVOT, SAMPLE_SHEET, SAMPLE_TABLE, planSampleInsert, type SampleData } from '../../../src/excel/sample/sample-plan';
import { createSimulator } from '../../../src/simulator';
import { sheet, workbook } from '../workbooks';

const SALES = JSON.parse(readFileSync(join(__dirname, '../../../assets/sample-data/sales.json'), 'utf8')) as SampleData;

/** Excel serial of a calendar day, computed here (not by the code under test). */
const serial = (iso: string) => (Date.parse(`${iso}T00:00:00Z`) - Date.parse('1899-12-30T00:00:00Z')) / 86_400_000;

describe('planSampleInsert', () => {
  it('puts the 160 orders in A1:H161 of a new sheet and the PivotTable two columns to the right', () => {
    const plan = planSampleInsert({ sheets: ['Sheet1'], tablesAndNames: [] });
    expect(plan.sheet).toBe(SAMPLE_SHEET);
    expect(plan.table.name).toBe(SAMPLE_TABLE);
    expect(plan.table.address).toBe('A1:H161');
    expect(plan.table.header).toEqual(['OrderDate', 'Region', 'Product', 'Channel', 'Customer', 'Units', 'UnitPrice', 'Revenue']);
    expect(plan.table.rows).toHaveLength(160);
    expect(plan.table.columnFormats).toEqual(['yyyy-mm-dd', '@', '@', '@', '@', '0', '#,##0.00', '#,##0.00']);
    expect(plan.table.rows[0][0]).toBe(serial(String(SALES.rows[0][0])));
    expect(plan.pivot).toEqual({ name: SAMPLE_PIVOT, anchor: 'J1', rows: ['Region'], values: [{ field: 'Revenue', numberFormat: '#,##0.00' }] });
  });

  it('never reuses a sheet, table or defined name, compared without case as Excel does', () => {
    const plan = planSampleInsert({
      sheets: ['pivotdeck SAMPLE', 'PivotDeck sample (2)'],
      tablesAndNames: ['samplesales', 'SampleSales2'],
      pivots: ['SAMPLEPIVOT'],
    });
    expect(plan.sheet).toBe('PivotDeck sample (3)');
    expect(plan.table.name).toBe('SampleSales3');
    expect(plan.pivot.name).toBe('SamplePivot2');
  });

  it('keeps text that looks like a formula or a number as text, and refuses data without Region and Revenue', () => {
    const awkward: SampleData = {
      columns: ['Region', 'Note', 'Revenue'],
      rows: [['=1+1', '+44 20', -0], ['@x', '2025-02-30x', 1.5]],
    };
    const plan = planSampleInsert({ sheets: [], tablesAndNames: [] }, awkward);
    expect(plan.table.columnFormats).toEqual(['@', '@', '#,##0.00']);
    expect(plan.table.rows[0]).toEqual(['=1+1', '+44 20', -0]);
    expect(() => planSampleInsert({ sheets: [], tablesAndNames: [] }, { columns: ['A'], rows: [] })).toThrow('needs a Region and a Revenue column');
  });
});

describe('insertSample in the simulator', () => {
  it('adds the sheet, the table and a PivotTable whose values match plain-loop sums, in two syncs', async () => {
    const sim = createSimulator(workbook({ sheets: [sheet('Budget')] }));
    sim.resetStats();
    const inserted = await insertSample(sim.run);
    expect(inserted).toEqual({ sheet: SAMPLE_SHEET, table: SAMPLE_TABLE, pivot: SAMPLE_PIVOT, syncs: 2 });
    expect(sim.stats().syncs).toBe(2);

    const read = await sim.run(async (ctx) => {
      const t = ctx.workbook.tables.getItem(SAMPLE_TABLE).getRange().load('address');
      const first = ctx.workbook.worksheets.getItem(SAMPLE_SHEET).getRange('A2:H2').load('values, numberFormat, text');
      const p = ctx.workbook.worksheets.getItem(SAMPLE_SHEET).pivotTables.getItem(SAMPLE_PIVOT);
      const range = p.layout.getRange().load('values, address');
      const active = ctx.workbook.worksheets.getActiveWorksheet().load('name');
      await ctx.sync();
      return { table: t.address, first: first.values[0], formats: first.numberFormat[0], text: first.text[0], pivot: range.values, at: range.address, active: active.name };
    });
    expect(read.table).toBe(`'${SAMPLE_SHEET}'!A1:H161`);
    expect(read.active).toBe(SAMPLE_SHEET);
    expect(read.first[0]).toBe(serial(String(SALES.rows[0][0])));
    expect(read.text[0]).toBe(SALES.rows[0][0]);
    expect(read.first[4]).toBe(SALES.rows[0][4]);

    const sums = new Map<string, number>();
    for (const r of SALES.rows) sums.set(String(r[1]), (sums.get(String(r[1])) ?? 0) + (r[7] as number));
    const regions = [...sums.keys()].sort();
    let grand = 0;
    for (const v of sums.values()) grand += v;
    expect(read.at.startsWith(`'${SAMPLE_SHEET}'!J1:K`)).toBe(true);
    expect(read.pivot[0]).toEqual(['Row Labels', 'Sum of Revenue']);
    expect(read.pivot.slice(1, -1).map((r) => r[0])).toEqual(regions);
    read.pivot.slice(1, -1).forEach((r, i) => expect(r[1] as number).toBeCloseTo(sums.get(regions[i])!, 6));
    expect(read.pivot.at(-1)![0]).toBe('Grand Total');
    expect(read.pivot.at(-1)![1] as number).toBeCloseTo(grand, 6);
  });

  it('inserts a second copy beside the first without touching it, and writes "=..." text as text', async () => {
    const sim = createSimulator(workbook({ sheets: [sheet('Budget')] }));
    await insertSample(sim.run);
    const awkward: SampleData = { columns: ['Region', 'Revenue'], rows: [['=HYPERLINK("http://x")', 5], ['West', 7]] };
    const second = await insertSample(sim.run, awkward);
    expect(second).toMatchObject({ sheet: `${SAMPLE_SHEET} (2)`, table: `${SAMPLE_TABLE}2`, pivot: `${SAMPLE_PIVOT}2` });
    const cells = await sim.run(async (ctx) => {
      const a2 = ctx.workbook.worksheets.getItem(second.sheet).getRange('A2').load('values, formulas');
      const firstTable = ctx.workbook.tables.getItem(SAMPLE_TABLE).getRange().load('address');
      await ctx.sync();
      return { value: a2.values[0][0], formula: a2.formulas[0][0], first: firstTable.address };
    });
    expect(cells.value).toBe('=HYPERLINK("http://x")');
    expect(cells.formula).toBe('=HYPERLINK("http://x")'); // a text cell's "formula" is its text, as in Excel
    expect(cells.first).toBe(`'${SAMPLE_SHEET}'!A1:H161`);
  });
});
