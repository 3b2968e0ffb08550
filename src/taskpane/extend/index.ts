export { ExtendPivotPanel, type ExtendPivotPanelProps } from './ExtendPivotPanel';
