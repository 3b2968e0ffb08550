/**
 * One native chart drawn as SVG over the grid: column, bar, line, area (clustered, stacked,
 * 100%), pie and doughnut, and combos where series have their own type and a secondary value
 * axis. Title, axis titles, tick labels, gridlines and legend follow the chart's settings.
 * It draws what the simulator stores; it is not Excel's renderer, just a faithful reading of it.
 */
import * as React from 'react';
import type { ChartSeriesView, ChartView } from '../../simulator/view';
import { tickLabel } from './axis-labels';
import { useChartFigureStyles } from './ChartFigure.styles';
import { chartFamily, niceScale, OFFICE_PALETTE, type Scale, stackValues } from './chart-scale';

export interface ChartFigureProps {
  chart: ChartView;
  left: number;
  top: number;
  width: number;
  height: number;
}

const PAD = 10;
const LEGEND_ROW = 18;

const colorOf = (s: ChartSeriesView, i: number) => s.fillColor ?? s.lineColor ?? OFFICE_PALETTE[i % OFFICE_PALETTE.length];
const textWidth = (text: string, px = 11) => text.length * px * 0.56;

export function ChartFigure({ chart, left, top, width, height }: ChartFigureProps): React.JSX.Element {
  const styles = useChartFigureStyles();
  const first = chart.series[0];
  const pieLike = first ? ['pie', 'doughnut'].includes(chartFamily(first.chartType).family) : false;

  // Legend entries: categories for pie/doughnut, series otherwise.
  const legendItems = pieLike && first
    ? first.categories.map((c, i) => ({ label: c, color: first.pointColors?.[String(i)] ?? OFFICE_PALETTE[i % OFFICE_PALETTE.length], line: false }))
    : chart.series.map((s, i) => ({ label: s.name, color: colorOf(s, i), line: chartFamily(s.chartType).family === 'line' }));

  let plotTop = PAD;
  let plotBottom = height - PAD;
  let plotLeft = PAD;
  let plotRight = width - PAD;
  const titleVisible = chart.title.visible && chart.title.text !== '';
  if (titleVisible) plotTop += 24;
  const legendPos = chart.legend.position;
  const legendVisible = chart.legend.visible && legendItems.length > 0;
  const legendWidth = Math.min(width * 0.35, Math.max(...legendItems.map((l) => textWidth(l.label))) + 22);
  if (legendVisible) {
    if (legendPos === 'Right') plotRight -= legendWidth + 6;
    else if (legendPos === 'Left') plotLeft += legendWidth + 6;
    else if (legendPos === 'Top') plotTop += LEGEND_ROW + 4;
    else plotBottom -= LEGEND_ROW + 4;
  }

  const legend = legendVisible ? (
    <Legend items={legendItems} position={legendPos} box={{ left: plotLeft, right: plotRight, top: plotTop, bottom: plotBottom }} width={width} legendWidth={legendWidth} className={styles.legend} />
  ) : null;

  return (
    <div className={styles.root} style={{ left, top, width, height }} data-testid="chart" data-chart-name={chart.name} title={chartDescription(chart)}
      // Inside the grid only rows may be exposed; the chart's description stays in its tooltip.
      aria-hidden>
      <svg className={styles.svg} width={width} height={height} viewBox={`0 0 ${width} ${height}`} aria-hidden>
        {titleVisible && (
          <text className={styles.title} x={width / 2} y={PAD + 14} textAnchor="middle">{clip(chart.title.text, width - 2 * PAD, 14)}</text>
        )}
        {first && (pieLike
          ? <PiePlot series={first} doughnut={chartFamily(first.chartType).family === 'doughnut'} box={{ left: plotLeft, right: plotRight, top: plotTop, bottom: plotBottom }} />
          : <AxisPlot chart={chart} box={{ left: plotLeft, right: plotRight, top: plotTop, bottom: plotBottom }} />)}
        {legend}
      </svg>
    </div>
  );
}

