/**
 * The pivot source's fields as the extension's field list shows them: name, type (number, date,
 * text…), sample values and number format, from the source's first rows (one sync).
 */
import type { PivotSnapshot } from '../../engine/pivot-extension';
import { readSourceSample } from '../../excel/pivot/read-source-sample';
import type { ExtendDeps } from '../extend-pivot';
import { describeFields, type FieldInfo } from '../queries/field-info';

/** Rows read to type the fields: enough to see past a few blanks, one small sync. */
const SAMPLE_ROWS = 20;

/**
 * Typed fields of a pivot's source, in source order; blank headers are left out, as the
 * pivot leaves them out.
 *
 * @example const fields = await pivotSourceFields(services.extensions.deps, description.snapshot);
 * fields.find((f) => f.name === 'Revenue')?.type // 'number'
 */
export async function pivotSourceFields(deps: Pick<ExtendDeps, 'run'>, snapshot: Pick<PivotSnapshot, 'name' | 'source'>): Promise<FieldInfo[]> {
  const sample = await readSourceSample(deps.run, snapshot, SAMPLE_ROWS);
  return describeFields(sample.headers, sample.rows, sample.formats).filter((f) => f.name !== '');
}
