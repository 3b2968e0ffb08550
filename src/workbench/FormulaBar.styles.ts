import { makeStyles, shorthands, tokens } from '@fluentui/react-components';

export const useFormulaBarStyles = makeStyles({
  root: {
    display: 'flex',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
    paddingLeft: tokens.spacingHorizontalS,
    paddingRight: tokens.spacingHorizontalS,
    backgroundColor: tokens.colorNeutralBackground2,
    ...shorthands.borderBottom(tokens.strokeWidthThin, 'solid', tokens.colorNeutralStroke2),
  },
  nameBox: {
    width: '112px',
    flexShrink: 0,
  },
  fx: {
    color: tokens.colorNeutralForeground3,
    fontStyle: 'italic',
    fontFamily: tokens.fontFamilyMonospace,
    flexShrink: 0,
  },
  formula: {
    flexGrow: 1,
    minWidth: 0,
  },
});
