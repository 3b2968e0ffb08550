/**
 * How many Sales rows the workbench's sample holds: 20,000 unless the page's address asks for
 * another size with `?salesRows=N` (the pane bench seeds a million rows this way; people can too,
 * to feel the pane on a big table). Out-of-range or unreadable sizes fall back to the default.
 */

/** The default sample size, and the largest one the page accepts (a browser tab's memory). */
export const DEFAULT_SALES_ROWS = 20_000;
export const MAX_SALES_ROWS = 3_000_000;
/**
 * Samples up to this size are built as a workbook model; larger ones are written into the table
 * through the Excel API once the simulator is open (the model's one-object-per-sheet cells stop
 * being enumerable in the browser past about 8 million cells). "Reset sample" on a larger sample
 * reopens its table empty.
 */
export const MODEL_ROWS = 200_000;

/**
 * @example
 * sampleRowsFromUrl('?salesRows=1000000'); // 1000000
 * sampleRowsFromUrl('');                   // 20000
 * sampleRowsFromUrl('?salesRows=lots');    // 20000
 */
export function sampleRowsFromUrl(search: string): number {
  const raw = new URLSearchParams(search).get('salesRows');
  if (raw === null || !/^\d+$/.test(raw)) return DEFAULT_SALES_ROWS;
  const rows = Number(raw);
  return rows >= 1 && rows <= MAX_SALES_ROWS ? rows : DEFAULT_SALES_ROWS;
}
