/**
 * The real PivotDeck task pane, mounted beside the grid exactly as Excel would host it, with a
 * PaneHost backed by the simulator instead of Office.js.
 */
import * as React from 'react';
import type { PaneHost } from '../excel/host-types';
import { renderPane, unmountPane } from '../taskpane/render';
import { usePaneColumnStyles } from './PaneColumn.styles';

export interface PaneColumnProps {
  host: PaneHost;
}

export function PaneColumn({ host }: PaneColumnProps): React.JSX.Element {
  const styles = usePaneColumnStyles();
  const mountRef = React.useRef<HTMLDivElement>(null);

  React.useEffect(() => {
    const mount = mountRef.current;
    if (!mount) return undefined;
    // renderPane owns its own React root inside `mount`.
    renderPane(mount, host);
    return () => {
      // Unmounting another root while this one is committing makes React warn, so defer it.
      setTimeout(() => unmountPane(mount), 0);
    };
  }, [host]);

  return (
    <aside className={styles.root} aria-label="PivotDeck task pane">
      <div className={styles.caption}>Task pane</div>
      <div ref={mountRef} className={styles.mount} data-testid="task-pane" />
    </aside>
  );
}
