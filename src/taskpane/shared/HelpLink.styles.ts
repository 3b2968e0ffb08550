import { makeStyles, tokens } from '@fluentui/react-components';

/** A quiet link on its own line at the end of a section; its text wraps at 320 px. */
export const useHelpLinkStyles = makeStyles({
  row: {
    display: 'flex',
    justifyContent: 'flex-end',
    marginBlockEnd: tokens.spacingVerticalXS,
    minWidth: 0,
  },
  link: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXXS,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    overflowWrap: 'anywhere',
  },
});
