/** AST constructors plus the blank test on a compiled row value, in one import for compilers. */
export * from './ast';
export { isBlankSql as isBlankSqlExpr } from './compile-row';
