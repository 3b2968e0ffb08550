import { describe, expect, it } from 'vitest';
import { formulaAliases, formulaProblems } from '../../src/taskpane/extend/formula-feedback';

const FIELDS = ['Region', 'Customer', 'Channel', 'Units', 'Revenue', 'Cost'];

describe('inline formula feedback in the measure editor', () => {
  it('accepts the three documented custom measures', () => {
    expect(formulaProblems('SUM([Revenue]) / SUM([Units])', FIELDS)).toEqual([]);
    expect(formulaProblems('MEDIAN([Revenue]) - MEDIAN([Cost])', FIELDS)).toEqual([]);
    expect(formulaProblems('COUNTDISTINCT(IF([Channel]="Online", [Customer]))', FIELDS)).toEqual([]);
  });

  it('points at an unknown function and an unknown field', () => {
    expect(formulaProblems('MEDIN([Revenue])', FIELDS)).toEqual(['Unknown function MEDIN at 1:1 — did you mean MEDIAN?']);
    const [field] = formulaProblems('SUM([Revnue])', FIELDS);
    expect(field).toMatch(/Unknown field .*Revnue.* at 1:5/);
    expect(field).toMatch(/Revenue/);
  });

  it('asks for a formula when the box is empty', () => {
    expect(formulaProblems('  ', FIELDS)).toEqual(['Type a formula, e.g. SUM([Revenue]) / SUM([Units]).']);
  });

  it('accepts DAX names that compute the same and says once what they are read as', () => {
    expect(formulaProblems('DISTINCTCOUNTNOBLANK([Customer]) / COUNTROWS()', FIELDS)).toEqual([]);
    expect(formulaAliases('DISTINCTCOUNTNOBLANK([Customer]) / distinctcountnoblank([Region]) / COUNTROWS()')).toEqual({
      text: 'COUNTDISTINCT([Customer]) / COUNTDISTINCT([Region]) / COUNTA(1)',
      notes: ['DISTINCTCOUNTNOBLANK is read as COUNTDISTINCT', 'COUNTROWS() is read as COUNTA(1), which counts every row'],
    });
    expect(formulaProblems('DISTINCTCOUNT([Customer])', FIELDS)[0]).toMatch(/use COUNTDISTINCT\(\[Customer\]\)/);
  });
});
