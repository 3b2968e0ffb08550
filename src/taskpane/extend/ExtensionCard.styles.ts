import { makeStyles, tokens } from '@fluentui/react-components';
import { itemCard, stackedList } from '../shared/list.styles';

export const useExtensionCardStyles = makeStyles({
  card: { ...itemCard, minWidth: 0 },
  title: { overflowWrap: 'anywhere' },
  note: {
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
    margin: 0,
    overflowWrap: 'anywhere',
  },
  reasons: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalL,
    fontSize: tokens.fontSizeBase200,
  },
  measures: { ...stackedList, gap: tokens.spacingVerticalXXS },
  measure: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    minWidth: 0,
  },
  measureLabel: {
    flexGrow: 1,
    minWidth: 0,
    overflowWrap: 'anywhere',
    fontSize: tokens.fontSizeBase200,
  },
  form: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalS,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRadius: tokens.borderRadiusMedium,
  },
  row: {
    display: 'flex',
    gap: tokens.spacingHorizontalS,
    alignItems: 'center',
    flexWrap: 'wrap',
  },
  grow: { minWidth: 0, maxWidth: '100%' },
});
