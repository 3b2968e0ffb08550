import type { QueryProgress } from '../../refresh/queries';

/**
 * What a running query is doing, in plain words, and how far along (0..1; undefined when the
 * step cannot say, e.g. while the worker computes).
 *
 * @example progressWords({ phase: 'source', rowsRead: 5000, totalRows: 20000 })
 * // { text: 'Reading the source: 5,000 of 20,000 rows', value: 0.25 }
 */
export function progressWords(progress: QueryProgress | undefined): { text: string; value: number | undefined } {
  if (!progress) return { text: 'Starting…', value: undefined };
  switch (progress.phase) {
    case 'source': {
      const { rowsRead = 0, totalRows } = progress;
      if (progress.where === 'warehouse') return warehouseWords(progress);
      if (!totalRows) return { text: 'Reading the source…', value: undefined };
      return { text: `Reading the source: ${rowsRead.toLocaleString('en-US')} of ${totalRows.toLocaleString('en-US')} rows`, value: Math.min(1, rowsRead / totalRows) };
    }
    case 'compute':
      return {
        text: progress.stage === 'query' ? 'Computing the summary in the background…' : 'Preparing the columns in the background…',
        value: undefined,
      };
    case 'write':
      return { text: 'Writing to Excel…', value: undefined };
  }
}

/** The warehouse computing (rows it has read) or its answer arriving (bytes). */
function warehouseWords({ rowsRead, totalRows, bytesReceived }: QueryProgress): { text: string; value: number | undefined } {
  if (bytesReceived !== undefined) return { text: `Receiving the summary: ${(bytesReceived / 1024).toFixed(1)} kB`, value: undefined };
  if (!rowsRead) return { text: 'The warehouse is computing…', value: undefined };
  const of = totalRows ? ` of ${totalRows.toLocaleString('en-US')}` : '';
  return { text: `The warehouse is computing: ${rowsRead.toLocaleString('en-US')}${of} rows read`, value: totalRows ? Math.min(1, rowsRead / totalRows) : undefined };
}
