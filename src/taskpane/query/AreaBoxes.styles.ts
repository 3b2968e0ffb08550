import { makeStyles, tokens } from '@fluentui/react-components';

export const useAreaBoxesStyles = makeStyles({
  grid: {
    display: 'grid',
    // Two by two as in Excel's pane, down to a 320 px pane; one column only when narrower.
    gridTemplateColumns: 'repeat(auto-fit, minmax(125px, 1fr))',
    gap: tokens.spacingHorizontalS,
  },
  box: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    minHeight: '56px',
    minWidth: 0,
    padding: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  /** A drag is over this area: it will land here. */
  over: {
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorBrandBackground2,
  },
  title: {
    margin: 0,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground2,
  },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
  },
  chip: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXXS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
    fontSize: tokens.fontSizeBase200,
  },
  /** The chip being dragged, lifted above the others. */
  lifted: {
    position: 'relative',
    zIndex: 1,
    boxShadow: tokens.shadow8,
    opacity: 0.9,
  },
  /** The grip a chip is dragged by; focused, Space picks it up for the arrow keys. */
  handle: {
    display: 'flex',
    alignItems: 'center',
    alignSelf: 'stretch',
    padding: `0 ${tokens.spacingHorizontalXXS}`,
    border: 'none',
    borderRadius: tokens.borderRadiusMedium,
    background: 'transparent',
    color: tokens.colorNeutralForeground2,
    cursor: 'grab',
    touchAction: 'none',
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  chipButton: {
    flexGrow: 1,
    minWidth: 0,
    justifyContent: 'flex-start',
    textAlign: 'start',
    fontWeight: tokens.fontWeightRegular,
    paddingInline: 0,
  },
  /** Long names wrap rather than being cut: at 320 px a box is about 130 px wide. */
  chipText: {
    flexGrow: 1,
    minWidth: 0,
    overflowWrap: 'anywhere',
    whiteSpace: 'normal',
    paddingBlock: tokens.spacingVerticalXXS,
  },
  empty: {
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
    fontStyle: 'italic',
  },
});
