/**
 * One number-format display renderer for every surface: what a cell shows for a value and an
 * Excel number format code. Pure (no DOM), built on src/engine/values' 1900 date system.
 */
export { displayValue, isNumericCell } from './display-value';
export { formatNumber, showsDateOrTime } from './format-number';
export { formatGeneral } from './format-general';
export { sections, tokenize, type Token } from './format-tokens';
