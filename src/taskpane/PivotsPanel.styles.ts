import { makeStyles, tokens } from '@fluentui/react-components';
import { stackedList } from './shared/list.styles';

export const usePivotsPanelStyles = makeStyles({
  list: { ...stackedList },
  card: {
    minWidth: 0,
  },
  name: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    fontWeight: tokens.fontWeightSemibold,
    overflowWrap: 'anywhere',
  },
  meta: {
    color: tokens.colorNeutralForeground3,
  },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  term: {
    color: tokens.colorNeutralForeground3,
  },
  detail: {
    margin: 0,
    minWidth: 0,
    overflowWrap: 'anywhere',
  },
  degraded: {
    color: tokens.colorNeutralForeground3,
    fontStyle: 'italic',
  },
  values: {
    margin: 0,
    paddingInlineStart: 0,
    listStyleType: 'none',
  },
});
