import { useCallback, useEffect, useState } from 'react';
import type { WorkbenchSimulator } from './workbench-simulator';

/**
 * Re-renders the caller whenever the simulated workbook changes (cell writes, pivot refresh,
 * selection, active sheet). Returns the change counter, for memo keys, and a `touch` to force a
 * re-render after the page itself changed the simulator (in case it does not notify for that).
 * @example
 * const [version, touch] = useSimulatorVersion(sim);
 */
export function useSimulatorVersion(sim: WorkbenchSimulator): [number, () => void] {
  const [version, setVersion] = useState(0);
  const touch = useCallback(() => setVersion((v) => v + 1), []);
  useEffect(() => sim.subscribe(touch), [sim, touch]);
  return [version, touch];
}
