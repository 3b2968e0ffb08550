/**
 * The PivotDeck workbook document: everything PivotDeck keeps inside a workbook so a teammate
 * who opens the file with the add-in sees and refreshes the same work. Validated with zod on the
 * way in, because a workbook is untrusted input (it may have been edited by hand or by a newer
 * PivotDeck).
 *
 * Never put credentials here: sources keep only a `credential` reference naming the origin that
 * needs one; the secret itself lives in per-user storage.
 */
import { z } from 'zod';
import type { MeasureKind } from '../engine/measures/vocabulary';

/** Bump when the persisted shape changes, and add a step to migrations.ts. */
export const SCHEMA_VERSION = 5;

const id = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, 'ids use letters, digits, _ and -');
const label = z.string().min(1).max(255);

/**
 * The engine's measure vocabulary, restated as a record so the compiler checks both ways that the
 * document accepts exactly the engine's kinds (src/model may import engine types only).
 */
const MEASURE_KIND_SET: Record<MeasureKind, true> = {
  sum: true, count: true, countNumbers: true, average: true, min: true, max: true, product: true,
  median: true, percentile: true, quartile: true, distinctCount: true, mode: true,
  stdevSample: true, stdevPopulation: true, varSample: true, varPopulation: true,
  first: true, last: true, weightedAverage: true, ratioOfSums: true,
  percentOfGrandTotal: true, percentOfParentRow: true, percentOfColumnTotal: true,
  runningTotal: true, rankInParent: true, differenceFromPrevious: true, percentDifferenceFromPrevious: true,
  formula: true,
};

/** Measures a user adds to a pivot or a query; `formula` is source text in our formula language. */
export const measureDef = z.object({
  id,
  label,
  kind: z.enum(Object.keys(MEASURE_KIND_SET) as [MeasureKind, ...MeasureKind[]]),
  field: z.string().max(255).optional(),
  /** Second field: weight (weightedAverage), denominator (ratioOfSums), order (first/last). */
  otherField: z.string().max(255).optional(),
  /** Percentile in [0, 1]; quartile 1..3 is stored as 0.25/0.5/0.75. */
  p: z.number().min(0).max(1).optional(),
  /** Base measure for show-as style measures (share, running total, rank, difference). */
  of: z.string().max(64).optional(),
  formula: z.string().max(4000).optional(),
  numberFormat: z.string().max(255).optional(),
});
export type MeasureDef = z.infer<typeof measureDef>;

/** Where an extension's columns go. */
export const placement = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('beside') }),
  z.object({ kind: z.literal('sheet'), sheet: z.string().min(1).max(31) }),
]);

/** Tracks exactly what PivotDeck wrote so a refresh replaces it and nothing else. */
export const outputRef = z.object({
  /** Workbook-level defined name that covers the written block. */
  name: z.string().regex(/^PivotDeck_[A-Za-z0-9_]+$/),
  sheet: z.string().max(31).optional(),
  address: z.string().max(64).optional(),
});

export const refreshStatus = z.object({
  at: z.string().max(40),
  ok: z.boolean(),
  message: z.string().max(2000).optional(),
});

// ---- Extensions: what a block was computed against, and whether it is out of date (issue 14
// part 5, "ext"). Optional fields only: documents saved before simply have no record yet. ----

/**
 * What an extension's numbers were computed against: the pivot's row and column fields, a
 * fingerprint of its row items, of its value cells and of its filters (item visibility), and the
 * source's data row count plus a cheap fingerprint (sampled rows). Fingerprints are short hashes,
 * never the data itself.
 */
export const computedAgainst = z.object({
  rows: z.array(z.string().max(255)).max(100),
  columns: z.array(z.string().max(255)).max(100),
  rowItemCount: z.number().int().min(0),
  rowItems: z.string().max(64),
  values: z.string().max(64),
  filters: z.string().max(64),
  sourceRows: z.number().int().min(0),
  source: z.string().max(64),
  // ---- h/stamps (one source stamp): optional, no version bump. Present: `source` and this hold
  // the one source stamp's sample hash (src/refresh/source-stamp.ts, the form dashboards record).
  // Absent (written before): `source` is the older 64-row fingerprint, compared the old way until
  // the next write records this form. ----
  sourceSample: z.string().max(40).optional(),
  // ---- end of h/stamps ----
});
export type ComputedAgainst = z.infer<typeof computedAgainst>;

