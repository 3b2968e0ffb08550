/**
 * Tick label text for a chart value axis. "General" axes show thousands separators, as Excel's
 * linked number formats usually do for money; other formats go through the simulator's formatter.
 */
import { formatValue } from '../../simulator/format';

export function tickLabel(value: number, numberFormat: string): string {
  if (numberFormat && numberFormat !== 'General') return formatValue(value, numberFormat);
  const abs = Math.abs(value);
  if (abs >= 1_000_000) return `${formatValue(value / 1_000_000, '#,##0.#')}M`;
  if (abs >= 10_000) return `${formatValue(value / 1_000, '#,##0.#')}K`;
  return formatValue(value, Number.isInteger(value) ? '#,##0' : '#,##0.##');
}
