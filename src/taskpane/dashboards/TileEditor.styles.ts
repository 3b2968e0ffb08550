import { makeStyles, tokens } from '@fluentui/react-components';
import { itemCard, stackedList } from '../shared/list.styles';

export const useTileEditorStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  list: { ...stackedList },
  card: { ...itemCard, backgroundColor: tokens.colorNeutralBackground1 },
  top: {
    display: 'flex',
    alignItems: 'start',
    gap: tokens.spacingHorizontalXS,
  },
  number: {
    flexShrink: 0,
    width: '20px',
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
  },
  badge: {
    flexShrink: 0,
    whiteSpace: 'nowrap',
  },
  summary: {
    flexGrow: 1,
    minWidth: 0,
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    overflowWrap: 'anywhere',
  },
  tools: {
    flexShrink: 0,
    display: 'flex',
  },
  legend: {
    padding: 0,
    marginBottom: tokens.spacingVerticalXXS,
    width: '100%',
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
  },
  controls: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(min(120px, 100%), 1fr))',
    gap: tokens.spacingHorizontalS,
    // A select sizes itself to its longest option; in a grid cell it must shrink to the cell, and so
    // must the Field's own grid child around it (it overlapped the next dropdown at 320 and 360 px).
    '& > *': { minWidth: 0 },
    '& > * > *': { minWidth: 0 },
    '& select': { minWidth: 0, textOverflow: 'ellipsis' },
  },
  checks: {
    border: 'none',
    margin: 0,
    padding: 0,
    minWidth: 0,
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalS,
    // A checkbox's label box is taller than its row: without a gap, one row's labels covered the
    // next row's by 4 px (a click there could tick the wrong dropdown), found at 320-400 px.
    rowGap: tokens.spacingVerticalS,
  },
  limits: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(min(110px, 100%), 1fr))',
    gap: tokens.spacingHorizontalS,
    alignItems: 'end',
    '& > *': { minWidth: 0 },
    '& > * > *': { minWidth: 0 },
    '& select, & input': { minWidth: 0 },
  },
  problem: {
    color: tokens.colorPaletteRedForeground1,
    fontSize: tokens.fontSizeBase200,
  },
  add: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalXS,
  },
});
