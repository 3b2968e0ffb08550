/**
 * Show rows on the numbers PivotDeck writes from a query spec, other than a query grid: a query
 * written as an Excel table (flat, one row per group) and a dashboard's KPI cards, table tile rows
 * and chart data points (through the chart's data area), with the dashboard's parameter choice as
 * a filter. In the simulator, through the composition root's use-case. For EVERY such cell: the
 * rows written equal the rows a plain loop selects from the source, and the aggregate a plain loop
 * computes over them equals the number the cell shows.
 */
import { describe, expect, it } from 'vitest';
import type { Tile } from '../../src/dashboards';
import type { QuerySpec } from '../../src/engine';
import { columnName } from '../../src/engine/address/a1';
import type { CellValue } from '../../src/excel/api';
import { saveWorkbookDocument } from '../../src/excel/workbook-document';
import { emptyDocument, type PivotDeckDocument } from '../../src/model';
import { createDashboard, refreshDashboard } from '../../src/refresh/dashboards';
import { insertQuery } from '../../src/refresh/queries';
import { createServices } from '../../src/refresh/services';
import { createSimulator, type Simulator } from '../../src/simulator';
import { cellsAt, sheet, table, workbook } from '../excel/workbooks';
import { close, counta, distinctCount, median, sameItem, serialYear, sum } from './oracle';

// ---- an awkward source: case-only differences, non-ASCII, text that looks like a formula, -0,
// blanks, text in a number column, one-row groups, dates missing ----
const REGIONS = ['West', 'west', 'Nörd', 'WEST', '', 'Nörd', 'west', 'Süd'];
const CATEGORIES = ['Bikes', 'BIKES', 'Ünïcode', '', 'Bikes'];
const CUSTOMERS = ['=A1', 'Zoë', 'zoë', '+1', 'Bob', ''];
const DATES = [45292, 45000, 45658, '', 45400, 44990]; // 2024-01-01, 2023-03-15, 2025-01-01, blank, 2024-04-18, 2023-02-03
const HEADER = ['Date', 'Region', 'Category', 'Customer', 'Revenue'];
const ROWS: CellValue[][] = [];
for (let i = 0; i < 53; i++) {
  const revenue: CellValue = i % 13 === 0 ? '' : i % 17 === 0 ? 'n/a' : i % 11 === 0 ? -0 : ((i * 37) % 29) - 7;
  ROWS.push([DATES[i % 6], REGIONS[i % 8], CATEGORIES[(i * 3) % 5], CUSTOMERS[(i * 5) % 6], revenue]);
}
// A one-row group: the only row of region "Ost".
ROWS.push([45500, 'Ost', 'Bikes', 'Ada', 12.5]);
const SOURCE = [HEADER, ...ROWS];
const COL = { date: 0, region: 1, category: 2, customer: 3, revenue: 4 } as const;

const yearOf = (v: CellValue) => (typeof v === 'number' ? serialYear(v) : null);
const cellAddress = (row: number, column: number) => `${columnName(column)}${row + 1}`;

function newWorkbook(): Simulator {
  return createSimulator(workbook({
    sheets: [sheet('Data', cellsAt(SOURCE, 0, 0, (r, c) => (r > 0 && c === COL.date ? 'yyyy-mm-dd' : undefined)))],
    tables: [table('Sales', 'Data', `A1:E${SOURCE.length}`, { showHeaders: true })],
  }));
}

async function save(sim: Simulator, doc: PivotDeckDocument) {
  await saveWorkbookDocument(sim.run, { readOnly: false }, doc);
}

async function values(sim: Simulator, sheetName: string, address: string): Promise<CellValue[][]> {
  return sim.run(async (ctx) => {
    const r = ctx.workbook.worksheets.getItem(sheetName).getRange(address).load('values');
    await ctx.sync();
    return r.values as CellValue[][];
  });
}

async function tableBody(sim: Simulator, name: string): Promise<CellValue[][]> {
  return sim.run(async (ctx) => {
    const r = ctx.workbook.tables.getItem(name).getDataBodyRange().load('values');
    await ctx.sync();
    return r.values as CellValue[][];
  });
}