/** What a screen reader hears: "Column chart Revenue by month: Revenue, Margin %". */
function chartDescription(chart: ChartView): string {
  const kind = chartFamily(chart.chartType).family;
  const title = chart.title.visible ? chart.title.text : chart.name;
  return `${kind === 'other' ? '' : `${kind[0].toUpperCase()}${kind.slice(1)} `}chart ${title}: ${chart.series.map((s) => s.name).join(', ')}`;
}

function clip(text: string, room: number, px = 11): string {
  if (textWidth(text, px) <= room) return text;
  const keep = Math.max(1, Math.floor(room / (px * 0.56)) - 1);
  return `${text.slice(0, keep)}…`;
}

interface Box { left: number; right: number; top: number; bottom: number }

function Legend({ items, position, box, width, legendWidth, className }: {
  items: Array<{ label: string; color: string; line: boolean }>;
  position: string;
  box: Box;
  width: number;
  legendWidth: number;
  className: string;
}): React.JSX.Element {
  const swatch = (color: string, line: boolean, x: number, y: number) => (line
    ? <line x1={x} x2={x + 12} y1={y} y2={y} stroke={color} strokeWidth={2.5} strokeLinecap="round" />
    : <rect x={x} y={y - 5} width={10} height={10} rx={2} fill={color} />);
  if (position === 'Right' || position === 'Left') {
    const x = position === 'Right' ? box.right + 10 : PAD;
    const startY = (box.top + box.bottom) / 2 - (items.length * LEGEND_ROW) / 2 + LEGEND_ROW / 2;
    return (
      <g>
        {items.map((it, i) => (
          <g key={i}>
            {swatch(it.color, it.line, x, startY + i * LEGEND_ROW)}
            <text className={className} x={x + 16} y={startY + i * LEGEND_ROW + 4}>{clip(it.label, legendWidth - 20)}</text>
          </g>
        ))}
      </g>
    );
  }
  const entryWidths = items.map((it) => Math.min(140, textWidth(it.label)) + 26);
  const total = entryWidths.reduce((a, b) => a + b, 0);
  let x = Math.max(PAD, (width - total) / 2);
  const y = position === 'Top' ? box.top - LEGEND_ROW / 2 - 2 : box.bottom + LEGEND_ROW / 2 + 6;
  return (
    <g>
      {items.map((it, i) => {
        const at = x;
        x += entryWidths[i];
        return (
          <g key={i}>
            {swatch(it.color, it.line, at, y)}
            <text className={className} x={at + 16} y={y + 4}>{clip(it.label, 130)}</text>
          </g>
        );
      })}
    </g>
  );
}

