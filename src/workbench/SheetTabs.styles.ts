import { makeStyles, shorthands, tokens } from '@fluentui/react-components';

export const useSheetTabsStyles = makeStyles({
  root: {
    display: 'flex',
    alignItems: 'center',
    minHeight: '36px',
    paddingLeft: tokens.spacingHorizontalS,
    backgroundColor: tokens.colorNeutralBackground2,
    ...shorthands.borderTop(tokens.strokeWidthThin, 'solid', tokens.colorNeutralStroke2),
  },
  coloured: {
    borderTopLeftRadius: tokens.borderRadiusSmall,
    borderTopRightRadius: tokens.borderRadiusSmall,
  },
});
