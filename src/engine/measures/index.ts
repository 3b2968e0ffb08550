export type { AggDef, AggOp, AggState, MeasureValue } from './aggregate-def';
export { AGGREGATE_OPS, aggregateOpName, aggregateValues, type AggregateResult } from './catalogue';
export { percentileInc } from './quantile';
export {
  addSkips,
  cleanInput,
  noSkips,
  toCategoryInput,
  toNumericInput,
  toPresenceInput,
  toValueInput,
  totalSkipped,
  type SkippedCells,
} from './skipped';
export {
  EXCEL_FUNCTION,
  MEASURE_KINDS,
  MEASURE_VOCABULARY,
  NUMERIC_KINDS,
  SHOW_AS_KINDS,
  WAREHOUSE_REFUSALS,
  findMeasureByName,
  measureOutputName,
  measureTitle,
  SHOW_AS_TITLE,
  showAsOutputName,
  type MeasureNameMatch,
  type ShowAsKind,
  type MeasureInputs,
  type MeasureKind,
  type MeasureTerm,
} from './vocabulary';
