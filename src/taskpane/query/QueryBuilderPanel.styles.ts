import { makeStyles, tokens } from '@fluentui/react-components';

export const useQueryBuilderPanelStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    minWidth: 0,
  },
  heading: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
  subheading: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  /** "Connect to a warehouse…": a small link-like button under the source dropdown. */
  connect: {
    alignSelf: 'flex-start',
  },
  step: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    minWidth: 0,
  },
  row: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    alignItems: 'end',
  },
  grow: {
    flexGrow: 1,
    minWidth: '140px',
  },
  cell: {
    width: '80px',
  },
  note: {
    margin: 0,
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
  },
  /** A status message: long sheet names and addresses wrap instead of widening the pane. */
  message: {
    minWidth: 0,
    overflowWrap: 'anywhere',
    whiteSpace: 'normal',
  },
  divider: {
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    margin: 0,
  },
});
