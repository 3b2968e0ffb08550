/**
 * PivotDeck's analysis engine: pure TypeScript (no DOM, no Office).
 * - values: Excel cell values, 1900 serial dates, date number formats
 * - formula: the Excel-like formula language (parse, check)
 * - measures: Excel-faithful aggregates and skipped-cell tallies
 * - compile: formulas -> Arquero (computeMeasures)
 */
export * from './values';
export * from './formula';
export * from './measures';
export * from './compile';
