/**
 * The builder's field descriptions (produced by the use-cases in src/refresh/queries) and the
 * words the pane shows for their types.
 */
import type { FieldType } from '../../refresh/queries';

export { describeFields, type FieldInfo, type FieldType } from '../../refresh/queries';

/** Words for the type badge. */
export const FIELD_TYPE_LABEL: Record<FieldType, string> = {
  number: 'Number', date: 'Date', text: 'Text', logical: 'TRUE/FALSE', mixed: 'Mixed', empty: 'Empty',
};
