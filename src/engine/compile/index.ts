export { assertGeneratedCode, generateCode, type CodegenContext } from './codegen';
export { QueryFormulaError } from './compile-formula';
export { columnTable, materialize, withColumns } from './column-table';
export {
  computeMeasures,
  type ComputeMeasuresOptions,
  type GroupRow,
  type LevelResult,
  type MeasureSpec,
  type MeasuresResult,
} from './compute-measures';
export { combineKeys, decodeKey, encodeGroupKey, type EncodedKey } from './group-keys';
export { registerOps } from './register-ops';
export { MAX_BUILT_TEXT, MAX_TEXT_LENGTH, ROW_FUNCTIONS, TextBudgetError, withTextBudget, type XValue } from './row-functions';
export { deriveColumns, type DerivedSpec } from './derive-fields';
