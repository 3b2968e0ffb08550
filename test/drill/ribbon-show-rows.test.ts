/**
 * The ribbon's Show rows: the same use-case as the pane's button, through the composition root
 * (createServices over the simulator). Rows are written for a query value; a refusal opens the
 * pane, and the pane's listener hears the message.
 */
import { describe, expect, it } from 'vitest';
import { showRowsCommand } from '../../src/commands/show-rows-command';
import type { QuerySpec } from '../../src/engine';
import type { CellValue } from '../../src/excel/api';
import { saveWorkbookDocument } from '../../src/excel/workbook-document';
import { emptyDocument } from '../../src/model';
import { insertQuery } from '../../src/refresh/queries';
import { createServices } from '../../src/refresh/services';
import type { ShowRowsOutcome } from '../../src/refresh/show-rows';
import { createSimulator } from '../../src/simulator';
import { cellsAt, sheet, table, workbook } from '../excel/workbooks';

const SALES: CellValue[][] = [
  ['Region', 'Product', 'Units'],
  ['Nörd', 'Ä', 3],
  ['nörd', 'B', 4],
  ['Süd', 'Ä', 7],
  ['Süd', '=B2', -0],
];
const SPEC: QuerySpec = { version: 1, source: { kind: 'table', name: 'Sales' }, rows: ['Region'], measures: [{ id: 'u', label: 'Units', kind: 'sum', field: 'Units' }] };

async function setUp() {
  const sim = createSimulator(workbook({ sheets: [sheet('Data', cellsAt(SALES))], tables: [table('Sales', 'Data', 'A1:C5', { showHeaders: true })] }));
  const r = await insertQuery({ run: sim.run }, emptyDocument(), { label: 'Units', spec: SPEC, layout: 'grid', target: { kind: 'newSheet', sheet: 'Units' } });
  expect(r.outcome.status).toBe('written');
  await saveWorkbookDocument(sim.run, { readOnly: false }, r.document);
  const services = createServices({ run: sim.run, canReadDataSource: true });
  const heard: ShowRowsOutcome[] = [];
  services.onShowRows((o) => heard.push(o));
  return { sim, services, heard };
}

describe('ribbon Show rows', () => {
  it('writes the rows behind the selected query value and completes the event; the pane hears it', async () => {
    const { sim, services, heard } = await setUp();
    // Grid on "Units": A1 "Region"/"Units" header, A2 Nörd (Nörd + nörd as one item, as Excel groups), B2 = 7.
    const grid = sim.toModel().sheets.find((s) => s.name === 'Units')!;
    expect(grid.cells['1,0']?.value).toBe('Nörd');
    expect(grid.cells['1,1']?.value).toBe(7);
    sim.select('Units', 'B2');
    let completed = 0;
    let panes = 0;
    await showRowsCommand(() => services, { showPane: async () => { panes++; } })({ completed: () => { completed++; } });
    expect(completed).toBe(1);
    expect(panes).toBe(0);
    expect(heard).toHaveLength(1);
    expect(heard[0]).toMatchObject({ status: 'written', sheet: 'Rows 1', words: 'Region = Nörd', total: 2 });
    const body = await sim.run(async (ctx) => {
      const r = ctx.workbook.tables.getItem('ShowRows_1').getDataBodyRange().load('values');
      await ctx.sync();
      return r.values as CellValue[][];
    });
    let sum = 0;
    for (const row of body) sum += row[2] as number;
    expect(body.map((r) => r[0])).toEqual(['Nörd', 'nörd']);
    expect(sum).toBe(7);
  });

  it('a cell that is no number of ours: nothing written, the pane opens and hears why', async () => {
    const { sim, services, heard } = await setUp();
    sim.select('Data', 'F9');
    let completed = 0;
    let panes = 0;
    const warn = console.warn;
    console.warn = () => {};
    try {
      await showRowsCommand(() => services, { showPane: async () => { panes++; } })({ completed: () => { completed++; } });
    } finally {
      console.warn = warn;
    }
    expect(completed).toBe(1);
    expect(panes).toBe(1);
    expect(heard).toEqual([{ status: 'refused', message: expect.stringMatching(/^Select a number in a PivotTable/) }]);
    expect(sim.toModel().sheets.map((s) => s.name)).not.toContain('Rows 1');
  });

  it('completes the event even when building the services fails', async () => {
    let completed = 0;
    const err = console.error;
    console.error = () => {};
    try {
      await showRowsCommand(() => Promise.reject(new Error('no runtime')))({ completed: () => { completed++; } });
    } finally {
      console.error = err;
    }
    expect(completed).toBe(1);
  });
});
