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
    // minmax(0, …): let the inputs shrink to the pane's width instead of overflowing it.
    gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)',
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
