/**
 * The format backup of a dashboard write (src/excel/dashboard/format-backup.ts), driven through
 * writeDashboardPlan with plans written by hand: a write that Excel stops halfway puts each
 * cell's fill, font and alignment and the merged areas back; the read is bounded (a write over
 * MAX_FORMAT_BACKUP_CELLS cells backs up no formats and says so), and it costs no extra sync.
 */
import { describe, expect, it } from 'vitest';
import type { WritePlan } from '../../src/dashboards/types';
import { readDashboardState, writeDashboardPlan } from '../../src/excel/dashboard';
import { MAX_FORMAT_BACKUP_CELLS } from '../../src/excel/dashboard/format-backup';
import { createSimulator, type Simulator } from '../../src/simulator';
import type { CellStyleModel } from '../../src/simulator/model';
import { faultyRun } from '../landing/helpers';
import { workbook } from '../simulator/helpers';

const SHEET = 'Dash Ä';
const PREFIX = 'PivotDeck_dash_t_';

function plan(rows: number, fill: string, merge: string | undefined): WritePlan {
  const address = `A1:C${rows}`;
  const values = Array.from({ length: rows }, (_, i) => [`r${i}`, i, i === 0 ? 'Überschrift' : -0]);
  return {
    sheet: SHEET, clear: [], blocks: [{ address, values }], columnWidths: [], rowHeights: [], conditionalFormats: [], validations: [], charts: [],
    formats: [{ address: 'A1:C1', fill, bold: true, horizontalAlignment: 'Center' }, ...(merge ? [{ address: merge, merge: true }] : [])],
    names: [{ name: `${PREFIX}block`, address, comment: 'test block' }], keepNames: [], owned: [address], parameterCells: {}, showGridlines: false,
  };
}

async function write(sim: Simulator, p: WritePlan, run = sim.run) {
  const state = await readDashboardState(sim.run, { sheet: SHEET, prefix: PREFIX });
  return writeDashboardPlan(run, p, { prefix: PREFIX, names: state.names, restore: { cellFormats: true, merges: true } });
}

function looks(sim: Simulator): { styles: Record<string, CellStyleModel | undefined>; merges: string[]; values: Record<string, unknown> } {
  const s = sim.toModel().sheets.find((x) => x.name === SHEET)!;
  const styles: Record<string, CellStyleModel | undefined> = {};
  const values: Record<string, unknown> = {};
  for (const [k, c] of Object.entries(s.cells)) {
    // Defaults written out look the same as none.
    const x = c.style ?? {};
    const style = { fill: x.fill, bold: x.bold ?? false, horizontalAlignment: x.horizontalAlignment ?? 'General', italic: x.italic ?? false };
    const plain = !style.fill && !style.bold && !style.italic && style.horizontalAlignment === 'General';
    if ((c.value === '' || c.value === undefined) && plain) continue;
    styles[k] = style;
    values[k] = c.value;
  }
  return { styles, merges: [...(s.merges ?? [])].sort(), values };
}

describe('a dashboard write backs up the look of the cells it changes', () => {
  it('puts fills, fonts, alignment and merges back when Excel stops the write', async () => {
    const sim = createSimulator(workbook({ [SHEET]: [['']] }));
    await write(sim, plan(4, '#0F6CBD', 'A2:B2'));
    const before = looks(sim);
    expect(before.merges).toEqual(['A2:B2']);
    expect(before.styles['0,1']).toMatchObject({ fill: '#0F6CBD', bold: true, horizontalAlignment: 'Center' });
    // The next write: another fill, another merge, more rows; its write sync (the 2nd) fails.
    const faulty = faultyRun(sim, 2);
    await expect(write(sim, plan(6, '#C00000', 'A3:C4'), faulty.run)).rejects.toThrow(
      /^Excel stopped while writing the dashboard .*PivotDeck put the previous values, colours, merged cells, charts and names back as they were\./,
    );
    expect(looks(sim)).toEqual(before);
  });

  it('reads formats in the sync it already makes: the same number of syncs', async () => {
    const sim = createSimulator(workbook({ [SHEET]: [['']] }));
    await write(sim, plan(4, '#0F6CBD', 'A2:B2'));
    const state = await readDashboardState(sim.run, { sheet: SHEET, prefix: PREFIX });
    const withBackup = await writeDashboardPlan(sim.run, plan(5, '#00B050', undefined), { prefix: PREFIX, names: state.names, restore: { cellFormats: true, merges: true } });
    const again = await readDashboardState(sim.run, { sheet: SHEET, prefix: PREFIX });
    const without = await writeDashboardPlan(sim.run, plan(5, '#00B050', undefined), { prefix: PREFIX, names: again.names, restore: { cellFormats: false, merges: false } });
    expect(withBackup.syncs).toBe(2);
    expect(without.syncs).toBe(2);
  });

  it(`backs up no formats past ${MAX_FORMAT_BACKUP_CELLS} cells, and says the colours come back with the next refresh`, async () => {
    const rows = Math.ceil(MAX_FORMAT_BACKUP_CELLS / 3) + 1; // three columns: just over the bound
    const sim = createSimulator(workbook({ [SHEET]: [['']] }));
    await write(sim, plan(rows, '#0F6CBD', 'A2:B2'));
    const before = looks(sim);
    const faulty = faultyRun(sim, 2);
    await expect(write(sim, plan(rows, '#C00000', 'A3:C4'), faulty.run)).rejects.toThrow(
      /PivotDeck put the previous values, charts and names back as they were \(the tiles' colours and fonts come back with the next refresh\)/,
    );
    const after = looks(sim);
    expect(after.values).toEqual(before.values);
    // Merges are read whatever the size (one small answer per block): they are back.
    expect(after.merges).toEqual(before.merges);
    // The fill is the failed write's: formats were not backed up.
    expect(after.styles['0,1']?.fill).toBe('#C00000');
  });
});
