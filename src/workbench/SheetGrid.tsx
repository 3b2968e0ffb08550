/**
 * The simulated sheet as a spreadsheet grid: column letters, row numbers, cell text as Excel
 * displays it, the selection. Rows and columns are virtualised so a 20,000-row table scrolls
 * smoothly: only the cells in view (plus a small overscan) exist in the DOM.
 */
import * as React from 'react';
import { mergeClasses, tokens } from '@fluentui/react-components';
import { defaultRangeExtractor, useVirtualizer } from '@tanstack/react-virtual';
import { columnName, formatArea } from '../engine/address/a1';
import {
  cellAlignment, fitColumnWidths, gridExtent, HEADER_HEIGHT, INDENT_WIDTH, MIN_COLUMN_WIDTH, pointsToPixels, ROW_HEADER_WIDTH, ROW_HEIGHT,
} from './grid-geometry';
import { sheetDecorations, type Decoration } from './decorations';
import { ChartFigure } from './charts/ChartFigure';
import { CellDropdown } from './CellDropdown';
import { anchorPixels, type GridMetrics, mergeLayout, rowPixels } from './sheet-layout';
import { cellStyle } from './cell-style';
import { activeCellOf, areaContains, selectedArea } from './selection';
import { useSheetGridStyles } from './SheetGrid.styles';
import type { WorkbenchSimulator } from './workbench-simulator';

export interface SheetGridProps {
  sim: WorkbenchSimulator;
  sheet: string;
  /** Simulator change counter: a new value means cells may have changed. */
  version: number;
  /** Called after the grid changed the selection, in case the simulator does not notify. */
  onSelect(): void;
}

interface Position { row: number; col: number }

/** Room for a classic (non-overlay) scrollbar, which is about 15-17px wide. */
const SCROLLBAR_ALLOWANCE = 18;

