/**
 * The pane's one dispatcher of Excel's sheet events (src/refresh/services/workbook-events.ts),
 * against the simulator's real event registrations (no mock): one Excel handler per event however
 * many listeners, fanned out to each; activation listeners hear only activations; PivotDeck's own
 * writes are marked; a throwing or rejecting listener does not stop the others; the handler goes
 * when the last listener leaves. And through the composition root: the extensions' watch, the
 * freshness watch and a dashboard's parameter watch together register each event once.
 */
import { describe, expect, it } from 'vitest';
import { buildFromTemplate } from '../../src/dashboards';
import { emptyDocument } from '../../src/model';
import { createDashboard } from '../../src/refresh/dashboards';
import { FreshnessWatch } from '../../src/refresh/dashboards/freshness-watch';
import { memoryDocumentStorage } from '../../src/refresh/document';
import { watchExtensions } from '../../src/refresh/extensions/extension-watch';
import { createServices } from '../../src/refresh/services';
import { WorkbookEvents, type ActivatedEvent, type ChangedEvent } from '../../src/refresh/services/workbook-events';
import { createSimulator, type Simulator } from '../../src/simulator';
import { FIELDS, salesSimulator } from '../dashboards/fixtures';
import { workbook } from '../simulator/helpers';

const NONE = { activated: 0, changed: 0, sheetChanged: {} };

function threeSheets(): Simulator {
  return createSimulator(workbook({ Data: [['Région', 'n'], ['Zürich', -0]], Other: [['a']], 'Ünïcode 表': [['b']] }));
}

async function ids(sim: Simulator): Promise<Record<string, string>> {
  return sim.run(async (ctx) => {
    const sheets = ctx.workbook.worksheets.load('items/name, items/id');
    await ctx.sync();
    return Object.fromEntries(sheets.items.map((s) => [s.name, s.id]));
  });
}

/** Delivers what Excel has queued, then lets the listeners' own promises settle. */
async function delivered(sim: Simulator): Promise<void> {
  await sim.eventsDelivered();
  await new Promise((resolve) => { setTimeout(resolve, 0); });
}

describe('WorkbookEvents', () => {
  it('registers one Excel handler per event however many listeners, joined concurrently or not', async () => {
    const sim = threeSheets();
    const events = new WorkbookEvents(sim.run);
    expect(sim.eventHandlers()).toEqual(NONE);
    const stops = await Promise.all([
      events.onActivated(() => undefined), events.onActivated(() => undefined), events.onActivated(() => undefined),
      events.onChanged(() => undefined), events.onChanged(() => undefined),
      events.onSheetChanged('Data', () => undefined), events.onSheetChanged('DATA', () => undefined),
      events.onSheetChanged('Ünïcode 表', () => undefined),
    ]);
    stops.push(await events.onSheetChanged('data', () => undefined));
    expect(sim.eventHandlers()).toEqual({ activated: 1, changed: 1, sheetChanged: { Data: 1, 'Ünïcode 表': 1 } });
    for (const stop of stops) await stop();
    expect(sim.eventHandlers()).toEqual(NONE);
  });

  it('fans each event out to its listeners: activations only to activation listeners, changes marked as ours or not', async () => {
    const sim = threeSheets();
    const sheet = await ids(sim);
    const events = new WorkbookEvents(sim.run);
    const seen: string[] = [];
    const activated = (who: string) => (e: ActivatedEvent) => { seen.push(`${who}:activated:${e.worksheetId}`); };
    const changed = (who: string) => (e: ChangedEvent) => { seen.push(`${who}:changed:${e.worksheetId}!${e.address}:${e.ownWrite ? 'ours' : 'user'}`); };
    const stops = [
      await events.onActivated(activated('a1')), await events.onActivated(activated('a2')),
      await events.onChanged(changed('c1')), await events.onSheetChanged('Data', changed('d1')), await events.onSheetChanged('Other', changed('o1')),
    ];
    sim.activate('Other');
    await delivered(sim);
    expect(seen.sort()).toEqual([`a1:activated:${sheet.Other}`, `a2:activated:${sheet.Other}`]);

    seen.length = 0;
    expect(sim.setCellAsUser('Data', 'B2', 0)).toEqual({ ok: true });
    await delivered(sim);
    expect(seen.sort()).toEqual([`c1:changed:${sheet.Data}!B2:user`, `d1:changed:${sheet.Data}!B2:user`]);

    seen.length = 0;
    await sim.run(async (ctx) => { ctx.workbook.worksheets.getItem('Ünïcode 表').getRange('A1:B1').values = [['=1+1', 'x']]; await ctx.sync(); });
    await delivered(sim);
    expect(seen).toEqual([`c1:changed:${sheet['Ünïcode 表']}!A1:B1:ours`]);
    for (const stop of stops) await stop();
  });

  it('a listener that throws or rejects does not stop the others, and is reported', async () => {
    const sim = threeSheets();
    const errors: unknown[] = [];
    const events = new WorkbookEvents(sim.run, { onListenerError: (e) => errors.push(e) });
    const heard: string[] = [];
    const stops = [
      await events.onActivated(() => { throw new Error('first listener broke'); }),
      await events.onActivated(() => { heard.push('second'); }),
      await events.onActivated(async () => { await Promise.resolve(); throw new Error('third listener rejected'); }),
      await events.onActivated(() => { heard.push('fourth'); }),
    ];
    sim.activate('Other');
    await delivered(sim);
    expect(heard).toEqual(['second', 'fourth']);
    expect(errors.map((e) => (e as Error).message).sort()).toEqual(['first listener broke', 'third listener rejected']);
    // Still registered once, and still heard.
    expect(sim.eventHandlers().activated).toBe(1);
    sim.activate('Data');
    await delivered(sim);
    expect(heard).toEqual(['second', 'fourth', 'second', 'fourth']);
    for (const stop of stops) await stop();
  });

  it('removes the Excel handler when the last listener leaves, not before; a new listener registers again', async () => {
    const sim = threeSheets();
    const events = new WorkbookEvents(sim.run);
    let heard = 0;
    const a = await events.onSheetChanged('Data', () => { heard++; });
    const b = await events.onSheetChanged('Data', () => { heard += 10; });
    await a();
    await a(); // a second stop is harmless: b still listens
    expect(sim.eventHandlers().sheetChanged).toEqual({ Data: 1 });
    sim.setCellAsUser('Data', 'A2', 'Genève');
    await delivered(sim);
    expect(heard).toBe(10);
    await b();
    expect(sim.eventHandlers()).toEqual(NONE);
    sim.setCellAsUser('Data', 'A2', 'Bern');
    await delivered(sim);
    expect(heard).toBe(10);
    const c = await events.onSheetChanged('Data', () => { heard += 100; });
    expect(sim.eventHandlers().sheetChanged).toEqual({ Data: 1 });
    sim.setCellAsUser('Data', 'A2', 'Basel');
    await delivered(sim);
    expect(heard).toBe(110);
    await c();
    expect(sim.eventHandlers()).toEqual(NONE);
  });

  it('a listener to a sheet that is not there is refused in Excel\'s words and leaves nothing registered', async () => {
    const sim = threeSheets();
    const events = new WorkbookEvents(sim.run);
    await expect(events.onSheetChanged('Gone', () => undefined)).rejects.toThrow();
    expect(sim.eventHandlers()).toEqual(NONE);
    await sim.run(async (ctx) => { ctx.workbook.worksheets.add('Gone'); await ctx.sync(); });
    const stop = await events.onSheetChanged('Gone', () => undefined);
    expect(sim.eventHandlers().sheetChanged).toEqual({ Gone: 1 });
    await stop();
  });
});

