import { makeStyles, shorthands, tokens } from '@fluentui/react-components';

/** Excel's task pane is about 350 CSS pixels wide by default; the workbench gives it 360. */
export const PANE_WIDTH = 360;

export const usePaneColumnStyles = makeStyles({
  root: {
    width: `${PANE_WIDTH}px`,
    flexShrink: 0,
    display: 'flex',
    flexDirection: 'column',
    minHeight: 0,
    backgroundColor: tokens.colorNeutralBackground1,
    ...shorthands.borderLeft(tokens.strokeWidthThin, 'solid', tokens.colorNeutralStroke1),
  },
  caption: {
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
    paddingLeft: tokens.spacingHorizontalM,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground3,
    backgroundColor: tokens.colorNeutralBackground2,
    ...shorthands.borderBottom(tokens.strokeWidthThin, 'solid', tokens.colorNeutralStroke2),
  },
  mount: {
    flexGrow: 1,
    minHeight: 0,
    overflow: 'auto',
  },
});
