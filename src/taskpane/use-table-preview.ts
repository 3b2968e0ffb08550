import { useEffect, useState } from 'react';
import type { PaneHost } from '../excel/host-types';
import type { TablePreview } from '../excel/workbook-info';
import { readPreview } from '../refresh/workbook';

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
    void readPreview(host.run, table, PREVIEW_ROWS).then((read) => {
      if (!current) return;
      setState(read.ok ? { status: 'ready', preview: read.preview } : { status: 'error', table, message: read.message });
    });
    return () => { current = false; };
  }, [host, table, generation]);
  return state;
}
