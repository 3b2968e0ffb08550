import { makeStyles, tokens } from '@fluentui/react-components';

/** The start card: a sentence, three ways in, and (in a blank workbook) the sample; wraps at 320 px. */
export const useFirstRunStyles = makeStyles({
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    marginBlock: tokens.spacingVerticalS,
    marginInline: tokens.spacingHorizontalM,
    padding: tokens.spacingVerticalM,
    minWidth: 0,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorBrandStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  sentence: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
  },
  ways: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  way: {
    // A full-width button whose two lines (what, then how) wrap instead of widening the pane.
    width: '100%',
    justifyContent: 'flex-start',
    textAlign: 'start',
    whiteSpace: 'normal',
    minWidth: 0,
    height: 'auto',
    paddingBlock: tokens.spacingVerticalS,
  },
  wayText: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    minWidth: 0,
  },
  wayName: {
    fontWeight: tokens.fontWeightSemibold,
  },
  wayHint: {
    fontWeight: tokens.fontWeightRegular,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorNeutralForeground2,
  },
  sample: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalXS,
    paddingBlockStart: tokens.spacingVerticalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  note: {
    margin: 0,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorNeutralForeground2,
  },
});
