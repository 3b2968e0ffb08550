import { makeStyles, tokens } from '@fluentui/react-components';

export const useMeasureFormStyles = makeStyles({
  form: {
    display: 'flex',
    minWidth: 0,
    overflowWrap: 'anywhere',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorBrandStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  heading: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  /**
   * Stacked, one field a row: at a task pane's 320–400 px two columns left each select and input
   * narrower than its content (the Column header was cut off and hints overlapped the next field).
   */
  pair: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr)',
    gap: tokens.spacingVerticalS,
    // A select or input sizes itself to its content; in a grid cell it must shrink to the cell.
    '& > *': { minWidth: 0 },
    '& select, & input': { minWidth: 0 },
  },
  /** The settings dialog fits a 320 px pane: no wider than the window, its content scrolls. */
  dialog: {
    maxWidth: 'min(480px, calc(100vw - 16px))',
    padding: tokens.spacingHorizontalL,
    boxSizing: 'border-box',
  },
  dialogContent: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    minWidth: 0,
    overflowWrap: 'anywhere',
    '& select, & input': { minWidth: 0 },
  },
  completions: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalXS,
  },
  actions: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
  },
});
