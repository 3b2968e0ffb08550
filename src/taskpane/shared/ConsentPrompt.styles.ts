import { makeStyles, tokens } from '@fluentui/react-components';

export const useConsentPromptStyles = makeStyles({
  origins: {
    margin: 0,
    marginBlockStart: tokens.spacingVerticalXS,
    paddingInlineStart: tokens.spacingHorizontalL,
    // Origins are long unbroken words: wrap them inside the pane instead of scrolling sideways.
    overflowWrap: 'anywhere',
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
  },
  note: {
    display: 'block',
    marginBlockStart: tokens.spacingVerticalXS,
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
  },
  actions: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
  },
});