/** Set when PivotDeck found the pivot or its source changed since the block was computed. */
export const outOfDate = z.object({
  at: z.string().max(40),
  /** 'pivot' when the PivotTable itself changed (the block may be misaligned), else 'source'. */
  changed: z.enum(['pivot', 'source']),
  /** What changed, in plain words ("the row fields changed: Category was removed"). */
  reasons: z.array(z.string().max(500)).max(20),
});
export type OutOfDate = z.infer<typeof outOfDate>;

const extensionFreshness = {
  computedAgainst: computedAgainst.optional(),
  outOfDate: outOfDate.optional(),
  /** Refresh the block by itself when its pivot or source changes (off unless the user turns it on). */
  autoRefresh: z.boolean().optional(),
};
// ---- end of the extensions' freshness block ----

export const pivotExtension = z.object({
  id,
  pivotName: z.string().min(1).max(255),
  /**
   * The pivot's worksheet: names are unique per sheet only. Absent only in documents saved before
   * version 4 whose sheet the migration could not tell; reading then refuses an ambiguous name.
   */
  pivotSheet: z.string().min(1).max(31).optional(),
  measures: z.array(measureDef).min(1).max(50),
  placement,
  output: outputRef.optional(),
  lastRefresh: refreshStatus.optional(),
  ...extensionFreshness,
});
export type PivotExtension = z.infer<typeof pivotExtension>;

/** True for a canonical http(s) origin such as "https://api.example.com:8443" (no path, no default port). */
function isOrigin(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === text;
  } catch {
    return false;
  }
}

/**
 * A reference to a per-user secret; the workbook says who needs one, never what it is. `origin`
 * is the exact origin (scheme, host, port) the secret was entered for: it is sent to no other.
 * Version 1 kept a bare `host`; migrations.ts turns it into https://host.
 */
export const credentialRef = z.object({
  origin: z.string().max(300).refine(isOrigin, 'a credential names an origin such as https://api.example.com'),
  kind: z.enum(['none', 'apiKeyHeader', 'apiKeyQuery', 'bearer', 'basic']),
  /** Header or query parameter name for API keys. */
  parameter: z.string().max(100).optional(),
});

/** Where a web source lands: its Excel table and the sheet it goes on. */
export const landingPlace = z.object({
  tableName: z.string().min(1).max(255),
  sheet: z.string().min(1).max(31),
});
export type LandingPlace = z.infer<typeof landingPlace>;

/**
 * What the last successful pull (or warehouse "Test connection") saw: validators for the next
 * conditional request, the columns (to report schema changes and to offer the fields without
 * pulling), rows and bytes. None of it is secret.
 */
export const lastPull = z.object({
  etag: z.string().max(1000).optional(),
  lastModified: z.string().max(100).optional(),
  columns: z.array(z.object({ name: z.string().max(500), type: z.enum(['text', 'number', 'date', 'boolean']) })).max(16_384).optional(),
  rows: z.number().int().min(0).optional(),
  bytes: z.number().min(0).optional(),
});
export type LastPull = z.infer<typeof lastPull>;

/** The kind of a source's last failure, so the pane can ask for a credential. */
export const lastError = z.object({
  /** SourceError / LandingError kind, e.g. 'auth', 'http', 'cors', 'writeFailed'. */
  kind: z.string().max(40),
  /** The host a credential is needed for, when kind is 'auth'. */
  host: z.string().max(255).optional(),
});
export type LastError = z.infer<typeof lastError>;

export const sourceDef = z.object({
  id,
  label,
  kind: z.enum(['csv', 'json', 'rest', 'odata', 'googleSheets', 'parquet', 'arrow', 'table', 'range', 'warehouse']),
  url: z.string().max(4000).optional(),
  /**
   * The connector's own settings for this kind (delimiter, JSON path, paging, OData query, the
   * warehouse's database and table ...), validated by the connector before every use
   * (src/connectors/source-options.ts, warehouse-connection.ts). PivotDeck's own state about the
   * source is never kept here: it has the typed fields below.
   */
  options: z.record(z.string(), z.unknown()).optional(),
  credential: credentialRef.optional(),
  /** Queries pull it from the web; it is never landed in the sheet. */
  keepOutOfSheet: z.boolean().optional(),
  /** Where it lands (absent: a sheet and table named after it, on first load). */
  landing: landingPlace.optional(),
  output: outputRef.optional(),
  lastRefresh: refreshStatus.optional(),
  lastPull: lastPull.optional(),
  lastError: lastError.optional(),
});
/** A web, file or warehouse source as the workbook stores it (never a secret). */
export type SourceDefinition = z.infer<typeof sourceDef>;

