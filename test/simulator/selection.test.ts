/**
 * Selection and active cell: Excel keeps one active cell inside the selection (the top-left after
 * a plain select, the anchor after a shift-click); getActiveCell and the view report it.
 */
import { describe, expect, it } from 'vitest';
import { createSimulator, modelFromRows } from '../../src/simulator';

const sim = () => createSimulator(modelFromRows('S', [[1, 2, 3], [4, 5, 6], [7, 8, 9]]));

async function activeAddress(s: ReturnType<typeof sim>): Promise<string> {
  return s.run(async (ctx) => {
    const cell = ctx.workbook.getActiveCell().load('address');
    await ctx.sync();
    return cell.address;
  });
}

describe('active cell', () => {
  it('is A1 on open and the top-left of a plain selection', async () => {
    const s = sim();
    expect(s.view.selection()).toEqual({ sheet: 'S', address: 'A1', activeCell: 'A1' });
    s.select('S', 'B2:C3');
    expect(s.view.selection()).toEqual({ sheet: 'S', address: 'B2:C3', activeCell: 'B2' });
    expect(await activeAddress(s)).toBe('S!B2');
  });

  it('stays on the given cell inside the selection (a shift-click extends from the anchor)', async () => {
    const s = sim();
    s.select('S', 'A1:C3', 'C3');
    expect(s.view.selection().activeCell).toBe('C3');
    expect(await activeAddress(s)).toBe('S!C3');
  });

  it('falls back to the top-left when the given cell is outside the selection', () => {
    const s = sim();
    s.select('S', 'B2:C3', 'A1');
    expect(s.view.selection().activeCell).toBe('B2');
  });

  it('Range.select makes the range\'s top-left active', async () => {
    const s = sim();
    s.select('S', 'A1:C3', 'C3');
    await s.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('S').getRange('B1:C2').select();
      await ctx.sync();
    });
    expect(s.view.selection()).toEqual({ sheet: 'S', address: 'B1:C2', activeCell: 'B1' });
  });
});