/** The source columns of rows (a Show rows table's derived fields follow them), as Excel holds them: blanks "", -0 as 0. */
const sourcePart = (rows: CellValue[][]) => rows.map((r) => r.slice(0, HEADER.length).map((v) => (Object.is(v, -0) ? 0 : v ?? '')));

describe('Show rows on a query written as a table (flat)', () => {
  const SPEC: QuerySpec = {
    version: 1,
    source: { kind: 'table', name: 'Sales' },
    derived: [{ kind: 'datePart', name: 'Year', field: 'Date', part: 'year' }],
    rows: ['Region'],
    columns: ['Year'],
    measures: [
      { id: 'rev', label: 'Revenue', kind: 'sum', field: 'Revenue' },
      { id: 'med', label: 'Median revenue', kind: 'median', field: 'Revenue' },
      { id: 'n', label: 'Customers listed', kind: 'count', field: 'Customer' },
    ],
  };
  const aggregate = [sum, median, counta];
  const measureColumn = [COL.revenue, COL.revenue, COL.customer];

  async function withFlat() {
    const sim = newWorkbook();
    const r = await insertQuery({ run: sim.run }, emptyDocument(), { label: 'Revenue table', spec: SPEC, layout: 'table', target: { kind: 'newSheet', sheet: 'Flat' } });
    expect(r.outcome.status).toBe('written');
    await save(sim, r.document);
    const services = createServices({ run: sim.run, canReadDataSource: true });
    return { sim, services };
  }

  it('every cell of every row drills to the rows of its region and year; the measure over them is the cell', async () => {
    const { sim, services } = await withFlat();
    const flat = sim.toModel().sheets.find((s) => s.name === 'Flat')!;
    const height = Math.max(...Object.keys(flat.cells).map((k) => Number(k.split(',')[0]))) + 1;
    expect(await values(sim, 'Flat', 'A1:E1')).toEqual([['Region', 'Year', 'Revenue', 'Median revenue', 'Customers listed']]);
    const body = await values(sim, 'Flat', `A2:E${height}`);
    // Groups the plain loop finds: one flat row each (empty (region, year) pairs are not written).
    const groups = new Set(ROWS.map((r) => `${String(r[COL.region]).toLowerCase()}|${yearOf(r[COL.date])}`));
    expect(body.length).toBe(groups.size);
    let drills = 0;
    for (const [i, row] of body.entries()) {
      const [region, year] = row;
      const want = ROWS.filter((r) => sameItem(r[COL.region], region) && sameItem(yearOf(r[COL.date]), year));
      expect(want.length).toBeGreaterThan(0);
      for (let c = 0; c < 5; c++) {
        sim.select('Flat', cellAddress(i + 1, c));
        const outcome = await services.showRows();
        expect(outcome.status, JSON.stringify(outcome)).toBe('written');
        if (outcome.status !== 'written') continue;
        drills++;
        expect(outcome.total).toBe(want.length);
        const got = await tableBody(sim, `ShowRows_${drills}`);
        expect(sourcePart(got)).toEqual(sourcePart(want));
        // A key cell drills the row's first number; a measure cell its own.
        const m = Math.max(0, c - 2);
        const expected = aggregate[m](want.map((r) => r[measureColumn[m]]));
        expect(close(expected, row[2 + m]), `row ${i} column ${c}: ${String(expected)} vs ${String(row[2 + m])}`).toBe(true);
      }
    }
    expect(drills).toBe(body.length * 5);
  });

  it('still drills after the user sorts the table (rows are matched by their keys); a changed source is refused as out of date', async () => {
    const { sim, services } = await withFlat();
    const body = await values(sim, 'Flat', 'A2:E3');
    // The user sorts: the first two body rows swap places.
    await sim.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Flat').getRange('A2:E3').values = [body[1], body[0]];
      await ctx.sync();
    });
    sim.select('Flat', 'C2');
    const swapped = await services.showRows();
    const want = ROWS.filter((r) => sameItem(r[COL.region], body[1][0]) && sameItem(yearOf(r[COL.date]), body[1][1]));
    expect(swapped).toMatchObject({ status: 'written', total: want.length });
    expect(sum((await tableBody(sim, 'ShowRows_1')).map((r) => r[COL.revenue]))).toBe(body[1][2]);
    // The header and a cell beside the table are no number of the query.
    sim.select('Flat', 'C1');
    expect(await services.showRows()).toMatchObject({ status: 'refused', message: expect.stringMatching(/heading of "Revenue table"/) });
    // The source changes under the table: the numbers shown are no longer what the rows give.
    await sim.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Data').getRange('E3').values = [[1000]];
      await ctx.sync();
    });
    const changedRow = ROWS[1];
    const rowOnSheet = (await values(sim, 'Flat', 'A2:B40'))
      .findIndex((r) => sameItem(r[0], changedRow[COL.region]) && sameItem(r[1], yearOf(changedRow[COL.date])));
    expect(rowOnSheet).toBeGreaterThanOrEqual(0);
    sim.select('Flat', cellAddress(rowOnSheet + 1, 2));
    expect(await services.showRows()).toMatchObject({ status: 'refused', message: expect.stringMatching(/out of date.*Refresh the query/) });
  });
});

