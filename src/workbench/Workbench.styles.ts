import { makeStaticStyles, makeStyles, tokens } from '@fluentui/react-components';

/** The workbench fills the window; only the grid and the pane scroll. */
export const useWorkbenchGlobalStyles = makeStaticStyles({
  'html, body, #root, #root > .fui-FluentProvider': { height: '100%', margin: 0 },
  body: { overflow: 'hidden' },
});

export const useWorkbenchStyles = makeStyles({
  root: {
    height: '100%',
    display: 'flex',
    flexDirection: 'column',
    backgroundColor: tokens.colorNeutralBackground1,
  },
  main: {
    flexGrow: 1,
    minHeight: 0,
    display: 'flex',
  },
  sheetArea: {
    flexGrow: 1,
    minWidth: 0,
    display: 'flex',
    flexDirection: 'column',
  },
});
