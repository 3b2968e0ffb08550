/**
 * Per-cell formats and merged areas as Excel exposes them:
 * - Range.getCellProperties / setCellProperties (ExcelApi 1.9): "a 2D array where each item
 *   represents the requested properties of the corresponding cell"; a cell with no fill reads as
 *   "#FFFFFF" with pattern "None"; setting pattern "None" removes a fill; an array of another
 *   shape is refused.
 * - Range.getMergedAreasOrNullObject (ExcelApi 1.13): the merged areas whose top-left cell is in
 *   the range (office-js issue 3611: a merge that starts outside the range is not returned), a
 *   null object when none.
 * Both are refused with ApiNotFound on an Excel below their requirement set.
 */
import { describe, expect, it } from 'vitest';
import { createSimulator } from '../../src/simulator/index';
import { expectExcelError, workbook } from './helpers';

const sheetOf = () => createSimulator(workbook({ Dash: [['Title', '', ''], ['a', 'b', 'c'], ['', '', '']] }));

describe('Range.getCellProperties and setCellProperties', () => {
  it('reads each cell with what was asked for, Excel defaults where nothing was set', async () => {
    const sim = sheetOf();
    const props = await sim.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('Dash');
      s.getRange('A1').format.fill.color = '#add8e6';
      s.getRange('B1').format.font.bold = true;
      s.getRange('B1').format.font.color = '#C00000';
      s.getRange('C1').format.horizontalAlignment = 'Center';
      s.getRange('C1').format.wrapText = true;
      const p = s.getRange('A1:C1').getCellProperties({
        address: true,
        format: { fill: { color: true, pattern: true }, font: { bold: true, color: true, size: true }, horizontalAlignment: true, wrapText: true },
      });
      await ctx.sync();
      return p.value;
    });
    expect(props).toEqual([[
      { address: 'Dash!A1', format: { fill: { color: '#ADD8E6', pattern: 'Solid' }, font: { bold: false, color: '#000000', size: 11 }, horizontalAlignment: 'General', wrapText: false } },
      { address: 'Dash!B1', format: { fill: { color: '#FFFFFF', pattern: 'None' }, font: { bold: true, color: '#C00000', size: 11 }, horizontalAlignment: 'General', wrapText: false } },
      { address: 'Dash!C1', format: { fill: { color: '#FFFFFF', pattern: 'None' }, font: { bold: false, color: '#000000', size: 11 }, horizontalAlignment: 'Center', wrapText: true } },
    ]]);
  });

  it('the value is readable only after the sync', async () => {
    const sim = sheetOf();
    await sim.run(async (ctx) => {
      const p = ctx.workbook.worksheets.getItem('Dash').getRange('A1').getCellProperties({ format: { fill: { color: true } } });
      expect(() => p.value).toThrow();
      await ctx.sync();
      expect(p.value).toEqual([[{ format: { fill: { color: '#FFFFFF' } } }]]);
    });
  });

  it('writes what each cell says and leaves the rest; pattern None removes a fill', async () => {
    const sim = sheetOf();
    const after = await sim.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('Dash');
      s.getRange('A1:B1').format.fill.color = '#FFFF00';
      s.getRange('A1:B1').format.font.italic = true;
      s.getRange('A1:B1').setCellProperties([[
        { format: { fill: { pattern: 'None' } } },
        { format: { fill: { color: '#00B050' }, font: { bold: true, size: 14 }, verticalAlignment: 'Top' } },
      ]]);
      const p = s.getRange('A1:B1').getCellProperties({ format: { fill: { color: true, pattern: true }, font: { bold: true, italic: true, size: true }, verticalAlignment: true } });
      await ctx.sync();
      return p.value;
    });
    expect(after).toEqual([[
      { format: { fill: { color: '#FFFFFF', pattern: 'None' }, font: { bold: false, italic: true, size: 11 }, verticalAlignment: 'Bottom' } },
      { format: { fill: { color: '#00B050', pattern: 'Solid' }, font: { bold: true, italic: true, size: 14 }, verticalAlignment: 'Top' } },
    ]]);
  });

  it('refuses an array of another shape or a bad colour, changing nothing', async () => {
    const sim = sheetOf();
    await expectExcelError(sim.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Dash').getRange('A1:B1').setCellProperties([[{ format: { fill: { color: '#00B050' } } }]]);
      await ctx.sync();
    }), 'InvalidArgument');
    await expectExcelError(sim.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Dash').getRange('A1:B1').setCellProperties([[{ format: { fill: { color: '#00B050' } } }, { format: { fill: { color: 'not a colour' } } }]]);
      await ctx.sync();
    }), 'InvalidArgument');
    expect(sim.toModel().sheets[0]!.cells['0,0']?.style?.fill).toBeUndefined();
  });

  it('is refused below ExcelApi 1.9', async () => {
    const sim = createSimulator(workbook({ Dash: [['x']] }), { supportedApiVersion: '1.8' });
    await expectExcelError(sim.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Dash').getRange('A1').getCellProperties({ format: { fill: { color: true } } });
      await ctx.sync();
    }), 'ApiNotFound');
  });
});

describe('Range.getMergedAreasOrNullObject', () => {
  it('returns the merges whose top-left cell is in the range, not one that starts outside it', async () => {
    const sim = createSimulator(workbook({ "Q1 'West'": [['', '', '', ''], ['', '', '', ''], ['', '', '', ''], ['', '', '', '']] }));
    const got = await sim.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem("Q1 'West'");
      s.getRange('A1:C1').merge();
      s.getRange('B3:C4').merge();
      s.getRange('D1:D2').merge();
      const inside = s.getRange('A1:C4').getMergedAreasOrNullObject().load('address, areaCount, cellCount');
      const areas = s.getRange('A1:C4').getMergedAreasOrNullObject();
      areas.areas.load('items/address');
      // B1 is inside the merge A1:C1 but is not its top-left cell: nothing is found from it.
      const fromInside = s.getRange('B1:C2').getMergedAreasOrNullObject().load('address');
      await ctx.sync();
      return { inside: [inside.isNullObject, inside.address, inside.areaCount, inside.cellCount], items: areas.areas.items.map((r) => r.address), fromInside: fromInside.isNullObject };
    });
    expect(got.inside).toEqual([false, "'Q1 ''West'''!A1:C1, 'Q1 ''West'''!B3:C4", 2, 7]);
    expect(got.items).toEqual(["'Q1 ''West'''!A1:C1", "'Q1 ''West'''!B3:C4"]);
    expect(got.fromInside).toBe(true);
  });

  it('is a null object with no merges, and refused below ExcelApi 1.13', async () => {
    const sim = sheetOf();
    const none = await sim.run(async (ctx) => {
      const m = ctx.workbook.worksheets.getItem('Dash').getRange('A1:C3').getMergedAreasOrNullObject();
      await ctx.sync();
      return m.isNullObject;
    });
    expect(none).toBe(true);
    const old = createSimulator(workbook({ Dash: [['x']] }), { supportedApiVersion: '1.12' });
    await expectExcelError(old.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Dash').getRange('A1').getMergedAreasOrNullObject();
      await ctx.sync();
    }), 'ApiNotFound');
  });
});