describe('Show rows on a dashboard', () => {
  const source = { kind: 'table' as const, name: 'Sales' };
  const sumRevenue = { id: 'rev', label: 'Revenue', kind: 'sum' as const, field: 'Revenue' };
  const TILES: Tile[] = [
    { version: 1, id: 'head', title: 'Sales board', kind: 'header', at: { row: 0, col: 0, rows: 3, cols: 8 }, parameters: [{ id: 'p_region', label: 'Region', kind: 'list', field: 'Region' }] },
    { version: 1, id: 'total', title: 'Revenue', kind: 'kpi', at: { row: 3, col: 0, rows: 3, cols: 2 }, source, measure: sumRevenue, filters: [{ kind: 'compare', field: 'Revenue', op: '>', value: -5 }] },
    { version: 1, id: 'yoy', title: 'Median this year', kind: 'kpi', at: { row: 3, col: 2, rows: 4, cols: 2 }, source, measure: { id: 'med', label: 'Median', kind: 'median', field: 'Revenue' }, comparison: { kind: 'previousPeriod', dateField: 'Date', period: 'year' } },
    {
      version: 1, id: 'bycat', title: 'By category', kind: 'table', at: { row: 7, col: 0, rows: 8, cols: 4 }, source,
      rows: [{ field: 'Category' }], measures: [sumRevenue, { id: 'cust', label: 'Customers', kind: 'distinctCount', field: 'Customer' }],
    },
    { version: 1, id: 'trend', title: 'Revenue by year', kind: 'chart', chartType: 'column', at: { row: 7, col: 4, rows: 8, cols: 4 }, source, category: { field: 'Date', by: 'year' }, series: 'Category', measures: [sumRevenue] },
  ];
  /** The parameter cell of Region: the header's second row, second column. */
  const PARAMETER = 'B2';
  const west = (r: CellValue[]) => sameItem(r[COL.region], 'West');

  async function withDashboard(choice: string) {
    const sim = newWorkbook();
    const created = await createDashboard({ run: sim.run }, emptyDocument(), { label: 'Sales board', tiles: TILES });
    expect(created.outcome.status).toBe('written');
    const sheetName = created.outcome.sheet!;
    await sim.run(async (ctx) => {
      ctx.workbook.worksheets.getItem(sheetName).getRange(PARAMETER).values = [[choice]];
      await ctx.sync();
    });
    const refreshed = await refreshDashboard({ run: sim.run }, created.document, created.id);
    expect(refreshed.outcome.status).toBe('written');
    await save(sim, refreshed.document);
    return { sim, sheetName, id: created.id, services: createServices({ run: sim.run, canReadDataSource: true }) };
  }

  it('a KPI card: the rows of the chosen region (and the tile\'s own filter), summed to the card\'s number', async () => {
    const { sim, sheetName, services } = await withDashboard('West');
    const [[shown]] = await values(sim, sheetName, 'A5');
    const want = ROWS.filter((r) => west(r) && typeof r[COL.revenue] === 'number' && (r[COL.revenue] as number) > -5);
    expect(shown).toBe(sum(want.map((r) => r[COL.revenue])));
    sim.select(sheetName, 'A5');
    const outcome = await services.showRows();
    expect(outcome).toMatchObject({
      status: 'written', total: want.length, formula: '=SUM(ShowRows_1[[Revenue]])',
      words: 'All rows · Dashboard choices: Region = West · and the tile\'s own filters (Revenue > -5)',
    });
    expect(sourcePart(await tableBody(sim, 'ShowRows_1'))).toEqual(sourcePart(want));
    // Dates keep the source's format on the rows sheet (not bare serial numbers).
    const formats = await sim.run(async (ctx) => {
      const r = ctx.workbook.tables.getItem('ShowRows_1').getDataBodyRange().getRow(0).load('numberFormat');
      await ctx.sync();
      return r.numberFormat[0] as string[];
    });
    expect(formats[COL.date]).toBe('yyyy-mm-dd');
    expect(formats[COL.revenue]).toBe('General');
    // The card's title is not its number.
    sim.select(sheetName, 'A4');
    expect(await services.showRows()).toMatchObject({ status: 'refused', message: expect.stringMatching(/Select the number of the KPI "Revenue"/) });
  });

  it('a KPI comparing years: the rows of the current year under the choice; MEDIAN over them is the card', async () => {
    const { sim, sheetName, services } = await withDashboard('West');
    const [[shown]] = await values(sim, sheetName, 'C5');
    let latest = -Infinity;
    for (const r of ROWS) if (west(r) && typeof r[COL.date] === 'number') latest = Math.max(latest, yearOf(r[COL.date])!);
    const want = ROWS.filter((r) => west(r) && yearOf(r[COL.date]) === latest);
    expect(shown).toBe(median(want.map((r) => r[COL.revenue])));
    sim.select(sheetName, 'C5');
    const outcome = await services.showRows();
    expect(outcome).toMatchObject({ status: 'written', total: want.length, formula: '=MEDIAN(ShowRows_1[[Revenue]])', words: `Date (year) = ${latest} · Dashboard choices: Region = West` });
    expect(sourcePart(await tableBody(sim, 'ShowRows_1'))).toEqual(sourcePart(want));
  });

  it('every cell of every table tile row (Total included) drills to its category\'s rows under the choice', async () => {
    const { sim, sheetName, services } = await withDashboard('West');
    // Tile at A8:D15: title row 8, header row 9, rows from 10; the label column spans A:B.
    expect((await values(sim, sheetName, 'A9:D9'))[0]).toEqual(['Category', '', 'Revenue', 'Customers']);
    const body = (await values(sim, sheetName, 'A10:D15')).filter((r) => r[0] !== '');
    const westRows = ROWS.filter(west);
    const categories = new Set(westRows.map((r) => String(r[COL.category]).toLowerCase()));
    expect(body.length).toBe(categories.size + 1);
    expect(body[body.length - 1][0]).toBe('Total');
    let drills = 0;
    for (const [i, row] of body.entries()) {
      const label = row[0];
      const want = label === 'Total' ? westRows : westRows.filter((r) => sameItem(r[COL.category], label === '(blank)' ? '' : label));
      expect(close(sum(want.map((r) => r[COL.revenue])), row[2])).toBe(true);
      expect(distinctCount(want.map((r) => r[COL.customer]))).toBe(row[3]);
      for (const column of [0, 1, 2, 3]) {
        sim.select(sheetName, cellAddress(9 + i, column));
        const outcome = await services.showRows();
        expect(outcome.status, JSON.stringify(outcome)).toBe('written');
        drills++;
        expect(outcome).toMatchObject({ total: want.length });
        expect(sourcePart(await tableBody(sim, `ShowRows_${drills}`))).toEqual(sourcePart(want));
        if (outcome.status === 'written') {
          expect(outcome.words).toMatch(/Dashboard choices: Region = West$/);
          expect(outcome.formula).toBe(column === 3 ? `=IFERROR(ROWS(UNIQUE(FILTER(ShowRows_${drills}[[Customer]],ShowRows_${drills}[[Customer]]<>""))),0)` : `=SUM(ShowRows_${drills}[[Revenue]])`);
        }
      }
    }
    sim.select(sheetName, 'C9');
    expect(await services.showRows()).toMatchObject({ status: 'refused', message: expect.stringMatching(/heading of "By category"/) });
  });

  it('every data point of a chart, through its data area, drills to its year and series under the choice', async () => {
    const { sim, sheetName, id, services } = await withDashboard('West');
    const area = await sim.run(async (ctx) => {
      const r = ctx.workbook.names.getItem(`PivotDeck_dash_${id}_trend_data`).getRange().load('rowIndex, columnIndex, rowCount, columnCount, values');
      await ctx.sync();
      return { row: r.rowIndex, column: r.columnIndex, values: r.values as CellValue[][] };
    });
    const [, header, ...points] = area.values;
    const westRows = ROWS.filter(west);
    const seriesNames = header.slice(1).filter((s) => s !== '');
    expect(seriesNames.length).toBe(new Set(westRows.map((r) => String(r[COL.category]).toLowerCase())).size);
    let drills = 0;
    for (const [i, point] of points.entries()) {
      for (const [s, name] of seriesNames.entries()) {
        const shown = point[1 + s];
        const want = westRows.filter((r) => String(yearOf(r[COL.date]) ?? '(blank)') === point[0] && sameItem(r[COL.category], name === '(blank)' ? '' : name));
        sim.select(sheetName, cellAddress(area.row + 2 + i, area.column + 1 + s));
        const outcome = await services.showRows();
        if (shown === '') {
          // No rows for this year and series: the chart shows a gap, and Show rows lists none.
          expect(want).toEqual([]);
        }
        expect(outcome.status, JSON.stringify(outcome)).toBe('written');
        drills++;
        expect(outcome).toMatchObject({ total: want.length });
        // An Excel table keeps one row even when empty: a blank one.
        expect(sourcePart(await tableBody(sim, `ShowRows_${drills}`))).toEqual(want.length ? sourcePart(want) : [['', '', '', '', '']]);
        if (shown !== '') expect(close(sum(want.map((r) => r[COL.revenue])), shown)).toBe(true);
      }
    }
    expect(drills).toBe(points.length * seriesNames.length);
    // On the chart itself: Excel does not say which point is selected, so the message points at the data.
    sim.select(sheetName, 'F12');
    expect(await services.showRows()).toMatchObject({ status: 'refused', message: expect.stringMatching(/which point of a chart.*data \(the cells from column [A-Z]+ on\)/) });
  });

  it('a choice changed without a refresh: the card no longer matches its rows, so Show rows says to refresh', async () => {
    const { sim, sheetName, services } = await withDashboard('West');
    await sim.run(async (ctx) => {
      ctx.workbook.worksheets.getItem(sheetName).getRange(PARAMETER).values = [['Nörd']];
      await ctx.sync();
    });
    sim.select(sheetName, 'A5');
    expect(await services.showRows()).toMatchObject({ status: 'refused', message: expect.stringMatching(/dashboard "Sales board" is out of date.*Refresh the dashboard/) });
  });
});

