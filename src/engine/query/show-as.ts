import type { MeasureValue } from '../measures/aggregate-def';

/**
 * Show-as calculations as pure functions over plain values. Sequence
 * functions take one partition's values in display order (SQL: a window
 * PARTITION BY the other keys ORDER BY the base field). Non-numbers: blanks
 * stay blank, errors stay errors, and neither takes part in sums or ranks.
 */

const isNum = (v: MeasureValue): v is number => typeof v === 'number';

/**
 * value / base; #DIV/0! when base is 0, #N/A when there is no numeric base.
 * @example percentOf(25, 100) // 0.25
 */
export function percentOf(value: MeasureValue, base: MeasureValue | undefined): MeasureValue {
  if (!isNum(value)) return value;
  if (base === undefined || base === null) return '#N/A';
  if (!isNum(base)) return base;
  return base === 0 ? '#DIV/0!' : value / base;
}

/**
 * Running total: the sum of the numbers so far (SUM() OVER (ORDER BY ... ROWS UNBOUNDED PRECEDING)).
 * A blank cell shows the total so far; an error shows itself without breaking the run.
 * @example runningTotal([1, 2, null, 4]) // [1, 3, 3, 7]
 */
export function runningTotal(values: readonly MeasureValue[]): MeasureValue[] {
  let sum = 0;
  return values.map((v) => {
    if (isNum(v)) return (sum += v);
    return v === null ? sum : v;
  });
}

/**
 * RANK (SQL RANK(), Excel RANK.EQ): equal values share a rank and leave a gap;
 * blanks get no rank and an error stays the error, as in Excel's "Show Values As" Rank
 * (a pivot cell holding #N/A shows #N/A whatever the show-as).
 * @example rank([10, 30, 20, 30]) // [4, 1, 3, 1]
 * @example rank([10, 30, 20], 'asc') // [1, 3, 2]
 * @example rank([5, '#N/A', null]) // [1, '#N/A', null]
 */
export function rank(values: readonly MeasureValue[], order: 'asc' | 'desc' = 'desc'): MeasureValue[] {
  const nums = values.filter(isNum);
  return values.map((v) => {
    if (!isNum(v)) return v;
    let better = 0;
    for (const x of nums) if (order === 'desc' ? x > v : x < v) better++;
    return better + 1;
  });
}

/**
 * Difference from the previous item (value - LAG(value)); the first item is blank.
 * @example differenceFromPrevious([5, 8, 6]) // [null, 3, -2]
 */
export function differenceFromPrevious(values: readonly MeasureValue[]): MeasureValue[] {
  return values.map((v, i) => {
    if (i === 0) return null;
    const prev = values[i - 1];
    if (!isNum(v)) return v;
    if (!isNum(prev)) return prev === null ? null : prev;
    return v - prev;
  });
}

/**
 * % difference from the previous item ((value - prev) / prev); first item blank, prev 0 gives #DIV/0!.
 * @example percentDifferenceFromPrevious([50, 75, 60]) // [null, 0.5, -0.2]
 */
export function percentDifferenceFromPrevious(values: readonly MeasureValue[]): MeasureValue[] {
  return values.map((v, i) => {
    if (i === 0) return null;
    const prev = values[i - 1];
    if (!isNum(v)) return v;
    if (!isNum(prev)) return prev === null ? null : prev;
    return prev === 0 ? '#DIV/0!' : (v - prev) / prev;
  });
}

/**
 * Moving average over the current and up to periods-1 previous items (SQL
 * AVG() OVER (ROWS BETWEEN periods-1 PRECEDING AND CURRENT ROW)): fewer items
 * at the start; only numbers are averaged; no numbers in the window gives blank.
 * @example movingAverage([2, 4, 6, 8], 3) // [2, 3, 4, 6]
 */
export function movingAverage(values: readonly MeasureValue[], periods: number): MeasureValue[] {
  return values.map((_, i) => {
    let sum = 0;
    let n = 0;
    for (let j = Math.max(0, i - periods + 1); j <= i; j++) {
      const x = values[j];
      if (isNum(x)) {
        sum += x;
        n++;
      }
    }
    return n ? sum / n : null;
  });
}
