/**
 * The workbench page: a simulated workbook (formula bar, grid, sheet tabs) on the left and the
 * real task pane on the right, both driven by the same simulator.
 */
import * as React from 'react';
import { FormulaBar } from './FormulaBar';
import { PaneColumn } from './PaneColumn';
import { SheetGrid } from './SheetGrid';
import { SheetTabs } from './SheetTabs';
import { onStandInRender } from './stand-in-timing';
import { Toolbar } from './Toolbar';
import { useSimulatorVersion } from './use-simulator-version';
import { useWorkbenchGlobalStyles, useWorkbenchStyles } from './Workbench.styles';
import type { WorkbenchSession } from './session';

export interface WorkbenchProps {
  session: WorkbenchSession;
}

export function Workbench({ session }: WorkbenchProps): React.JSX.Element {
  useWorkbenchGlobalStyles();
  const styles = useWorkbenchStyles();
  const [generation, setGeneration] = React.useState(session.generation());
  React.useEffect(() => session.subscribe(() => setGeneration(session.generation())), [session]);
  const sim = session.simulator();
  const [version, touch] = useSimulatorVersion(sim);
  const [dark, setDark] = React.useState(false);
  const sheet = sim.view.activeSheet();

  const onDarkChange = (value: boolean) => {
    setDark(value);
    session.setDarkTheme(value);
  };
  const onActivate = (name: string) => {
    sim.activate(name);
    touch();
  };

  // The Profiler times the stand-in's own renders for the pane bench (stand-in-timing.ts); the
  // pane inside PaneColumn is a React root of its own and is not part of them.
  return (
    <React.Profiler id="workbench" onRender={onStandInRender}>
      <div className={styles.root}>
        <Toolbar session={session} dark={dark} onDarkChange={onDarkChange} />
        <div className={styles.main}>
          <main className={styles.sheetArea} aria-label="Simulated workbook">
            <FormulaBar sim={sim} sheet={sheet} version={version} onSelect={touch} />
            <SheetGrid key={`${generation}:${sheet}`} sim={sim} sheet={sheet} version={version} onSelect={touch} />
            <SheetTabs sheets={sim.view.sheetNames()} active={sheet} onActivate={onActivate} tabColor={(name) => sim.view.sheetOptions?.(name).tabColor ?? ''} />
          </main>
          {/* A new workbook gets a fresh pane, as reopening a file in Excel reloads the add-in. */}
          <PaneColumn key={generation} host={session.paneHost} />
        </div>
      </div>
    </React.Profiler>
  );
}