describe('the composition root\'s dispatcher', () => {
  it('the extensions\' watch, the freshness watch and a dashboard\'s parameter watch register each event once, and leave none', async () => {
    const sim = salesSimulator();
    const made = await createDashboard({ run: sim.run }, emptyDocument(), { label: 'Sales overview', tiles: buildFromTemplate('salesOverview', { kind: 'table', name: 'Sales' }, FIELDS) });
    expect(made.outcome.status).toBe('written');
    const services = createServices({ run: sim.run, canReadDataSource: true, storage: memoryDocumentStorage(made.document) });
    const dashboardSheet = made.document.dashboards[0]!.sheet;

    const stopExtensions = await watchExtensions(services.extensions, { events: services.events, delayMs: 0 });
    const freshness = new FreshnessWatch(services.run, services.documents, { events: services.events, debounceMs: 0 });
    const stopFreshness = await freshness.start();
    const stopParameters = await services.dashboards.watchParameters('d1');
    const stopSources = await services.dashboards.watchSources('d1');
    // Activations: extensions + freshness; any sheet's cells: extensions; the dashboard's cells:
    // its parameters; the Data sheet's: freshness and the source watch.
    expect(sim.eventHandlers()).toEqual({ activated: 1, changed: 1, sheetChanged: { Data: 1, [dashboardSheet]: 1 } });

    // A user's edit of the source still reaches the freshness watch through the shared handler.
    const next = new Promise((resolve) => { const off = freshness.subscribe((r) => { if (r.dashboards.get('d1')?.state === 'outOfDate') { off(); resolve(r); } }); });
    sim.setCellAsUser('Data', 'F2', 12345);
    await delivered(sim);
    await next;

    await Promise.all([stopExtensions(), stopFreshness(), stopParameters(), stopSources()]);
    expect(sim.eventHandlers()).toEqual(NONE);
  });

  it('a workbook swapped under the same services (the workbench keeps one host): the watches stopped, then started again, register on the new workbook', async () => {
    const first = salesSimulator();
    const made = await createDashboard({ run: first.run }, emptyDocument(), { label: 'Sales overview', tiles: buildFromTemplate('salesOverview', { kind: 'table', name: 'Sales' }, FIELDS) });
    let current: Simulator = first;
    const services = createServices({ run: (batch) => current.run(batch), canReadDataSource: true, storage: memoryDocumentStorage(made.document) });
    const start = async () => {
      const stops = [await watchExtensions(services.extensions, { events: services.events }), await services.dashboards.watchParameters('d1')];
      return () => Promise.all(stops.map((stop) => stop()));
    };
    const stop = await start();
    expect(first.eventHandlers()).toMatchObject({ activated: 1, changed: 1 });
    await stop();
    current = createSimulator(JSON.parse(JSON.stringify(first.toModel())));
    const again = await start();
    expect(first.eventHandlers()).toEqual(NONE);
    expect(current.eventHandlers()).toEqual({ activated: 1, changed: 1, sheetChanged: { [made.document.dashboards[0]!.sheet]: 1 } });
    await again();
    expect(current.eventHandlers()).toEqual(NONE);
  });
});
