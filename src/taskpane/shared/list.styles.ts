import { tokens, type GriffelStyle } from '@fluentui/react-components';

/**
 * Style fragments shared by the pane's lists (tables, pivots, extensions, saved queries, web
 * sources, dashboards), so every list in the pane spaces and frames its items the same way.
 * Spread them into a component's own `makeStyles` call; override a property after the spread.
 *
 * @example const useStyles = makeStyles({ list: { ...stackedList }, card: { ...itemCard, backgroundColor: tokens.colorNeutralBackground1 } });
 */

/** A plain `<ul>` laid out as a vertical stack. */
export const stackedList: GriffelStyle = {
  listStyleType: 'none',
  margin: 0,
  padding: 0,
  display: 'flex',
  flexDirection: 'column',
  gap: tokens.spacingVerticalS,
};

/** One framed item of such a list. */
export const itemCard: GriffelStyle = {
  display: 'flex',
  flexDirection: 'column',
  gap: tokens.spacingVerticalXS,
  padding: tokens.spacingVerticalS,
  border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  borderRadius: tokens.borderRadiusMedium,
};
