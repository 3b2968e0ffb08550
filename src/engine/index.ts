/**
 * PivotDeck's analysis engine: pure TypeScript (no DOM, no Office).
 * - values: Excel cell values, 1900 serial dates, date number formats
 * - formula: the Excel-like formula language (parse, check)
 * - measures: Excel-faithful aggregates and skipped-cell tallies
 * - compile: formulas -> Arquero (computeMeasures, deriveColumns)
 * - kernels: dense group ids and per-group aggregates on typed arrays, which computeMeasures and
 *   the pivot extension use for one-aggregate measures (import from './kernels'; not re-exported)
 * - spec: the versioned query spec (zod schema, readable validation errors)
 * - query: execute a spec -> flat rows and a pivot grid; show-as; safe tables from Excel values
 */
export * from './values';
export * from './formula';
export * from './measures';
export * from './compile';
export * from './spec';
export * from './query';
