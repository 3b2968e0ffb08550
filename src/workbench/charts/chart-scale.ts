/**
 * Pure numeric helpers for drawing charts: "nice" axis ticks like Excel's automatic scale, and
 * stacking. No DOM, so they are unit-tested on their own.
 */

export interface Scale {
  min: number;
  max: number;
  ticks: number[];
}

/**
 * An axis from the data's extent with about `target` round steps (1, 2, 2.5 or 5 × 10^k); zero is
 * included when `includeZero` (columns, bars and areas grow from zero, as in Excel).
 * @example niceScale(3, 97, true) // { min: 0, max: 100, ticks: [0, 20, 40, 60, 80, 100] }
 */
export function niceScale(lo: number, hi: number, includeZero: boolean, target = 5): Scale {
  // Excel's automatic minimum is zero whenever the data's range is wide compared with its
  // magnitude (the smallest value under 5/6 of the largest), for lines too.
  const zero = includeZero || (lo >= 0 && lo < (hi * 5) / 6) || (hi <= 0 && hi > (lo * 5) / 6);
  let min = zero ? Math.min(0, lo) : lo;
  let max = zero ? Math.max(0, hi) : hi;
  if (!Number.isFinite(min) || !Number.isFinite(max)) return { min: 0, max: 1, ticks: [0, 1] };
  if (min === max) {
    const pad = min === 0 ? 1 : Math.abs(min) * 0.1;
    min -= zero && min >= 0 ? 0 : pad;
    max += pad;
  }
  const raw = (max - min) / target;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const start = Math.floor(min / step + 1e-9) * step;
  const end = Math.ceil(max / step - 1e-9) * step;
  const ticks: number[] = [];
  for (let v = start; v <= end + step / 2; v += step) ticks.push(Math.round(v / step) * step);
  return { min: start, max: end, ticks };
}

/**
 * Cumulative stacks per category: `[series][category] → [base, top]`. Negative values stack
 * downwards from zero, as Excel does; `percent` rescales each category to 100.
 */
export function stackValues(series: Array<Array<number | null>>, percent: boolean): Array<Array<[number, number]>> {
  const n = Math.max(0, ...series.map((s) => s.length));
  const pos = new Array<number>(n).fill(0);
  const neg = new Array<number>(n).fill(0);
  const totals = new Array<number>(n).fill(0);
  for (const s of series) for (let i = 0; i < n; i++) totals[i] += Math.abs(s[i] ?? 0);
  return series.map((s) =>
    Array.from({ length: n }, (_, i) => {
      let v = s[i] ?? 0;
      if (percent) v = totals[i] === 0 ? 0 : (v / totals[i]) * 100;
      if (v >= 0) {
        const base = pos[i];
        pos[i] += v;
        return [base, pos[i]] as [number, number];
      }
      const base = neg[i];
      neg[i] += v;
      return [base, neg[i]] as [number, number];
    }),
  );
}

/** Excel's default chart colours (Office theme accents 1-6, then darker variants). */
export const OFFICE_PALETTE = ['#156082', '#E97132', '#196B24', '#0F9ED5', '#A02B93', '#4EA72E', '#0D3A4F', '#8C441E', '#0F4016', '#095F80'];

export type ChartFamily = 'column' | 'bar' | 'line' | 'area' | 'pie' | 'doughnut' | 'other';

/** How a chart type is drawn; "stacked" / "percent" as in ColumnStacked / ColumnStacked100. */
export function chartFamily(type: string): { family: ChartFamily; stacked: boolean; percent: boolean; markers: boolean } {
  const stacked = /Stacked/.test(type);
  const percent = /Stacked100$/.test(type);
  const markers = /Markers/.test(type) && !/NoMarkers/.test(type);
  let family: ChartFamily = 'other';
  if (/Doughnut/.test(type)) family = 'doughnut';
  else if (/Pie/.test(type)) family = 'pie';
  else if (/^(Column|3DColumn|Cylinder.*Col|Cone.*Col|Pyramid.*Col|Histogram|Pareto|Waterfall)/.test(type)) family = 'column';
  else if (/^(Bar|3DBar|Cylinder.*Bar|Cone.*Bar|Pyramid.*Bar|Funnel)/.test(type)) family = 'bar';
  else if (/^(Line|3DLine|XYScatter|Radar)/.test(type)) family = 'line';
  else if (/^(Area|3DArea)/.test(type)) family = 'area';
  return { family, stacked, percent, markers };
}
