/**
 * Name box and formula bar above the grid: where the selection is and what the active cell holds.
 * Typing an address into the name box and pressing Enter selects it, as in Excel.
 */
import * as React from 'react';
import { Input } from '@fluentui/react-components';
import { formatArea, splitSheet } from '../engine/address/a1';
import { useFormulaBarStyles } from './FormulaBar.styles';
import { activeCellOf } from './selection';
import type { GridCell, WorkbenchSimulator } from './workbench-simulator';

export interface FormulaBarProps {
  sim: WorkbenchSimulator;
  sheet: string;
  version: number;
  onSelect(): void;
}

/**
 * What Excel's formula bar shows: the formula if there is one, dates as displayed, other
 * numbers without their display format (Excel shows 1234.5, not "$1,234.50") to 15 digits.
 * @example
 * formulaBarText({ value: 12.5, text: '$12.50', numberFormat: '$#,##0.00' }); // "12.5"
 */
export function formulaBarText(cell: GridCell): string {
  if (cell.formula) return cell.formula;
  if (typeof cell.value === 'number') {
    const isDate = /[dmy]/i.test((cell.numberFormat ?? '').replace(/"[^"]*"|\[[^\]]*\]/g, ''));
    // Excel keeps 15 significant digits: a sum stored as 1751906.6299999955 shows as 1751906.63.
    return isDate ? cell.text : String(Number(cell.value.toPrecision(15)));
  }
  if (typeof cell.value === 'boolean') return cell.value ? 'TRUE' : 'FALSE';
  return cell.text;
}

export function FormulaBar({ sim, sheet, version, onSelect }: FormulaBarProps): React.JSX.Element {
  const styles = useFormulaBarStyles();
  const selection = sim.view.selection();
  // Excel's name box and formula bar follow the active cell, not the whole selection.
  const active = activeCellOf(selection, sheet);
  const address = active ? formatArea({ row: active.row, column: active.column, rows: 1, columns: 1 }) : '';
  const [typed, setTyped] = React.useState<string | null>(null);
  // A new selection replaces whatever was half-typed into the name box.
  React.useEffect(() => setTyped(null), [address, selection?.address, version]);
  const text = active ? formulaBarText(sim.view.cell(sheet, active.row, active.column)) : '';

  const go = () => {
    if (typed === null) return;
    const target = splitSheet(typed.trim());
    try {
      sim.select(target.sheet ?? sheet, target.local.toUpperCase());
      onSelect();
    } catch {
      // Excel answers a bad name-box entry with a message box; keeping the old text is enough here.
    }
    setTyped(null);
  };

  return (
    <div className={styles.root}>
      <Input
        className={styles.nameBox}
        size="small"
        aria-label="Name box"
        value={typed ?? address}
        onChange={(_, data) => setTyped(data.value)}
        onKeyDown={(e) => { if (e.key === 'Enter') go(); if (e.key === 'Escape') setTyped(null); }}
        onBlur={() => setTyped(null)}
      />
      <span className={styles.fx} aria-hidden>fx</span>
      <Input className={styles.formula} size="small" aria-label="Formula bar" readOnly value={text} data-testid="formula-bar" />
    </div>
  );
}
