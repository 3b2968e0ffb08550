// Types for scripts/sample-workbook.mjs, so TypeScript tests can import it under strict mode.
import type { SampleData } from './samples.mjs';
export const SAMPLE_TABLE: string;
export const SAMPLE_PIVOT: string;
export const SAMPLE_PIVOT_SHEET: string;
export function isoDateToSerial(iso: string): number;
export function revenueByRegion(data: SampleData): { regions: string[]; sums: number[]; total: number };
export function sampleWorkbook(data: SampleData): Uint8Array;
