/**
 * The one stamp of a workbook source (a table or a sheet range): what PivotDeck records when it
 * computes something from the source, and compares later to say "Out of date". It is the source's
 * data-row count and an FNV-1a hash of its header and of data rows at positions chosen from the
 * row count alone, taken from the values as Excel gives them (before any trimming or conversion
 * to text). So a stamp made from rows a refresh already read (no extra sync) and a stamp made
 * from a cheap read of the same positions now hash the same cells the same way.
 *
 * Extensions record it in ComputedAgainst (sourceRows + sourceSample), dashboards and saved
 * queries in SourceStamp (rows + sample); both compare it with {@link sampleChange}. Pure.
 */
import type { CellValue } from '../excel/api';
import { fingerprint } from '../excel/pivot/fingerprint';
import type { SampledRows } from '../excel/sampled-rows';
import { fnv1a } from '../engine/values/fnv1a';

/** Rows hashed at most: a source this size or smaller is hashed whole. */
export const SAMPLE_ROWS = 200;

/**
 * The data-row indexes a stamp hashes for a source of `rows` data rows: all of them up to
 * SAMPLE_ROWS, otherwise SAMPLE_ROWS spread evenly from the first to the last row. A change to a
 * row outside the sample (same row count) is seen while the pane watches the sheet, and by the
 * next refresh, not by the stamp alone: that is the price of a check that reads 200 rows, not all.
 *
 * @example sampleIndexes(3) // [0, 1, 2]
 * @example sampleIndexes(1000).length // 200
 */
export function sampleIndexes(rows: number): number[] {
  if (rows <= SAMPLE_ROWS) return Array.from({ length: rows }, (_, i) => i);
  const out = new Set<number>();
  for (let i = 0; i < SAMPLE_ROWS; i++) out.add(Math.round((i * (rows - 1)) / (SAMPLE_ROWS - 1)));
  return [...out].sort((a, b) => a - b);
}

/** Normalises a value so every read of the same cell hashes the same (-0 is 0, as Excel shows it). */
function cellKey(v: CellValue | undefined): string | number | boolean {
  if (v === undefined || v === null) return '';
  if (typeof v === 'number') return Object.is(v, -0) ? 0 : v;
  return v;
}

/**
 * Hash of the header and the rows at `indexes` (rows given by index, so a sampled read and a
 * full read share the code). The form dashboards' stamps have had since they were introduced, so
 * stamps already saved in workbooks compare as before.
 *
 * @example sampleHash(['Region'], (i) => [['West'], ['East']][i], [0, 1])
 */
export function sampleHash(header: readonly CellValue[], rowAt: (i: number) => readonly CellValue[] | undefined, indexes: readonly number[]): string {
  const parts: unknown[] = [header.map(cellKey)];
  for (const i of indexes) parts.push([i, ...(rowAt(i) ?? []).map(cellKey)]);
  return fnv1a(JSON.stringify(parts));
}

/** A source's row count and sample hash: the part of a stamp every kind of output compares. */
export interface SampleStamp {
  rows: number;
  sample: string;
}

/**
 * The stamp of a source from rows a read found (all of them, or only the sampled ones).
 *
 * @example stampOfSample({ rows: 2, header: ['Region'], sampled: new Map([[0, ['West']], [1, ['East']]]) }) // { rows: 2, sample: '…' }
 */
export function stampOfSample(read: SampledRows): SampleStamp {
  return { rows: read.rows, sample: sampleHash(read.header, (i) => read.sampled.get(i), sampleIndexes(read.rows)) };
}

/**
 * The stamp of a source from all its data rows, already read.
 *
 * @example stampOfRows(['Region'], [['West'], ['East']]) // { rows: 2, sample: '…' }
 */
export function stampOfRows(header: readonly CellValue[], rows: readonly (readonly CellValue[])[]): SampleStamp {
  return stampOfRowAt(header, rows.length, (i) => rows[i]);
}

/**
 * The stamp of a source of `count` data rows, asking only for the rows it hashes (a source read
 * into packed columns decodes 200 rows, not a million).
 *
 * @example stampOfRowAt(['Region'], 2, (i) => [['West'], ['East']][i]) // same as stampOfRows
 */
export function stampOfRowAt(header: readonly CellValue[], count: number, rowAt: (i: number) => readonly CellValue[] | undefined): SampleStamp {
  return { rows: count, sample: sampleHash(header, rowAt, sampleIndexes(count)) };
}

/** What differs between a recorded stamp and the source now. */
export type SampleChange = 'gone' | 'rows' | 'values';

/**
 * The one comparison of a recorded stamp with the source now: 'gone' when the source cannot be
 * read now, 'rows' when its row count changed, 'values' when the header or a sampled row did,
 * undefined when nothing a stamp sees changed. A recorded stamp without a hash (nothing was
 * sampled) never compares as unchanged with one that has, nor the other way round.
 *
 * @example sampleChange({ rows: 12, sample: 'ab' }, { rows: 13, sample: 'ab' }) // 'rows'
 */
export function sampleChange(then: Partial<SampleStamp>, now: Partial<SampleStamp> | undefined): SampleChange | undefined {
  if (!now) return 'gone';
  if (then.rows !== now.rows) return 'rows';
  if (then.sample !== now.sample) return 'values';
  return undefined;
}

// ---- Extensions recorded before they shared this stamp (ComputedAgainst without `sourceSample`): a 64-row
// sample hashed with `fingerprint`. Such a record is compared the old way (a read of the old 64
// positions, no more syncs than the new check) until the next write replaces it with the one
// stamp above. The two forms never compare equal (16 hex digits against 8), so a record checked
// in the wrong form reads as changed, never as a false "Up to date". ----

/** Rows an extension's stamp sampled in its older form. */
export const LEGACY_SAMPLED_ROWS = 64;

/**
 * The indexes those stamps sampled: all rows up to 64, else 64 evenly spaced with both ends.
 * @example legacySampleIndexes(3) // [0, 1, 2]
 */
export function legacySampleIndexes(count: number): number[] {
  if (count <= LEGACY_SAMPLED_ROWS) return Array.from({ length: count }, (_, i) => i);
  const step = (count - 1) / (LEGACY_SAMPLED_ROWS - 1);
  return Array.from({ length: LEGACY_SAMPLED_ROWS }, (_, i) => Math.round(i * step));
}

/**
 * An extension's source stamp in its older form, from a read of {@link legacySampleIndexes}.
 * @example const then = legacyStampOfSample(await readPivotSourceSample(run, snapshot, legacySampleIndexes));
 */
export function legacyStampOfSample(read: SampledRows): SampleStamp {
  const indexes = legacySampleIndexes(read.rows);
  return { rows: read.rows, sample: fingerprint([[read.header], indexes, indexes.map((i) => read.sampled.get(i))]) };
}
// ---- end of the older extension form ----
