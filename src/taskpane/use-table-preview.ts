import { useEffect, useState } from 'react';
import { explainExcelError } from '../excel/errors';
import type { PaneHost } from '../excel/host-types';
import { readTablePreview } from '../excel/read-table-preview';
import type { TablePreview } from '../excel/workbook-info';

/** Rows shown in a table preview (plus the header). */
export const PREVIEW_ROWS = 50;

export type PreviewState =
  | { status: 'idle' }
  | { status: 'loading'; table: string }
  | { status: 'ready'; preview: TablePreview }
  | { status: 'error'; table: string; message: string };

/** Reads the first rows of `table` whenever it or `generation` (lists reloaded, a refresh recorded) changes. */
export function useTablePreview(host: PaneHost, table: string | undefined, generation: number): PreviewState {
  const [state, setState] = useState<PreviewState>({ status: 'idle' });
  useEffect(() => {
    if (!table) {
      setState({ status: 'idle' });
      return;
    }
    let current = true;
    // Re-reading the same table (after a refresh) keeps its rows on screen until the new ones come.
    setState((s) => (s.status === 'ready' && s.preview.table === table ? s : { status: 'loading', table }));
    readTablePreview(host.run, table, PREVIEW_ROWS).then(
      (preview) => { if (current) setState({ status: 'ready', preview }); },
      (error: unknown) => {
        if (current) setState({ status: 'error', table, message: explainExcelError(error, `read table "${table}"`) });
      },
    );
    return () => { current = false; };
  }, [host, table, generation]);
  return state;
}
