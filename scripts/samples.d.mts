// Types for scripts/samples.mjs, so TypeScript tests can import it under strict mode.
export type SampleValue = string | number;
export interface SampleData { columns: string[]; rows: SampleValue[][] }
export const ODATA_PAGE_SIZE: number;
export const SAMPLE_CONTENT_TYPES: Record<string, string>;
export function readSampleData(root: string): SampleData;
export function parseSampleData(data: unknown): SampleData;
export function toCsv(data: SampleData): string;
export function toRecords(data: SampleData): Array<Record<string, SampleValue>>;
export function toJson(data: SampleData): string;
export function toODataPages(data: SampleData): Array<{ name: string; text: string }>;
export function samplePatterns(root: string): Array<{ from: string; to: string; transform?: () => string | Buffer }>;