function PiePlot({ series, doughnut, box }: { series: ChartSeriesView; doughnut: boolean; box: Box }): React.JSX.Element {
  const styles = useChartFigureStyles();
  const values = series.values.map((v) => (v !== null && v > 0 ? v : 0));
  const total = values.reduce((a, b) => a + b, 0);
  const cx = (box.left + box.right) / 2;
  const cy = (box.top + box.bottom) / 2;
  const r = Math.max(10, Math.min(box.right - box.left, box.bottom - box.top) / 2 - 4);
  const inner = doughnut ? r * 0.55 : 0;
  let angle = -Math.PI / 2; // Excel starts the first slice at 12 o'clock, clockwise.
  const point = (a: number, radius: number) => [cx + radius * Math.cos(a), cy + radius * Math.sin(a)];
  return (
    <g>
      {total > 0 && values.map((v, i) => {
        const sweep = (v / total) * Math.PI * 2;
        const a0 = angle;
        const a1 = angle + sweep;
        angle = a1;
        if (v === 0) return null;
        const large = sweep > Math.PI ? 1 : 0;
        const [x0, y0] = point(a0, r);
        const [x1, y1] = point(a1, r);
        // A slice coloured through ChartPoint.format.fill keeps its colour, as in Excel.
        const color = series.pointColors?.[String(i)] ?? OFFICE_PALETTE[i % OFFICE_PALETTE.length];
        const full = sweep >= Math.PI * 2 - 1e-9;
        let d: string;
        if (full) {
          d = `M ${cx - r} ${cy} A ${r} ${r} 0 1 1 ${cx + r} ${cy} A ${r} ${r} 0 1 1 ${cx - r} ${cy} Z`;
          if (inner) d += ` M ${cx - inner} ${cy} A ${inner} ${inner} 0 1 0 ${cx + inner} ${cy} A ${inner} ${inner} 0 1 0 ${cx - inner} ${cy} Z`;
        } else if (inner) {
          const [ix0, iy0] = point(a0, inner);
          const [ix1, iy1] = point(a1, inner);
          d = `M ${x0} ${y0} A ${r} ${r} 0 ${large} 1 ${x1} ${y1} L ${ix1} ${iy1} A ${inner} ${inner} 0 ${large} 0 ${ix0} ${iy0} Z`;
        } else {
          d = `M ${cx} ${cy} L ${x0} ${y0} A ${r} ${r} 0 ${large} 1 ${x1} ${y1} Z`;
        }
        const mid = (a0 + a1) / 2;
        const [lx, ly] = point(mid, inner ? (r + inner) / 2 : r * 0.62);
        const share = v / total;
        return (
          <g key={i}>
            <path d={d} fill={color} stroke="#FFFFFF" strokeWidth={1.5} fillRule="evenodd" />
            {share >= 0.06 && (
              <text className={styles.sliceLabel} x={lx} y={ly + 4} textAnchor="middle">
                {series.hasDataLabels ? tickLabel(v, 'General') : `${Math.round(share * 100)}%`}
              </text>
            )}
          </g>
        );
      })}
    </g>
  );
}

