/**
 * "Up to date" or "Out of date — Orders changed" for every dashboard and saved query: the stamps
 * each recorded at its last refresh against a cheap read of the sources now (each table once,
 * at most three syncs in all), and the document's last pull for web sources.
 */
import type { ExcelRun } from '../../excel/api';
import { readSourceSamples, type SampledSource } from '../../excel/dashboard/read-source-samples';
import type { PivotDeckDocument, SourceStamp } from '../../model';
import { sampleIndexes, stampOfSample } from '../source-stamp';
import { compareStamps, pulledStamp, stampAddress, type Freshness } from './source-stamps';

export interface FreshnessReport {
  dashboards: Map<string, Freshness>;
  queries: Map<string, Freshness>;
  /** Round trips the check took. */
  syncs: number;
}

/** The workbook source a stamp key names, or undefined for web and warehouse sources. */
function sampledSource(stamp: SourceStamp): SampledSource | undefined {
  if (stamp.kind === 'table' && stamp.key.startsWith('table:')) return { key: stamp.key, kind: 'table', name: stamp.key.slice('table:'.length) };
  if (stamp.kind === 'range' && stamp.key.startsWith('range:')) {
    const ref = stamp.key.slice('range:'.length);
    const bang = ref.lastIndexOf('!');
    if (bang > 0) return { key: stamp.key, kind: 'range', sheet: ref.slice(0, bang), address: ref.slice(bang + 1) };
  }
  return undefined;
}

/**
 * The stamps of the given sources as they are now: workbook tables and ranges read cheaply
 * (their sample), web sources from the document's last pull. A source that is gone is absent.
 *
 * @example const { stamps } = await currentStamps(host.run, doc, doc.dashboards[0].readFrom ?? []);
 */
export async function currentStamps(run: ExcelRun, doc: Pick<PivotDeckDocument, 'sources'>, wanted: readonly SourceStamp[]): Promise<{ stamps: Map<string, SourceStamp | undefined>; syncs: number }> {
  const stamps = new Map<string, SourceStamp | undefined>();
  const sampled = new Map<string, SampledSource>();
  for (const s of wanted) {
    if (stamps.has(s.key) || sampled.has(s.key)) continue;
    const source = sampledSource(s);
    if (source) {
      sampled.set(s.key, source);
    } else if (s.kind === 'web') {
      const def = doc.sources.find((d) => `source:${d.id}` === s.key);
      stamps.set(s.key, def ? { key: s.key, label: s.label, kind: 'web', pulled: pulledStamp(def.lastPull) } : undefined);
    }
  }
  const { samples, syncs } = await readSourceSamples(run, [...sampled.values()], sampleIndexes);
  for (const [key, sample] of samples) {
    const label = wanted.find((s) => s.key === key)?.label ?? key;
    const kind = sampled.get(key)!.kind;
    stamps.set(key, sample && {
      key, label, kind,
      address: stampAddress(sample.sheet, sample.address),
      ...stampOfSample(sample),
    });
  }
  return { stamps, syncs };
}

/**
 * How fresh every dashboard and saved query is: "current" only when nothing they read changed
 * since their last refresh.
 *
 * @example const report = await checkFreshness(host.run, doc); report.dashboards.get('d1') // { state: 'outOfDate', changed: ['Orders'] }
 */
export async function checkFreshness(run: ExcelRun, doc: PivotDeckDocument): Promise<FreshnessReport> {
  const outputs = [...doc.dashboards, ...doc.queries];
  const wanted = outputs.flatMap((o) => o.readFrom ?? []);
  const { stamps, syncs } = await currentStamps(run, doc, wanted);
  const judge = (o: (typeof outputs)[number]): Freshness => {
    if (!o.lastRefresh) return { state: 'never' };
    return compareStamps(o.readFrom, stamps, o.lastRefresh.at);
  };
  return {
    dashboards: new Map(doc.dashboards.map((d) => [d.id, judge(d)])),
    queries: new Map(doc.queries.map((q) => [q.id, judge(q)])),
    syncs,
  };
}
