/**
 * Show rows (issue 17): the rows behind any number PivotDeck writes, on a new sheet. The pane's
 * button and the ribbon's command both call `Services.showRows`, which runs showRowsAtSelection.
 */
export { showRowsAtSelection } from './show-rows-at-selection';
export type { ShowRowsDeps } from './show-rows-deps';
export { NOT_A_NUMBER, type ShowRowsOutcome } from './show-rows-outcome';
export { computeDrill, computeDrillInThread, type DrillComputed, type DrillComputeInput, type DrillComputer } from './compute-drill';
export { browserDrillComputer, drillWorkerComputer } from './drill-worker-computer';
export { locateCell, type CellLocator, type Located } from './locate-cell';
export { warehouseRowsRunner, type WarehouseRowsRunner } from './warehouse-rows';
export { tileWords } from './dashboard-cell';
