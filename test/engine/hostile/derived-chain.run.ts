/**
 * Run in its own process by hostile-input.test.ts: 29 derived fields that each double a text.
 * Before the per-value cap this exhausted memory; now values past Excel's 32,767 characters are
 * #VALUE! and the query finishes. Prints the flat result as JSON.
 */
import { executeQuery, tableFromExcelValues } from '../../../src/engine';
import { CHAIN_ROWS, chainText } from './inputs';

const rows = Array.from({ length: CHAIN_ROWS }, (_, i) => [`G${i % 3}`, chainText(i)]);
const { table } = tableFromExcelValues(['Group', 'Text'], rows);
const derived = [{ kind: 'formula', name: 'd1', formula: '[Text] & [Text]' }];
for (let k = 2; k <= 29; k++) derived.push({ kind: 'formula', name: `d${k}`, formula: `[d${k - 1}] & [d${k - 1}]` });
const result = executeQuery(
  {
    version: 1,
    source: { kind: 'table', name: 'T' },
    rows: ['Group'],
    derived,
    measures: [
      { id: 'len11', kind: 'formula', formula: 'MAX(LEN([d11]))' },
      { id: 'errors12', kind: 'formula', formula: 'SUM(IF(ISERROR([d12]), 1, 0))' },
      { id: 'errors29', kind: 'formula', formula: 'SUM(IF(ISERROR([d29]), 1, 0))' },
      { id: 'distinct11', kind: 'formula', formula: 'COUNTDISTINCT([d11])' },
    ],
    totals: { grandTotalRow: false },
  },
  () => table,
  { output: 'flat' },
);
process.stdout.write(JSON.stringify(result.flat!.rows));
