import { makeStyles, tokens } from '@fluentui/react-components';

export const useExtensionResultStyles = makeStyles({
  notes: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalL,
    fontSize: tokens.fontSizeBase200,
  },
  table: {
    borderCollapse: 'collapse',
    fontSize: tokens.fontSizeBase200,
    marginTop: tokens.spacingVerticalXS,
  },
  cell: {
    textAlign: 'start',
    paddingInlineEnd: tokens.spacingHorizontalS,
  },
  actions: {
    marginTop: tokens.spacingVerticalS,
  },
});
