/**
 * The New-dashboard picker and web sources kept out of the sheet (issue 15 part 2). Refresh
 * used to record the columns inside `options.lastPull` while the picker read a top-level
 * `lastPull` nobody wrote, so such sources were offered disabled forever ("Load it once…").
 * Here a real refresh against a local server records them, and the picker offers the source
 * with exactly the served columns.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryCredentialStore } from '../../src/connectors';
import { emptyDocument } from '../../src/model';
import { DocumentService, memoryDocumentStorage } from '../../src/refresh/document';
import { createServices } from '../../src/refresh/services';
import { createSimulator, modelFromRows } from '../../src/simulator';
import { sourceChoices } from '../../src/taskpane/dashboards/source-choices';
import { startTestServer, type TestServer } from '../support/http-server';

let server: TestServer;
beforeAll(async () => { server = await startTestServer(); });
afterAll(async () => { await server.close(); });

describe('the New-dashboard picker offers web sources kept out of the sheet', () => {
  it('with the fields their last check recorded, and only once they have been checked', async () => {
    // Awkward names on purpose: non-ASCII, a name like ours, a boolean column.
    server.setResource('feed.csv', 'Région,Montant €,Payé,Jour,PivotDeck_x\nNord,1.5,true,2024-01-02,a\nSud,-0,false,2024-02-03,b\n', 'text/csv');
    const sim = createSimulator(modelFromRows('Sheet1', [['']]));
    const storage = memoryDocumentStorage({
      ...emptyDocument(),
      sources: [
        { id: 'feed', label: 'Feed', kind: 'csv', url: server.url('/mutable/feed.csv'), keepOutOfSheet: true },
        { id: 'later', label: 'Not checked yet', kind: 'json', url: server.url('/mutable/none.json'), keepOutOfSheet: true },
      ],
    });
    const services = createServices({
      run: sim.run, canReadDataSource: true, fetch: globalThis.fetch, credentials: memoryCredentialStore(),
      allowHttpLocalhost: true, policy: { timeoutMs: 10_000 }, storage,
    });
    expect(await services.sources.refresh('feed')).toMatchObject({ status: 'checked', rows: 2 });
    const doc = await new DocumentService(storage).read();

    const choices = sourceChoices([], doc);
    expect(choices.map((c) => [c.key, c.group, c.unavailable === undefined])).toEqual([
      ['source:feed', 'web', true],
      ['source:later', 'web', false],
    ]);
    expect(choices[0]!.fields).toEqual([
      { name: 'Région', type: 'text' },
      { name: 'Montant €', type: 'number' },
      { name: 'Payé', type: 'logical' },
      { name: 'Jour', type: 'date' },
      { name: 'PivotDeck_x', type: 'text' },
    ]);
    expect(choices[1]!.unavailable).toMatch(/Load it once/);
    // Nothing was written to the workbook: the data stays out of the sheet.
    expect(sim.toModel().sheets.map((s) => s.name)).toEqual(['Sheet1']);
    expect(sim.toModel().tables).toEqual([]);
  });
});
