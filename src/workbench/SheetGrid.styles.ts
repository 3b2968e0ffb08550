import { makeStyles, shorthands, tokens } from '@fluentui/react-components';
import { HEADER_HEIGHT, ROW_HEADER_WIDTH } from './grid-geometry';

export const useSheetGridStyles = makeStyles({
  scroller: {
    position: 'relative',
    flexGrow: 1,
    minHeight: 0,
    overflow: 'auto',
    backgroundColor: tokens.colorNeutralBackground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground1,
    outlineStyle: 'none',
    // An outline (not a box-shadow) paints above the cells, so the whole focus ring shows.
    ':focus-visible': {
      outlineStyle: 'solid',
      outlineWidth: tokens.strokeWidthThick,
      outlineColor: tokens.colorStrokeFocus2,
      outlineOffset: `calc(-1 * ${tokens.strokeWidthThick})`,
    },
  },
  canvas: {
    position: 'relative',
  },
  headerRow: {
    position: 'sticky',
    top: 0,
    zIndex: 3,
    height: `${HEADER_HEIGHT}px`,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  corner: {
    position: 'sticky',
    left: 0,
    zIndex: 3,
    width: `${ROW_HEADER_WIDTH}px`,
    height: `${HEADER_HEIGHT}px`,
    boxSizing: 'border-box',
    backgroundColor: tokens.colorNeutralBackground3,
    ...shorthands.borderRight(tokens.strokeWidthThin, 'solid', tokens.colorNeutralStroke1),
    ...shorthands.borderBottom(tokens.strokeWidthThin, 'solid', tokens.colorNeutralStroke1),
  },
  columnHeader: {
    position: 'absolute',
    top: 0,
    height: `${HEADER_HEIGHT}px`,
    boxSizing: 'border-box',
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    color: tokens.colorNeutralForeground2,
    userSelect: 'none',
    ...shorthands.borderRight(tokens.strokeWidthThin, 'solid', tokens.colorNeutralStroke2),
    ...shorthands.borderBottom(tokens.strokeWidthThin, 'solid', tokens.colorNeutralStroke1),
  },
  row: {
    position: 'absolute',
    left: 0,
  },
  // Frozen rows paint over the rows and charts scrolling under them (the header stays on top).
  frozenRow: {
    // Above the sticky row numbers (2) of rows scrolling under it; never overlaps the header row.
    zIndex: 3,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  frozenEdge: {
    boxShadow: `0 1px 0 ${tokens.colorNeutralStroke1}`,
  },
  rowHeader: {
    position: 'sticky',
    left: 0,
    zIndex: 2,
    width: `${ROW_HEADER_WIDTH}px`,
    height: '100%',
    boxSizing: 'border-box',
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'flex-end',
    paddingRight: tokens.spacingHorizontalS,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    userSelect: 'none',
    ...shorthands.borderRight(tokens.strokeWidthThin, 'solid', tokens.colorNeutralStroke1),
    ...shorthands.borderBottom(tokens.strokeWidthThin, 'solid', tokens.colorNeutralStroke2),
  },
  headerSelected: {
    backgroundColor: tokens.colorNeutralBackground3Selected,
    color: tokens.colorBrandForeground1,
    fontWeight: tokens.fontWeightSemibold,
  },
  cell: {
    position: 'absolute',
    top: 0,
    height: '100%',
    boxSizing: 'border-box',
    display: 'flex',
    alignItems: 'center',
    paddingLeft: tokens.spacingHorizontalXS,
    paddingRight: tokens.spacingHorizontalXS,
    overflow: 'hidden',
    whiteSpace: 'nowrap',
    cursor: 'cell',
    // Shift-click extends the cell selection; without this it also selects the text under it.
    userSelect: 'none',
    ...shorthands.borderRight(tokens.strokeWidthThin, 'solid', tokens.colorNeutralStroke3),
    ...shorthands.borderBottom(tokens.strokeWidthThin, 'solid', tokens.colorNeutralStroke3),
  },
  alignLeft: { justifyContent: 'flex-start' },
  alignRight: { justifyContent: 'flex-end' },
  alignCenter: { justifyContent: 'center' },
  bold: { fontWeight: tokens.fontWeightBold },
  italic: { fontStyle: 'italic' },
  wrap: { whiteSpace: 'normal', lineHeight: '1.2' },
  noGridlines: {
    borderRightColor: 'transparent',
    borderBottomColor: 'transparent',
  },
  // A merged area is one cell drawn over the ones it covers.
  merged: { zIndex: 1 },
  inSelection: {
    backgroundColor: tokens.colorBrandBackground2Pressed,
  },
  tableHeader: {
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
    fontWeight: tokens.fontWeightSemibold,
  },
  tableBand: {
    backgroundColor: tokens.colorBrandBackground2,
  },
  activeCell: {
    zIndex: 1,
    boxShadow: `inset 0 0 0 ${tokens.strokeWidthThick} ${tokens.colorBrandStroke1}`,
  },
});