describe('Show rows on a table tile whose rows do not fit', () => {
  it('the "… and N more" row is refused with a message; the rows above it drill', async () => {
    const sim = newWorkbook();
    const tiles: Tile[] = [{
      version: 1, id: 'cust', title: 'By customer', kind: 'table', at: { row: 0, col: 0, rows: 4, cols: 3 }, source: { kind: 'table', name: 'Sales' },
      rows: [{ field: 'Customer' }], measures: [{ id: 'rev', label: 'Revenue', kind: 'sum', field: 'Revenue' }],
    }];
    const created = await createDashboard({ run: sim.run }, emptyDocument(), { label: 'Small', tiles });
    expect(created.outcome.status).toBe('written');
    await save(sim, created.document);
    const services = createServices({ run: sim.run, canReadDataSource: true });
    const sheetName = created.outcome.sheet!;
    // Room for two body rows (A3:A4): the first customer, then "… and N more".
    const [[first], [more]] = await values(sim, sheetName, 'A3:A4');
    expect(String(more)).toMatch(/^… and \d+ more$/);
    sim.select(sheetName, 'A4');
    expect(await services.showRows()).toMatchObject({ status: 'refused', message: expect.stringMatching(/do not fit in the tile. Make the tile taller/) });
    sim.select(sheetName, 'C3');
    const want = ROWS.filter((r) => sameItem(r[COL.customer], first === '(blank)' ? '' : first));
    expect(await services.showRows()).toMatchObject({ status: 'written', total: want.length });
    expect(sourcePart(await tableBody(sim, 'ShowRows_1'))).toEqual(sourcePart(want));
  });
});