export function SheetGrid({ sim, sheet, version, onSelect }: SheetGridProps): React.JSX.Element {
  const styles = useSheetGridStyles();
  const scrollRef = React.useRef<HTMLDivElement>(null);
  // The used range is a scan of the sheet: compute it once per workbook change, not per scroll frame.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `version` is the simulator's change counter
  const used = React.useMemo(() => sim.view.usedSize(sheet), [sim, sheet, version]);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `version` is the simulator's change counter
  const charts = React.useMemo(() => sim.view.charts?.(sheet) ?? [], [sim, sheet, version]);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `version` is the simulator's change counter
  const mergeList = React.useMemo(() => sim.view.merges?.(sheet) ?? [], [sim, sheet, version]);
  const options = sim.view.sheetOptions?.(sheet);
  // Charts float past the data: the grid must reach their far corner too.
  const extent = gridExtent({
    rows: Math.max(used.rows, ...charts.map((c) => c.to.row + 1)),
    columns: Math.max(used.columns, ...charts.map((c) => c.to.column + 1)),
  });

  // Fitted once per sheet and used-range size: a selection change bumps `version` but cannot change
  // widths, and re-fitting reads a few thousand cells. Writes that add rows or columns re-fit.
  // A merged title spreads over its columns, so it does not widen the first one.
  const widths = React.useMemo(() => {
    const merged = mergeLayout(mergeList, { widths: [], columnPoints: () => undefined, rowHeight: () => ROW_HEIGHT, rowPoints: () => undefined });
    const fit = fitColumnWidths((r, c) => (merged.areaAt(r, c) ? { value: '', text: '' } : sim.view.cell(sheet, r, c)), used.rows, used.columns);
    return Array.from({ length: extent.columns }, (_, c) => {
      const stored = pointsToPixels(sim.view.columnWidth(sheet, c));
      // A width the workbook sets is kept, as Excel keeps it; unset columns fit their text.
      return stored ? Math.max(stored, 8) : Math.max(MIN_COLUMN_WIDTH, fit[c] ?? 0);
    });
  }, [sim, sheet, used.rows, used.columns, extent.columns, mergeList]);

  // The virtualiser asks every row's height whenever this function changes (a million calls on
  // the bench's Sales sheet), so it reads a copy of the set heights, and changes only when they
  // do: every simulator sync bumps `version`, and re-measuring a million rows after each one made
  // the grid, not the pane, the slowest thing on the page.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `version` is the simulator's change counter
  const heightsKey = React.useMemo(() => JSON.stringify([...(sim.view.rowHeights?.(sheet) ?? [])]), [sim, sheet, version]);
  const rowHeightPx = React.useMemo(() => {
    const heights = new Map<number, number>(JSON.parse(heightsKey) as Array<[number, number]>);
    return (r: number) => rowPixels(heights.get(r));
  }, [heightsKey]);
  const metrics: GridMetrics = React.useMemo(() => ({
    widths,
    columnPoints: (c) => sim.view.columnWidth(sheet, c),
    rowHeight: rowHeightPx,
    rowPoints: (r) => sim.view.rowHeight?.(sheet, r),
  }), [widths, sim, sheet, rowHeightPx]);
  const merges = React.useMemo(() => mergeLayout(mergeList, metrics), [mergeList, metrics]);

  // Frozen top rows (freezePanes) are always drawn and stay under the column header.
  const frozenRows = Math.min(options?.freeze.rows ?? 0, 50);
  const rangeExtractor = React.useCallback((range: Parameters<typeof defaultRangeExtractor>[0]) => {
    const visible = defaultRangeExtractor(range);
    if (frozenRows === 0) return visible;
    const out = new Set<number>(Array.from({ length: frozenRows }, (_, i) => i));
    for (const i of visible) out.add(i);
    return [...out].sort((a, b) => a - b);
  }, [frozenRows]);

  const rowVirtualizer = useVirtualizer({
    count: extent.rows,
    getScrollElement: () => scrollRef.current,
    estimateSize: rowHeightPx,
    rangeExtractor,
    overscan: 8,
    // The sticky column header sits above row 1: items start below it, and scrolling to a row
    // must not leave it hidden under the header.
    paddingStart: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
    // The measured viewport includes the horizontal scrollbar; keep the last row clear of it.
    scrollPaddingEnd: SCROLLBAR_ALLOWANCE,
  });
  const colVirtualizer = useVirtualizer({
    horizontal: true,
    count: extent.columns,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => widths[i] ?? MIN_COLUMN_WIDTH,
    overscan: 2,
    paddingStart: ROW_HEADER_WIDTH,
    scrollPaddingStart: ROW_HEADER_WIDTH,
    scrollPaddingEnd: SCROLLBAR_ALLOWANCE,
  });
  React.useEffect(() => { colVirtualizer.measure(); }, [widths, colVirtualizer]);
  React.useEffect(() => { rowVirtualizer.measure(); }, [rowHeightPx, rowVirtualizer]);

  // eslint-disable-next-line react-hooks/exhaustive-deps -- `version` covers table/pivot changes
  const decorations = React.useMemo(() => sheetDecorations(sim.view, sheet), [sim, sheet, version]);
  const selection = sim.view.selection();
  const area = selectedArea(selection, sheet);
  // The active cell (the simulator's, so the name box, the pane and the grid agree) is where
  // keyboard moves start and shift-click extends from.
  const activeCell = activeCellOf(selection, sheet);
  const active: Position = { row: activeCell?.row ?? 0, col: activeCell?.column ?? 0 };

  const select = React.useCallback((to: Position, extendFrom?: Position) => {
    const from = extendFrom ?? to;
    const address = formatArea({
      row: Math.min(from.row, to.row), column: Math.min(from.col, to.col),
      rows: Math.abs(to.row - from.row) + 1, columns: Math.abs(to.col - from.col) + 1,
    });
    // Shift-click keeps the anchor active, as in Excel; a plain click or a key makes `to` active.
    const activeAt = extendFrom ?? to;
    sim.select(sheet, address, formatArea({ row: activeAt.row, column: activeAt.col, rows: 1, columns: 1 }));
    onSelect();
  }, [sim, sheet, onSelect]);

  const onMouseDown = (event: React.MouseEvent<HTMLDivElement>) => {
    const target = (event.target as HTMLElement).closest<HTMLElement>('[data-col]');
    if (!target) return;
    const to = { row: Number(target.dataset.row), col: Number(target.dataset.col) };
    select(to, event.shiftKey ? active : undefined);
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLDivElement>) => {
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 400) / ROW_HEIGHT) - 1);
    const moves: Record<string, Position> = {
      ArrowUp: { row: active.row - 1, col: active.col },
      ArrowDown: { row: active.row + 1, col: active.col },
      ArrowLeft: { row: active.row, col: active.col - 1 },
      ArrowRight: { row: active.row, col: active.col + 1 },
      PageUp: { row: active.row - page, col: active.col },
      PageDown: { row: active.row + page, col: active.col },
      Home: { row: event.ctrlKey ? 0 : active.row, col: 0 },
    };
    // Alt+Down opens a validation list, as in Excel.
    if (event.altKey && event.key === 'ArrowDown') {
      const button = scrollRef.current?.querySelector<HTMLButtonElement>('[data-testid="cell-dropdown"]');
      if (button) {
        event.preventDefault();
        button.click();
        return;
      }
    }
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    const to = {
      row: Math.max(0, Math.min(extent.rows - 1, move.row)),
      col: Math.max(0, Math.min(extent.columns - 1, move.col)),
    };
    select(to);
  };

  // Keep the active cell in view wherever the selection came from: keys, the name box, the pane.
  React.useEffect(() => {
    rowVirtualizer.scrollToIndex(active.row, { align: 'auto' });
    colVirtualizer.scrollToIndex(active.col, { align: 'auto' });
  }, [active.row, active.col, rowVirtualizer, colVirtualizer]);

  const rows = rowVirtualizer.getVirtualItems();
  const cols = colVirtualizer.getVirtualItems();
  // Totals include the paddings, i.e. the row-number column and the column-letter header.
  const width = colVirtualizer.getTotalSize();
  const height = rowVirtualizer.getTotalSize();
  const activeId = `wb-cell-${active.row}-${active.col}`;
  const validation = area ? sim.view.validation?.(sheet, active.row, active.col) : undefined;
  const dropdownItems = validation?.type === 'List' && validation.inCellDropDown ? validation.items : [];
  const pick = (value: string) => {
    const result = sim.setCellAsUser?.(sheet, formatArea({ row: active.row, column: active.col, rows: 1, columns: 1 }), value);
    onSelect();
    return result ?? { ok: true as const };
  };
  const activeRendered = rows.some((r) => r.index === active.row) && cols.some((c) => c.index === active.col);

  return (
    <div
      ref={scrollRef}
      className={styles.scroller}
      role="grid"
      aria-label={`Sheet ${sheet}`}
      aria-rowcount={extent.rows + 1}
      aria-colcount={extent.columns + 1}
      aria-multiselectable
      aria-activedescendant={activeRendered ? activeId : undefined}
      tabIndex={0}
      onMouseDown={onMouseDown}
      onKeyDown={onKeyDown}
      data-testid="sheet-grid"
    >
      <div className={styles.canvas} style={{ width, height }}>
        <div role="row" aria-rowindex={1} className={styles.headerRow} style={{ width }}>
          <div role="columnheader" aria-colindex={1} aria-label="Row numbers" className={styles.corner} />
          {cols.map((c) => (
            <div
              key={c.key}
              role="columnheader"
              aria-colindex={c.index + 2}
              className={mergeClasses(styles.columnHeader, area && c.index >= area.column && c.index < area.column + area.columns ? styles.headerSelected : undefined)}
              style={{ left: c.start, width: c.size }}
            >
              {columnName(c.index)}
            </div>
          ))}
        </div>
        {rows.map((r) => (
          <div
            key={r.key}
            role="row"
            aria-rowindex={r.index + 2}
            className={mergeClasses(styles.row, r.index < frozenRows && styles.frozenRow, r.index === frozenRows - 1 && styles.frozenEdge)}
            // A frozen row moves with the scroll position, so it stays where it is on screen.
            style={{ top: r.index < frozenRows ? r.start + (rowVirtualizer.scrollOffset ?? 0) : r.start, height: r.size, width }}
          >
            <div
              role="rowheader"
              aria-colindex={1}
              className={mergeClasses(styles.rowHeader, area && r.index >= area.row && r.index < area.row + area.rows ? styles.headerSelected : undefined)}
            >
              {r.index + 1}
            </div>
            {cols.map((c) => (merges.covered.has(`${r.index},${c.index}`) ? null : (
              <GridCellView
                key={c.key}
                sim={sim}
                sheet={sheet}
                row={r.index}
                col={c.index}
                left={c.start}
                width={merges.spans.get(`${r.index},${c.index}`)?.width ?? c.size}
                height={merges.spans.get(`${r.index},${c.index}`)?.height}
                gridlines={options?.showGridlines ?? true}
                tallRow={r.size > ROW_HEIGHT}
                selected={areaContains(area, r.index, c.index)}
                active={active.row === r.index && active.col === c.index && area !== null}
                id={`wb-cell-${r.index}-${c.index}`}
                decoration={decorations.at(r.index, c.index)}
                version={version}
                dropdown={dropdownItems.length > 0 && active.row === r.index && active.col === c.index
                  ? <CellDropdown key={`${active.row},${active.col}`} items={dropdownItems} onPick={pick} onClosed={() => scrollRef.current?.focus()} />
                  : undefined}
              />
            )))}
          </div>
        ))}
        {charts.map((chart) => {
          const from = anchorPixels(metrics, chart.from);
          const to = anchorPixels(metrics, chart.to);
          return (
            <ChartFigure key={chart.name} chart={chart} left={from.x} top={from.y} width={Math.max(40, to.x - from.x)} height={Math.max(30, to.y - from.y)} />
          );
        })}
      </div>
    </div>
  );
}

