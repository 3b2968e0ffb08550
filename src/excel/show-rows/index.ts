/** "Show rows" (issue 17): the rows behind a number, written to a new sheet as an Excel table. */
export { capWords, columnReference, HEADER_ROWS, toCell, type ShowRowsContent } from './rows-layout';
export { ShowRowsError } from './show-rows-error';
export { writeShowRows, type ShowRowsOptions, type ShowRowsResult } from './write-show-rows';
export { readPivotColumnLabels } from './read-pivot-column-labels';