// ---- History (issue 17): keep every successful refresh's result in a table PivotDeck owns. ----
/**
 * A saved query's or dashboard's history option. `keep` turns it on; retention removes whole
 * oldest snapshots: beyond the last `lastRefreshes`, and older than `maxAgeDays` (either, both or
 * neither). The snapshots themselves live in the workbook, in the history table (src/excel/history),
 * not here: the table is the history, so a teammate's refresh appends to the same one.
 */
export const historyOptions = z.object({
  keep: z.boolean(),
  lastRefreshes: z.number().int().min(1).max(100_000).optional(),
  maxAgeDays: z.number().int().min(1).max(36_500).optional(),
});
export type HistoryOptions = z.infer<typeof historyOptions>;
// ---- end of History ----

// ---- h/dash (issue 14 part 5, issue 16 part 8): what a dashboard or saved query last read,
// and the colours a dashboard's charts give their categories. All optional: older documents
// simply have none (they show "Refreshed at …" until their next refresh records them).

/**
 * What one source looked like when an output was last computed from it, so PivotDeck can say
 * "Out of date — Orders changed". A workbook table or range: its address, row count and a hash
 * of a sample of its values; a web source: its last pull's validators and size; a warehouse:
 * nothing to compare (the pane says when it was refreshed instead).
 */
export const sourceStamp = z.object({
  /** The engine's sourceRefKey ("table:Sales"). */
  key: z.string().min(1).max(600),
  /** How the pane names it ("Sales"). */
  label: z.string().max(255),
  kind: z.enum(['table', 'range', 'web', 'warehouse']),
  address: z.string().max(80).optional(),
  rows: z.number().int().min(0).optional(),
  /** Hash of the header and sampled rows (src/refresh/dashboards/source-stamps.ts). */
  sample: z.string().max(40).optional(),
  /** A web source's last pull, as validators and size ("etag|last-modified|rows|bytes"). */
  pulled: z.string().max(1200).optional(),
});
export type SourceStamp = z.infer<typeof sourceStamp>;
const readFrom = z.array(sourceStamp).max(40).optional();

const colour = z.string().regex(/^#[0-9A-Fa-f]{6}$/);
/**
 * Per chart tile, its categories (or series) with their "#RRGGBB", kept so a category keeps its
 * colour. Lists of pairs, not records: zod drops a record key named "__proto__", and a region
 * may be called anything.
 */
const chartColours = z.array(z.object({
  tile: z.string().min(1).max(40),
  colours: z.array(z.tuple([z.string().max(255), colour])).max(300),
})).max(100).optional();
// ---- end h/dash ----

export const queryDef = z.object({
  id,
  label,
  /** The engine's versioned query spec; validated by src/engine, opaque here. */
  spec: z.record(z.string(), z.unknown()),
  output: outputRef.optional(),
  lastRefresh: refreshStatus.optional(),
  /** History (issue 17): optional, absent = no history. */
  history: historyOptions.optional(),
  /** h/dash: the sources it read at its last refresh (absent: not known yet). */
  readFrom,
});

export const dashboardDef = z.object({
  id,
  label,
  sheet: z.string().min(1).max(31),
  /** Tiles are validated by the dashboard layer, opaque here. */
  tiles: z.array(z.record(z.string(), z.unknown())).max(100),
  refreshOnOpen: z.boolean().optional(),
  refreshEveryMinutes: z.number().int().min(1).max(1440).optional(),
  lastRefresh: refreshStatus.optional(),
  /** History (issue 17): optional, absent = no history. */
  history: historyOptions.optional(),
  /** h/dash: the sources it read at its last refresh (absent: not known yet). */
  readFrom,
  /** h/dash: the colour each chart gave each category, kept across refreshes. */
  chartColours,
});

export const pivotDeckDocument = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  /**
   * A random id PivotDeck writes the first time it saves, so the user's answers to "Allow this
   * workbook to contact …?" (kept per user, outside the workbook) find this workbook again.
   * Optional: older documents gain one on their next save. Copying it into another workbook only
   * lets that workbook contact origins the user already allowed for the first.
   */
  workbookId: id.optional(),
  extensions: z.array(pivotExtension).max(200),
  sources: z.array(sourceDef).max(200),
  queries: z.array(queryDef).max(200),
  dashboards: z.array(dashboardDef).max(50),
});
export type PivotDeckDocument = z.infer<typeof pivotDeckDocument>;

export function emptyDocument(): PivotDeckDocument {
  return { schemaVersion: SCHEMA_VERSION, extensions: [], sources: [], queries: [], dashboards: [] };
}