function AxisPlot({ chart, box }: { chart: ChartView; box: Box }): React.JSX.Element {
  const styles = useChartFigureStyles();
  const primary = chart.series.filter((s) => s.axisGroup !== 'Secondary');
  const secondary = chart.series.filter((s) => s.axisGroup === 'Secondary');
  const horizontal = chart.series.length > 0 && chart.series.every((s) => chartFamily(s.chartType).family === 'bar');
  const categories = chart.series.reduce<string[]>((best, s) => (s.categories.length > best.length ? s.categories : best), []);
  const n = Math.max(1, categories.length);

  /** Scale and per-series [base, top] extents of one axis group. */
  const group = (list: ChartSeriesView[]) => {
    const fam = list.length ? chartFamily(list[0].chartType) : { stacked: false, percent: false, family: 'line' as const };
    const stacked = fam.stacked && list.every((s) => chartFamily(s.chartType).stacked);
    const stacks = stacked ? stackValues(list.map((s) => s.values), fam.percent) : null;
    const all = stacks ? stacks.flat().flat() : list.flatMap((s) => s.values.filter((v): v is number => v !== null));
    const includeZero = list.some((s) => ['column', 'bar', 'area'].includes(chartFamily(s.chartType).family));
    const scale = all.length ? niceScale(Math.min(...all), Math.max(...all), includeZero) : niceScale(0, 1, true);
    return { scale, stacks };
  };
  const p = group(primary);
  const s2 = secondary.length ? group(secondary) : null;
  const axisFormat = chart.axes.value.numberFormat;
  const axis2Format = chart.axes.secondaryValue.numberFormat;

  // Room for labels and axis titles.
  const labelWidth = (scale: Scale, format: string) => Math.max(...scale.ticks.map((t) => textWidth(tickLabel(t, format)))) + 6;
  let left = box.left + (chart.axes.value.title ? 16 : 0);
  let right = box.right - (s2 && chart.axes.secondaryValue.title ? 16 : 0);
  let bottom = box.bottom - (chart.axes.category.title ? 16 : 0);
  const top = box.top + 6;
  if (horizontal) {
    left += Math.min(110, Math.max(...categories.map((c) => textWidth(c))) + 8);
    bottom -= 16;
    // Room for the last tick label, centred on the right edge.
    right -= textWidth(tickLabel(p.scale.max, axisFormat)) / 2;
  } else {
    left += chart.axes.value.visible ? labelWidth(p.scale, axisFormat) : 0;
    if (s2) right -= labelWidth(s2.scale, axis2Format);
    bottom -= chart.axes.category.visible ? 16 : 0;
  }
  const plotW = Math.max(10, right - left);
  const plotH = Math.max(10, bottom - top);

  const valuePos = (scale: Scale, v: number) => (horizontal
    ? left + ((v - scale.min) / (scale.max - scale.min)) * plotW
    : bottom - ((v - scale.min) / (scale.max - scale.min)) * plotH);
  const band = (horizontal ? plotH : plotW) / n;
  // Excel's bar charts list the first category at the bottom.
  const bandStart = (i: number) => (horizontal ? bottom - (i + 1) * band : left + i * band);

  const columnSeries = chart.series.filter((s) => ['column', 'bar'].includes(chartFamily(s.chartType).family));
  const elements: React.JSX.Element[] = [];
  chart.series.forEach((s, si) => {
    const color = colorOf(s, si);
    const fam = chartFamily(s.chartType);
    const g = s.axisGroup === 'Secondary' && s2 ? s2 : p;
    const list = s.axisGroup === 'Secondary' && s2 ? secondary : primary;
    const stackIndex = list.indexOf(s);
    const stack = g.stacks?.[stackIndex];
    const span = (i: number): [number, number] => stack?.[i] ?? [0, s.values[i] ?? 0];
    if (fam.family === 'column' || fam.family === 'bar') {
      const clustered = !stack;
      const k = clustered ? columnSeries.filter((c) => !chartFamily(c.chartType).stacked).length : 1;
      const slot = clustered ? columnSeries.filter((c) => !chartFamily(c.chartType).stacked).indexOf(s) : 0;
      const gap = band * 0.22;
      const barW = (band - 2 * gap) / Math.max(1, k);
      s.values.forEach((v, i) => {
        if (v === null) return;
        const [b, t] = span(i);
        const a = valuePos(g.scale, Math.min(b, t));
        const z = valuePos(g.scale, Math.max(b, t));
        const offset = bandStart(i) + gap + slot * barW;
        elements.push(horizontal
          ? <rect key={`${si}-${i}`} x={a} y={offset} width={Math.max(0.5, z - a)} height={Math.max(1, barW - 1)} fill={color} />
          : <rect key={`${si}-${i}`} x={offset} y={z} width={Math.max(1, barW - 1)} height={Math.max(0.5, a - z)} fill={color} />);
        if (s.hasDataLabels) {
          elements.push(horizontal
            ? <text key={`l${si}-${i}`} className={styles.dataLabel} x={z + 3} y={offset + barW / 2 + 3}>{tickLabel(v, 'General')}</text>
            : <text key={`l${si}-${i}`} className={styles.dataLabel} x={offset + barW / 2} y={z - 3} textAnchor="middle">{tickLabel(v, 'General')}</text>);
        }
      });
    } else if (fam.family === 'line' || fam.family === 'area' || fam.family === 'other') {
      const pts = s.values.map((v, i) => (v === null ? null : [bandStart(i) + band / 2, valuePos(g.scale, span(i)[1])] as [number, number]));
      if (fam.family === 'area') {
        const base = s.values.map((_, i) => [bandStart(i) + band / 2, valuePos(g.scale, span(i)[0])] as [number, number]);
        const topLine = pts.map((q, i) => q ?? base[i]);
        const d = `M ${topLine.map((q) => q.join(' ')).join(' L ')} L ${[...base].reverse().map((q) => q.join(' ')).join(' L ')} Z`;
        elements.push(<path key={`a${si}`} d={d} fill={color} fillOpacity={0.75} stroke={color} strokeWidth={1} />);
      } else {
        // Blank cells are gaps, as Excel's default "Show empty cells as: Gaps".
        let d = '';
        pts.forEach((q, i) => {
          if (!q) return;
          d += `${i > 0 && pts[i - 1] ? 'L' : 'M'} ${q[0]} ${q[1]} `;
        });
        elements.push(<path key={`p${si}`} d={d} fill="none" stroke={color} strokeWidth={2.25} strokeLinejoin="round" strokeLinecap="round" />);
        if (fam.markers || s.values.length <= 12) {
          pts.forEach((q, i) => q && elements.push(<circle key={`m${si}-${i}`} cx={q[0]} cy={q[1]} r={fam.markers ? 3.5 : 2.5} fill="#FFFFFF" stroke={color} strokeWidth={2} />));
        }
        if (s.hasDataLabels) {
          pts.forEach((q, i) => q && elements.push(<text key={`l${si}-${i}`} className={styles.dataLabel} x={q[0]} y={q[1] - 7} textAnchor="middle">{tickLabel(s.values[i] ?? 0, 'General')}</text>));
        }
      }
    }
  });

  // Show every category label that fits; otherwise every 2nd, 3rd... as Excel thins them.
  const labelRoom = horizontal ? 14 : Math.max(...categories.map((c) => textWidth(c)), 10) + 8;
  const every = Math.max(1, Math.ceil((n * labelRoom) / (horizontal ? plotH : plotW)));
  return (
    <g>
      {/* Gridlines and tick labels of the value axis. */}
      {p.scale.ticks.map((t) => {
        const at = valuePos(p.scale, t);
        return horizontal ? (
          <g key={`g${t}`}>
            <line className={styles.gridline} x1={at} x2={at} y1={top} y2={bottom} />
            {chart.axes.value.visible && <text className={styles.axisLabel} x={at} y={bottom + 13} textAnchor="middle">{tickLabel(t, axisFormat)}</text>}
          </g>
        ) : (
          <g key={`g${t}`}>
            <line className={t === 0 ? styles.baseline : styles.gridline} x1={left} x2={right} y1={at} y2={at} />
            {chart.axes.value.visible && <text className={styles.axisLabel} x={left - 5} y={at + 4} textAnchor="end">{tickLabel(t, axisFormat)}</text>}
          </g>
        );
      })}
      {s2 && !horizontal && s2.scale.ticks.map((t) => (
        <text key={`s${t}`} className={styles.axisLabel} x={right + 5} y={valuePos(s2.scale, t) + 4}>{tickLabel(t, axis2Format)}</text>
      ))}
      {chart.axes.category.visible && categories.map((c, i) => (i % every !== 0 ? null : horizontal
        ? <text key={`c${i}`} className={styles.axisLabel} x={left - 5} y={bandStart(i) + band / 2 + 4} textAnchor="end">{clip(c, 104)}</text>
        : <text key={`c${i}`} className={styles.axisLabel} x={bandStart(i) + band / 2} y={bottom + 13} textAnchor="middle">{clip(c, band * every - 2)}</text>))}
      {elements}
      {chart.axes.value.title && (
        <text className={styles.axisTitle} transform={`translate(${box.left + 10} ${(top + bottom) / 2}) rotate(-90)`} textAnchor="middle">{chart.axes.value.title}</text>
      )}
      {s2 && chart.axes.secondaryValue.title && (
        <text className={styles.axisTitle} transform={`translate(${box.right - 4} ${(top + bottom) / 2}) rotate(90)`} textAnchor="middle">{chart.axes.secondaryValue.title}</text>
      )}
      {chart.axes.category.title && (
        <text className={styles.axisTitle} x={(left + right) / 2} y={box.bottom - 2} textAnchor="middle">{chart.axes.category.title}</text>
      )}
    </g>
  );
}
