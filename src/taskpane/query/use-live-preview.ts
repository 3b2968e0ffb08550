import { useEffect, useState, type MutableRefObject } from 'react';
import { gridToCells, type QuerySpec } from '../../engine';
import type { CellValue } from '../../excel/api';
import { computeQueryInThread, type QueryComputer, type SourceData } from '../../refresh/queries';
import { sourceRefKey } from '../../engine/spec';
import { warehouseChoice } from '../warehouse/builder-source';
import { webChoice } from './web-source-choice';

/** Rows of the result the preview shows. */
export const PREVIEW_ROWS = 12;
/** Quiet time after the last edit before the preview recomputes. */
export const PREVIEW_DELAY_MS = 300;

export type PreviewState =
  | { status: 'empty' }
  | { status: 'computing' }
  | { status: 'ready'; header: number; values: CellValue[][]; formats: string[][]; totalRows: number; sourceRows: number; keptRows: number }
  | { status: 'error'; message: string };

/**
 * The first rows of the result as the user edits: recomputed after a quiet spell; an edit while
 * a preview computes cancels it (AbortController) and a late answer from a superseded run is
 * dropped (generation counter), so the preview always matches the latest draft. With the pane's
 * worker computer, cancelling terminates the superseded run's worker.
 */
export function useLivePreview(
  spec: QuerySpec | undefined,
  layout: 'grid' | 'table',
  sourceData: MutableRefObject<{ table: string; promise: Promise<SourceData> } | undefined>,
  compute: QueryComputer = computeQueryInThread,
  /** Goes up when the source's rows were read again (a refresh): the preview recomputes. */
  sourceVersion = 0,
): PreviewState {
  const [state, setState] = useState<PreviewState>({ status: 'empty' });
  const key = spec ? JSON.stringify([spec, layout]) : '';
  useEffect(() => {
    if (!spec) { setState({ status: 'empty' }); return undefined; }
    const controller = new AbortController();
    setState((s) => (s.status === 'ready' ? s : { status: 'computing' }));
    const timer = setTimeout(() => {
      void (async () => {
        try {
          const pending = sourceData.current;
          // The chosen source: a table by name, a warehouse source by its dropdown choice.
          const chosen = spec.source.kind === 'table' ? spec.source.name
            : spec.source.kind === 'source' ? (pending?.table === webChoice(spec.source.id) ? pending.table : warehouseChoice(spec.source.id)) : undefined;
          if (!pending || pending.table !== chosen) return;
          const data = await pending.promise;
          controller.signal.throwIfAborted();
          setState({ status: 'computing' });
          const result = await compute(
            { spec, sources: { [sourceRefKey(spec.source)]: data }, output: layout === 'grid' ? 'grid' : 'flat' },
            { signal: controller.signal },
          );
          controller.signal.throwIfAborted();
          if (layout === 'grid') {
            const cells = gridToCells(result.grid!);
            setState({
              status: 'ready', header: cells.headerRows,
              values: cells.values.slice(0, PREVIEW_ROWS + cells.headerRows) as CellValue[][],
              formats: cells.numberFormats.slice(0, PREVIEW_ROWS + cells.headerRows),
              totalRows: cells.values.length - cells.headerRows, sourceRows: result.sourceRowCount, keptRows: result.rowCount,
            });
          } else {
            const flat = result.flat!;
            setState({
              status: 'ready', header: 1,
              values: [flat.header, ...flat.rows.slice(0, PREVIEW_ROWS)] as CellValue[][],
              formats: [flat.header.map(() => 'General'), ...flat.rows.slice(0, PREVIEW_ROWS).map(() => flat.numberFormats)],
              totalRows: flat.rows.length, sourceRows: result.sourceRowCount, keptRows: result.rowCount,
            });
          }
        } catch (e) {
          if (controller.signal.aborted) return;
          setState({ status: 'error', message: e instanceof Error ? e.message : String(e) });
        }
      })();
    }, PREVIEW_DELAY_MS);
    return () => { clearTimeout(timer); controller.abort(); };
    // `key` stands for spec and layout: a new object with the same content must not restart it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, sourceData, compute, sourceVersion]);
  return state;
}
