/**
 * Query results into Excel: a pivot-style grid or a flat Excel table, tracked by the name
 * `PivotDeck_<queryId>` so refreshes replace exactly what PivotDeck wrote.
 */
export { areaAddress, columnLetters, parseCell, quoteSheet, uniqueSheetName, MAX_SHEET_COLUMNS, MAX_SHEET_ROWS, type SheetArea } from './block-address';
export { locateTable, type TableLocation } from './locate-table';
export { findQueryOutput, type TrackedOutput } from './find-query-output';
export { BAND_FILL, HEADER_FILL, TABLE_STYLE, flatBlock, gridBlock, tableHeader, type OutputBlock, type OutputLayout, type Span } from './output-block';
export { QueryOutputError, queryOutputName, type QueryOutputErrorCode } from './query-output-error';
export { removeQueryOutput } from './remove-query-output';
export { writeQueryOutput, type OutputTarget, type QueryOutputWrite, type WriteQueryOutputOptions } from './write-query-output';
