/**
 * The query builder's Excel and document reads as use-cases outside React (issue 15 part 6),
 * against the Excel simulator: the dropdown's lists, a table's fields, and the layout a saved
 * query's output has now (which an edit keeps). Expected values are written out by hand.
 */
import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../src/excel/api';
import { emptyDocument, openDocument } from '../../src/model';
import { insertQuery, loadBuilderLists, queryOutputLayout, readTableFields } from '../../src/refresh/queries';
import { createSimulator } from '../../src/simulator';
import { cellsAt, sheet, table, workbook } from '../excel/workbooks';

// Awkward on purpose: accents, -0, a NULL-only column, one row per region, a date with its format.
const ROWS: CellValue[][] = [
  ['Région', 'Jour', 'Montant €', 'Vide'],
  ['Nord', 45292, -0, ''],
  ['Süd', 45293, 12.5, ''],
  ['Ôst', 45294, Number.MAX_SAFE_INTEGER, ''],
];
const formats = (r: number, c: number) => (r > 0 && c === 1 ? 'yyyy-mm-dd' : r > 0 && c === 2 ? '#,##0.00 €' : undefined);
const sim = () => createSimulator(workbook({
  sheets: [sheet('Données', cellsAt(ROWS, 0, 0, formats)), sheet('Other')],
  tables: [table('Ventes', 'Données', 'A1:D4')],
}));

describe('query builder use-cases', () => {
  it('loadBuilderLists reads the tables and opens the document together', async () => {
    const s = sim();
    const lists = await loadBuilderLists(s.run, { open: async () => openDocument(undefined) });
    expect(lists.tables.map((t) => [t.name, t.sheet, t.rowCount])).toEqual([['Ventes', 'Données', 3]]);
    expect(lists.opened.status).toBe('empty');
    expect(lists.opened.document.queries).toEqual([]);
  });

  it('readTableFields types fields from the first rows and reads every row for previews', async () => {
    const s = sim();
    const r = await readTableFields(s.run, 'Ventes');
    expect(r.fields.map((f) => [f.name, f.type, f.numberFormat])).toEqual([
      ['Région', 'text', 'General'], ['Jour', 'date', 'yyyy-mm-dd'], ['Montant €', 'number', '#,##0.00 €'], ['Vide', 'empty', 'General'],
    ]);
    expect(r.totalRows).toBe(3);
    const data = await r.data;
    expect(data.header).toEqual(['Région', 'Jour', 'Montant €', 'Vide']);
    expect(data.rows.map((row) => row[0])).toEqual(['Nord', 'Süd', 'Ôst']);
  });

  it('readTableFields rejects for a table that is gone, and its background read does not go unhandled', async () => {
    await expect(readTableFields(sim().run, 'Gone')).rejects.toThrow();
  });

  it('queryOutputLayout says how a saved query was written, and "grid" when it has no output', async () => {
    const s = sim();
    const spec = { version: 1 as const, source: { kind: 'table' as const, name: 'Ventes' }, rows: ['Région'], measures: [{ id: 'm', kind: 'sum' as const, field: 'Montant €' }] };
    const asTable = await insertQuery({ run: s.run }, emptyDocument(), { label: 'Par région', spec, layout: 'table', target: { kind: 'newSheet', sheet: 'Par région' } });
    expect(asTable.outcome.status).toBe('written');
    const asGrid = await insertQuery({ run: s.run }, asTable.document, { label: 'Grille', spec, layout: 'grid', target: { kind: 'newSheet', sheet: 'Grille' } });
    expect(asGrid.outcome.status).toBe('written');
    expect(await queryOutputLayout(s.run, asTable.id)).toBe('table');
    expect(await queryOutputLayout(s.run, asGrid.id)).toBe('grid');
    expect(await queryOutputLayout(s.run, 'q_never_written')).toBe('grid');
  });
});
