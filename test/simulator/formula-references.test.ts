/**
 * The simulator's reference rewriting on its own (calc/adjust-references.ts), case by case, with
 * Excel's documented results written out by hand ("Insert or delete rows and columns": references
 * below a deleted band move up, references into it become #REF!, a range that loses part of its
 * cells shrinks, one that spans an insertion grows; deleting a sheet or a table breaks references
 * to it).
 */
import { describe, expect, it } from 'vitest';
import { adjustAddress, adjustFormula, type ReferenceChange } from '../../src/simulator/calc/adjust-references';
import { tokenizeFormula } from '../../src/simulator/calc/formula-tokens';

const rows = (sheet: string, at: number, count: number): ReferenceChange => ({ kind: 'shift', sheet, axis: 'rows', at, count, span: [0, 16_383] });
const columns = (sheet: string, at: number, count: number): ReferenceChange => ({ kind: 'shift', sheet, axis: 'columns', at, count, span: [0, 1_048_575] });

describe('adjustFormula', () => {
  it.each([
    // [formula on sheet "Data", change, result]
    ['=A10', rows('Data', 2, -3), '=A7'],
    ['=A4', rows('Data', 2, -3), '=#REF!'],
    ['=SUM($B$2:$B$10)', rows('Data', 2, -3), '=SUM($B$2:$B$7)'],
    ['=SUM(B3:B5)', rows('Data', 2, -3), '=SUM(#REF!)'],
    ['=SUM(B2:B10)', rows('Data', 4, 2), '=SUM(B2:B12)'],
    ['=SUM(B5:B10)', rows('Data', 4, 2), '=SUM(B7:B12)'],
    ['=SUM(A:A)', rows('Data', 4, 2), '=SUM(A:A)'],
    ['=C1+D1', columns('Data', 2, -1), '=#REF!+C1'],
    ["='My Data'!A5", rows('My Data', 0, 1), "='My Data'!A6"],
    ['=Other!A5', rows('Data', 0, 1), '=Other!A5'],
    ['="A5"&A5', rows('Data', 0, 1), '="A5"&A6'],
  ])('%s after %o is %s', (formula, change, expected) => {
    expect(adjustFormula(formula, 'Data', change)).toBe(expected);
  });

  it('deleting a table or a sheet breaks references to it; other names and tables are untouched', () => {
    const f = '=SUM(Orders[Amount])+VLOOKUP(1,Orders,2,FALSE)+SUM(Old[x])+Rate';
    expect(adjustFormula(f, 'R', { kind: 'deleteTable', table: 'orders' })).toBe('=SUM(#REF!)+VLOOKUP(1,#REF!,2,FALSE)+SUM(Old[x])+Rate');
    expect(adjustFormula("=SUM('Q 1'!A1:A3)+Data!B2", 'R', { kind: 'deleteSheet', sheet: 'q 1' })).toBe('=SUM(#REF!)+Data!B2');
    expect(adjustFormula('=SUM(Orders[Amount])', 'R', { kind: 'renameTable', from: 'Orders', to: 'Sales' })).toBe('=SUM(Sales[Amount])');
    expect(adjustFormula('=SUM(Orders[[#All],[Units]])+SUM(Orders[Amount])', 'R', { kind: 'deleteTableColumn', table: 'Orders', column: 'units' })).toBe('=SUM(#REF!)+SUM(Orders[Amount])');
    expect(adjustAddress('Data!$B$2:$B$9', { kind: 'deleteSheet', sheet: 'Data' })).toBe('#REF!');
  });

  it('reads the parts it owns and keeps the rest verbatim', () => {
    expect(tokenizeFormula('=LOG10(A1)+Q1!B2+[@Units]*"x[y]"').map((p) => p.t)).toEqual(['text', 'ref', 'text', 'ref', 'text', 'struct', 'text']);
  });
});
