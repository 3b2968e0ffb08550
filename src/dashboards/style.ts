/**
 * The dashboard's look on the sheet: colours (hex, as Excel takes them), font sizes, column
 * widths. One place, so the planner's tiles look alike and a restyle is one edit.
 */
export const DASHBOARD_STYLE = {
  /** Column width of grid columns, in points (about 75 pixels). */
  columnWidth: 56,
  dataColumnWidth: 64,
  header: { fill: '#1F4E79', color: '#FFFFFF', size: 18, rowHeight: 30 },
  parameterLabel: { color: '#404040', size: 10 },
  parameterValue: { fill: '#FFF2CC', color: '#1F1F1F' },
  status: { color: '#595959', size: 9 },
  card: { fill: '#F3F6FA', titleColor: '#404040', titleSize: 10, valueSize: 22, valueColor: '#1F1F1F', valueRowHeight: 34, noteSize: 9 },
  up: '#107C10',
  down: '#C50F1F',
  amber: { fill: '#FFF4CE', color: '#8A5300' },
  red: { fill: '#FDE7E9', color: '#A4262C' },
  tableTitle: { color: '#1F4E79', size: 11 },
  tableHeader: { fill: '#DDEBF7', color: '#1F1F1F' },
  stale: { color: '#8A5300', size: 9 },
  data: { color: '#7F7F7F', size: 9 },
  /** Delta shown with an arrow; Excel's format sections: positive; negative; zero. */
  deltaFormat: '▲ 0.0%;▼ 0.0%;0.0%',
} as const;

/** Data-area columns each chart owns: categories + up to 6 series + a gap. */
export const CHART_DATA_SLOT = 8;
export const MAX_CHART_SERIES = CHART_DATA_SLOT - 2;
/** Longest inline dropdown list Excel accepts; longer lists go to the data area. */
export const MAX_INLINE_LIST = 255;
