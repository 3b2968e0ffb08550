import { makeStyles, tokens } from '@fluentui/react-components';

export const useSourceFormStyles = makeStyles({
  form: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    minWidth: 0,
  },
  pair: {
    display: 'grid',
    // Two columns only where each box is wide enough for its placeholder (about 400 px panes);
    // narrower panes stack them, so "From the address" and "Same as the name" are never cut off.
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 10rem), 1fr))',
    gap: tokens.spacingHorizontalS,
  },
  fill: {
    width: '100%',
    minWidth: 0,
  },
  secretNote: {
    color: tokens.colorNeutralForeground2,
  },
  actions: {
    display: 'flex',
    gap: tokens.spacingHorizontalS,
    flexWrap: 'wrap',
  },
});
