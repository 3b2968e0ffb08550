/**
 * Dashboards' and saved queries' stamps already saved in workbooks keep working now that
 * extensions share the one source stamp (src/refresh/source-stamp.ts): the form did not change,
 * so a stamp the previous PivotDeck saved (captured from that version, not computed here) is
 * still "Up to date" while the table is unchanged and "Out of date" once it changes; a stamp
 * whose hash is in another form is never "Up to date".
 */
import { describe, expect, it } from 'vitest';
import { buildFromTemplate } from '../../src/dashboards';
import { emptyDocument, type PivotDeckDocument, type SourceStamp } from '../../src/model';
import { createDashboard } from '../../src/refresh/dashboards';
import { checkFreshness } from '../../src/refresh/dashboards/freshness';
import { FIELDS, salesSimulator } from './fixtures';

/** What the previous PivotDeck (commit 08da0ab) recorded for the Sales overview over fixtures' Sales table. */
const SAVED_BY_PREVIOUS_VERSION: SourceStamp = { key: 'table:Sales', label: 'Sales', kind: 'table', address: 'Data!A1:F11', rows: 10, sample: 'f081bdff' };

async function salesOverview() {
  const sim = salesSimulator();
  const made = await createDashboard({ run: sim.run, now: () => new Date(2026, 0, 15) }, emptyDocument(), { label: 'Sales overview', tiles: buildFromTemplate('salesOverview', { kind: 'table', name: 'Sales' }, FIELDS) });
  expect(made.outcome.status).toBe('written');
  return { sim, doc: made.document };
}

const withReadFrom = (doc: PivotDeckDocument, readFrom: SourceStamp[]): PivotDeckDocument => ({ ...doc, dashboards: doc.dashboards.map((d) => ({ ...d, readFrom })) });

describe('a dashboard stamp saved by the previous version', () => {
  it('is the stamp this version records, compares current while unchanged, and out of date after a change', async () => {
    const { sim, doc } = await salesOverview();
    expect(doc.dashboards[0]!.readFrom).toEqual([SAVED_BY_PREVIOUS_VERSION]);
    const saved = withReadFrom(doc, [SAVED_BY_PREVIOUS_VERSION]);
    expect((await checkFreshness(sim.run, saved)).dashboards.get('d1')).toEqual({ state: 'current' });
    sim.setCellAsUser('Data', 'E5', 'Zoë');
    expect((await checkFreshness(sim.run, saved)).dashboards.get('d1')).toEqual({ state: 'outOfDate', changed: ['Sales'] });
  });

  it('with a hash in another form (an extension\'s older 16-digit fingerprint) or none, is never current', async () => {
    const { sim, doc } = await salesOverview();
    const { sample: _none, ...withoutSample } = SAVED_BY_PREVIOUS_VERSION;
    for (const stamp of [{ ...SAVED_BY_PREVIOUS_VERSION, sample: 'f081bdff00000000' }, withoutSample, { ...SAVED_BY_PREVIOUS_VERSION, rows: 11 }]) {
      expect((await checkFreshness(sim.run, withReadFrom(doc, [stamp]))).dashboards.get('d1')).toEqual({ state: 'outOfDate', changed: ['Sales'] });
    }
  });
});
