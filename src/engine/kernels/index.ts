/**
 * Typed-array kernels for the built-in aggregates: the fast core shared by the query engine
 * (compile/compute-measures.ts) and the pivot extension.
 *
 * 1. `encodeGroupKey` (compile/group-keys.ts) turns each key column into codes;
 * 2. `denseGroupIds` maps rows to group ids (first appearance order);
 * 3. `groupNumbers` scatters a cleaned numeric input (NaN = skipped; measures/skipped.ts) by group;
 * 4. `aggregateByGroup` (from the rows) or `aggregateGroups` (from scattered numbers) computes
 *    COUNT/SUM/AVERAGE/MIN/MAX/PRODUCT/VAR/STDEV/MEDIAN/PERCENTILE/QUARTILE/COUNTDISTINCT per
 *    group with Excel's results, bit for bit those of the `pd_*` aggregates.
 *
 * @example
 * const key = encodeGroupKey(['N', 'S', 'n']);
 * const { ids, groups } = denseGroupIds([key], 3);
 * aggregateByGroup(ids, groups, toNumericInput([1, 2, 3], noSkips()), [{ fn: 'MEDIAN' }]) // [[2, 2]]
 */
export { encodeGroupKey, type EncodedKey } from '../compile/group-keys';
export { denseGroupIds, type GroupIds, type KeyCodes } from './group-ids';
export { groupNumbers, type GroupedNumbers } from './grouped-numbers';
export { rangeSorter, sortGroups, sortedGroupNumbers } from './sorted-groups';
export { KERNEL_FUNCTIONS, aggregateByGroup, aggregateGroups, isKernelFunction, kernelRequestOf, type KernelFunction, type KernelOptions, type KernelRequest } from './aggregate-groups';
export { distinctSorted, quantileSorted, segmentMax, segmentMin, segmentProduct, segmentSum, segmentVariance } from './segment-stats';
