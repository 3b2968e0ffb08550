/**
 * "Try it on sample data" (issue 20, part 3) as a use-case outside React: adds the sample sales
 * table and its PivotTable on a new sheet through the Excel API, and says in plain words what
 * went wrong if Excel refuses. The pane loads this module only when the button is pressed.
 */
import type { ExcelRun } from '../excel/api';
import { explainExcelError } from '../excel/errors';
import { insertSample, type SampleInserted } from '../excel/sample/insert-sample';

export type { SampleInserted };

/**
 * @example const { sheet, pivot } = await addSampleData(host.run);
 */
export async function addSampleData(run: ExcelRun): Promise<SampleInserted> {
  try {
    return await insertSample(run);
  } catch (error) {
    throw new Error(`${explainExcelError(error, 'add the sample data')} Your own sheets were not changed.`, { cause: error });
  }
}
