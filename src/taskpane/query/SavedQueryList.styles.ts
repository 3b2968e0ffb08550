import { makeStyles, tokens } from '@fluentui/react-components';
import { stackedList, itemCard } from '../shared/list.styles';

export const useSavedQueryListStyles = makeStyles({
  list: { ...stackedList },
  card: { ...itemCard, padding: tokens.spacingHorizontalS, backgroundColor: tokens.colorNeutralBackground1 },
  editing: {
    border: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
  },
  title: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    overflowWrap: 'anywhere',
  },
  note: {
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
    overflowWrap: 'anywhere',
  },
  stale: {
    color: tokens.colorPaletteRedForeground1,
    fontSize: tokens.fontSizeBase200,
    overflowWrap: 'anywhere',
  },
  actions: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalXS,
  },
  // The name box takes a line of its own; Save and Cancel sit together below it at any width.
  rename: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalXS,
    alignItems: 'end',
  },
  renameField: {
    flexBasis: '100%',
    minWidth: 0,
  },
});
