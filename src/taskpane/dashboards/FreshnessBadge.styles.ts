import { makeStyles } from '@fluentui/react-components';

export const useFreshnessBadgeStyles = makeStyles({
  // Long source names wrap inside the pane instead of widening it (320 px task panes).
  badge: {
    alignSelf: 'flex-start',
    maxWidth: '100%',
    height: 'auto',
    whiteSpace: 'normal',
    overflowWrap: 'anywhere',
    textAlign: 'start',
  },
});
