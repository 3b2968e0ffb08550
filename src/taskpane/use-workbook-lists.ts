import { useCallback, useEffect, useRef, useState } from 'react';
import type { PaneHost } from '../excel/host-types';
import { loadLists, type WorkbookLists } from '../refresh/workbook';

export interface WorkbookListsState {
  /** Undefined until the first load finishes. */
  lists: WorkbookLists | undefined;
  refreshing: boolean;
  /** Increases after every finished load; previews reload when it changes. */
  generation: number;
  refresh(): void;
}

/**
 * Loads the tables and pivots on mount and on `refresh()`. Keeps showing the previous lists while
 * a refresh runs, and drops answers that arrive after a newer request or after unmount.
 */
export function useWorkbookLists(host: PaneHost): WorkbookListsState {
  const [lists, setLists] = useState<WorkbookLists | undefined>(undefined);
  const [refreshing, setRefreshing] = useState(true);
  const [generation, setGeneration] = useState(0);
  const latest = useRef(0);

  const refresh = useCallback(() => {
    const request = ++latest.current;
    setRefreshing(true);
    void loadLists(host).then((result) => {
      if (request !== latest.current) return;
      setLists(result);
      setRefreshing(false);
      setGeneration((g) => g + 1);
    });
  }, [host]);

  useEffect(() => {
    refresh();
    // Invalidate in-flight loads when the host changes or the pane unmounts.
    const requests = latest;
    return () => { requests.current++; };
  }, [refresh]);

  return { lists, refreshing, generation, refresh };
}
