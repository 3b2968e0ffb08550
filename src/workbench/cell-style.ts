/**
 * Inline CSS for a cell's own formatting (workbook data, so not theme tokens): font size and
 * family, vertical alignment, and explicit borders.
 */
import type * as React from 'react';
import type { GridBorder, GridCell } from './workbench-simulator';

const LINE: Record<string, string> = { Continuous: 'solid', Dash: 'dashed', DashDot: 'dashed', DashDotDot: 'dotted', Dot: 'dotted', Double: 'double', SlantDashDot: 'dashed' };
const WEIGHT: Record<string, number> = { Hairline: 1, Thin: 1, Medium: 2, Thick: 3 };

function border(b: GridBorder | undefined): string | undefined {
  if (!b || b.style === 'None') return undefined;
  const width = b.style === 'Double' ? 3 : WEIGHT[b.weight] ?? 1;
  return `${width}px ${LINE[b.style] ?? 'solid'} ${b.color}`;
}

/**
 * @example cellStyle({ value: 1, text: '1', size: 20 }, false) // { fontSize: '26.7px' }
 */
export function cellStyle(cell: GridCell, tall: boolean): React.CSSProperties {
  const out: React.CSSProperties = {};
  if (cell.size !== undefined) out.fontSize = `${Math.round((cell.size * 4) / 3 * 10) / 10}px`;
  if (cell.fontName) out.fontFamily = `"${cell.fontName}", ${'Segoe UI'}, sans-serif`;
  const v = cell.verticalAlignment;
  // Excel's default vertical alignment is Bottom; it only shows in rows taller than the text.
  if (v === 'Top') out.alignItems = 'flex-start';
  else if (v === 'Center' || v === 'Justify' || v === 'Distributed') out.alignItems = 'center';
  else if (tall) out.alignItems = 'flex-end';
  const top = border(cell.borderTop), bottom = border(cell.borderBottom), left = border(cell.borderLeft), right = border(cell.borderRight);
  if (top) out.borderTop = top;
  if (bottom) out.borderBottom = bottom;
  if (left) out.borderLeft = left;
  if (right) out.borderRight = right;
  return out;
}
