/**
 * The pivot extension's view of the one measure catalogue (src/taskpane/query/measure-choices.ts,
 * derived from the engine's vocabulary): everything but what a native PivotTable already does.
 */
export { choiceOf, EXTENSION_MEASURE_CHOICES as MEASURE_CHOICES, type MeasureChoice } from '../query/measure-choices';