interface GridCellViewProps {
  sim: WorkbenchSimulator;
  sheet: string;
  row: number;
  col: number;
  left: number;
  width: number;
  /** Pixel height of a merged area; undefined = the row's height. */
  height?: number;
  gridlines: boolean;
  /** The row is taller than default: Excel's default bottom alignment shows. */
  tallRow: boolean;
  /** The list-validation dropdown button, on the active cell only. */
  dropdown?: React.ReactNode;
  selected: boolean;
  active: boolean;
  id: string;
  decoration: Decoration;
  /** Simulator change counter: part of the props so a changed workbook re-renders the cell. */
  version: number;
}

/**
 * One cell. Memoised: while scrolling, cells that stay in view keep their props and are not
 * re-rendered, so each frame only reads and draws the rows that scrolled in.
 */
const GridCellView = React.memo(function GridCellView({ sim, sheet, row, col, left, width, height, gridlines, tallRow, selected, active, id, decoration, dropdown }: GridCellViewProps): React.JSX.Element {
  const styles = useSheetGridStyles();
  const cell = sim.view.cell(sheet, row, col);
  const explicit = cell.horizontalAlignment;
  const align = explicit === 'Center' || explicit === 'CenterAcrossSelection' ? 'center'
    : explicit === 'Right' ? 'right' : explicit === 'Left' ? 'left' : cellAlignment(cell.value);
  return (
    <div
      id={id}
      role="gridcell"
      aria-colindex={col + 2}
      aria-selected={selected}
      data-row={row}
      data-col={col}
      className={mergeClasses(
        styles.cell,
        align === 'right' ? styles.alignRight : align === 'center' ? styles.alignCenter : styles.alignLeft,
        decoration && styles[decoration],
        cell.bold && styles.bold,
        cell.italic && styles.italic,
        cell.wrapText && styles.wrap,
        !gridlines && styles.noGridlines,
        height !== undefined && styles.merged,
        selected && !active && styles.inSelection,
        active && styles.activeCell,
      )}
      // Fill and font colours, fonts, borders and indents are workbook data (the user's or the
      // pivot style's formatting), not theme values. The indent adds to the cell's own padding.
      style={{
        left, width, backgroundColor: selected && !active ? undefined : cell.fill, color: cell.fontColor,
        paddingLeft: cell.indent ? `calc(${tokens.spacingHorizontalXS} + ${cell.indent * INDENT_WIDTH}px)` : undefined,
        ...cellStyle(cell, tallRow || height !== undefined),
        ...(height !== undefined ? { height } : {}),
      }}
      title={cell.text.length * 7 > width ? cell.text : undefined}
    >
      {cell.text}
      {dropdown}
    </div>
  );
});
