/** Field names holding brackets and apostrophes, through the pane's query builder and the dashboard templates. */
import { describe, expect, it } from 'vitest';
import { buildFromTemplate } from '../../src/dashboards/templates';
import type { KpiTile } from '../../src/dashboards/types';
import { executeQuery, parseFormula, tableFromExcelValues } from '../../src/engine';
import { formulaCompletions, formulaProblems } from '../../src/taskpane/query/formula-help';
import { draftToSpec, EMPTY_DRAFT } from '../../src/taskpane/query/spec-draft';

const HEADER = ['Region', 'Unit [EUR]', "Cost's #"];
const ROWS = [
  ['North', 10, 4],
  ['North', 30, 5],
  ['South', 5, 1],
];

describe('a field named "Unit [EUR]"', () => {
  it('works in a catalogue measure built by the query builder (values by hand)', () => {
    const spec = draftToSpec(
      { kind: 'table', name: 'Sales' },
      {
        ...EMPTY_DRAFT,
        rows: [{ field: 'Region' }],
        measures: [
          { id: 'sum', label: 'Sum', kind: 'sum', field: 'Unit [EUR]' },
          { id: 'p50', label: 'Median', kind: 'percentile', field: 'Unit [EUR]', p: 0.5 },
          { id: 'ratio', label: 'Ratio', kind: 'ratioOfSums', field: 'Unit [EUR]', otherField: "Cost's #" },
        ],
        grandTotals: false,
      },
      HEADER,
    );
    const { table } = tableFromExcelValues(HEADER, ROWS);
    const result = executeQuery(spec, () => table, { output: 'flat' });
    expect(result.flat!.rows).toEqual([
      ['North', 40, 20, 40 / 9],
      ['South', 5, 5, 5 / 1],
    ]);
  });

  it("the formula editor completes it with Excel's escapes, and the completed formula has no problems", () => {
    const [first] = formulaCompletions('SUM([Unit', HEADER);
    expect(first).toMatchObject({ label: '[Unit [EUR]]', text: "SUM([Unit '[EUR']]" });
    expect(formulaProblems(`${first!.text}) / SUM(${formulaCompletions('[Cost', HEADER)[0]!.text})`, HEADER)).toEqual([]);
  });

  it("the monitoring dashboard's margin formula refers to both fields correctly", () => {
    const tiles = buildFromTemplate('monitoring', { kind: 'table', name: 'Sales' }, [
      { name: 'Date', type: 'date' },
      { name: 'Amount [EUR]', type: 'number' },
      { name: "Cost's #", type: 'number' },
    ]);
    const margin = tiles.find((t): t is KpiTile => t.kind === 'kpi' && t.id === 'kpi_margin')!;
    const formula = (margin.measure as { formula: string }).formula;
    const fields: string[] = [];
    const walk = (n: ReturnType<typeof parseFormula>['root']): void => {
      if (n.kind === 'field') fields.push(n.name);
      if (n.kind === 'binary') [n.left, n.right].forEach(walk);
      if (n.kind === 'call') n.args.forEach(walk);
    };
    walk(parseFormula(formula).root);
    expect(fields).toEqual(['Amount [EUR]', "Cost's #", 'Amount [EUR]']);
  });
});
