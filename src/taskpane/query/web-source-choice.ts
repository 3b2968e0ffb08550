/**
 * Web sources kept out of the sheet as query sources in the builder ("don't land raw rows"):
 * their dropdown choice, their field list (from the pulled rows and the column types recorded at
 * the last check), and the pull queries use.
 */
import type { SourceDefinition } from '../../model';
import { keptOutOfSheet } from '../../refresh/queries/web-source-data';
import { isWebSource } from '../../refresh/sources';

const PREFIX = 'web:';

/**
 * The dropdown value of a web source (table names cannot contain ":", so it never clashes).
 * @example webChoice('orders') // 'web:orders'
 */
export const webChoice = (sourceId: string): string => `${PREFIX}${sourceId}`;

/**
 * The source id of a web choice, or undefined for anything else.
 * @example webIdOf('web:orders') // 'orders'
 */
export function webIdOf(choice: string | undefined): string | undefined {
  return choice?.startsWith(PREFIX) ? choice.slice(PREFIX.length) : undefined;
}

/** The workbook's web sources kept out of the sheet (queries pull them directly). */
export function keptWebSources(sources: readonly SourceDefinition[] | undefined): SourceDefinition[] {
  return (sources ?? []).filter((s) => isWebSource(s.kind) && keptOutOfSheet(s));
}

export { webFieldList } from '../../refresh/queries';
