import { makeStyles, tokens } from '@fluentui/react-components';

export const useColumnRemovalDialogStyles = makeStyles({
  surface: {
    maxWidth: 'min(420px, calc(100vw - 24px))',
  },
  content: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  list: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalL,
    maxHeight: '160px',
    overflowY: 'auto',
    overflowWrap: 'anywhere',
  },
  formula: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
  },
  actions: {
    flexWrap: 'wrap',
  },
});
