export type {
  AliasUse,
  BinaryNode,
  BinaryOp,
  BooleanNode,
  CallNode,
  FieldNode,
  FormulaAst,
  FormulaNode,
  NumberNode,
  Span,
  StringNode,
  UnaryNode,
} from './ast';
export { childrenOf, walkFormula } from './ast';
export { FormulaError, lineColumn, type FormulaErrorCode } from './formula-error';
export { formatFieldRef } from './field-ref';
export { MAX_FORMULA_LENGTH, tokenize, type Token, type TokenType } from './lexer';
export { MAX_FORMULA_DEPTH, parseFormula } from './parse';
export { FUNCTIONS, functionNames, lookupFunction, type AggregateInput, type FunctionDef, type FunctionKind } from './functions';
export { checkFormula, constantValue, isConstantNumber, resolveField, type CheckOptions, type FormulaRole } from './check';
export { suggest } from './suggest';
export { functionAlias, functionAliases, type AliasOrigin, type FunctionAlias } from './aliases';
export { foreignAnswer } from './foreign-names';
export { normalizeFormula, type NormalizedFormula } from './normalize';
