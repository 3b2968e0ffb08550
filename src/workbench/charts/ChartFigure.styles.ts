import { makeStyles, shorthands, tokens } from '@fluentui/react-components';

export const useChartFigureStyles = makeStyles({
  root: {
    position: 'absolute',
    boxSizing: 'border-box',
    backgroundColor: tokens.colorNeutralBackground1,
    ...shorthands.border(tokens.strokeWidthThin, 'solid', tokens.colorNeutralStroke2),
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow4,
    overflow: 'hidden',
    // The chart floats over cells like Excel's; clicks still reach the grid behind it.
    pointerEvents: 'none',
    fontFamily: tokens.fontFamilyBase,
  },
  svg: {
    display: 'block',
  },
  title: {
    fill: tokens.colorNeutralForeground1,
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
  axisLabel: {
    fill: tokens.colorNeutralForeground3,
    fontSize: '11px',
  },
  axisTitle: {
    fill: tokens.colorNeutralForeground2,
    fontSize: '11px',
    fontWeight: tokens.fontWeightSemibold,
  },
  legend: {
    fill: tokens.colorNeutralForeground2,
    fontSize: '11px',
  },
  gridline: {
    stroke: tokens.colorNeutralStroke2,
    strokeWidth: 1,
  },
  baseline: {
    stroke: tokens.colorNeutralStroke1,
    strokeWidth: 1,
  },
  dataLabel: {
    fill: tokens.colorNeutralForeground1,
    fontSize: '10px',
  },
  sliceLabel: {
    fill: '#FFFFFF',
    fontSize: '11px',
    fontWeight: tokens.fontWeightSemibold,
  },
});
