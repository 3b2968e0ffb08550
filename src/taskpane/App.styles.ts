import { makeStyles, tokens } from '@fluentui/react-components';

export const useAppStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    minHeight: '100vh',
    minWidth: 0,
    boxSizing: 'border-box',
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
    // Fluent greys the label of an unselected radio option (neutral foreground 3), which reads as
    // disabled beside a selected one (issue 16 part 8): options the user can choose keep the
    // text colour; disabled ones keep Fluent's disabled colour.
    '& .fui-Radio__input:enabled:not(:checked) ~ .fui-Radio__label': { color: tokens.colorNeutralForeground1 },
  },
  header: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    paddingBlock: tokens.spacingVerticalS,
    paddingInline: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  brand: {
    display: 'flex',
    alignItems: 'center',
    // At 320 px the workbench badge moves under the name instead of squeezing its own text.
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
    flexGrow: 1,
    minWidth: 0,
  },
  badge: {
    whiteSpace: 'nowrap',
  },
  reload: {
    whiteSpace: 'nowrap',
    flexShrink: 0,
  },
  title: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
  sections: {
    display: 'flex',
    flexDirection: 'column',
    minWidth: 0,
  },
  section: {
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  sectionHeader: {
    backgroundColor: tokens.colorNeutralBackground1,
  },
  panel: {
    minWidth: 0,
    marginInline: 0,
    paddingBlock: tokens.spacingVerticalS,
    paddingInline: tokens.spacingHorizontalM,
  },
  panelBody: {
    minWidth: 0,
    // Focus lands here when a start button opens the section: a visible ring only for keyboard users.
    outlineStyle: 'none',
    ':focus-visible': {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: tokens.strokeWidthThick,
      borderRadius: tokens.borderRadiusMedium,
    },
  },
});
