import { makeStyles, tokens } from '@fluentui/react-components';

export const useFreshnessBadgeStyles = makeStyles({
  // Long source names wrap inside the pane instead of widening it or spilling out of the badge's
  // fixed height (a 320 px task pane fits "Out of date — Sales changed" on two lines).
  badge: {
    alignSelf: 'flex-start',
    maxWidth: '100%',
    minWidth: 0,
    height: 'auto',
    minHeight: '16px',
    paddingTop: tokens.spacingVerticalXXS,
    paddingBottom: tokens.spacingVerticalXXS,
    lineHeight: tokens.lineHeightBase200,
    whiteSpace: 'normal',
    overflowWrap: 'anywhere',
    textAlign: 'start',
  },
  // Beside a title (the dashboards list): the title keeps at least half the row.
  beside: {
    flexShrink: 1,
    maxWidth: '50%',
  },
});
