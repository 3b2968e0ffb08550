/**
 * The New-dashboard flow's state as a reducer (issue 15 part 6): each transition by hand.
 */
import { describe, expect, it } from 'vitest';
import type { Tile } from '../../src/dashboards';
import { everyMinutes, INITIAL_NEW_DASHBOARD, newDashboardReducer, type NewDashboardAction, type NewDashboardState } from '../../src/taskpane/dashboards/new-dashboard-state';
import type { SourceChoice } from '../../src/taskpane/dashboards/source-choices';

const sales: SourceChoice = { key: 'table:Sales', label: 'Sales', detail: '12 rows', ref: { kind: 'table', name: 'Sales' }, group: 'workbook' };
const feed: SourceChoice = { key: 'source:feed', label: 'Feed', detail: 'From the web (CSV)', ref: { kind: 'source', id: 'feed' }, group: 'web', fields: [{ name: 'Région', type: 'text' }] };
const kpi: Tile = { version: 1, kind: 'kpi', id: 'k', title: 'Total', at: { row: 0, col: 0, rows: 3, cols: 2 }, source: sales.ref, measure: { id: 'm', kind: 'sum', field: 'Revenue' } };
const run = (...actions: NewDashboardAction[]): NewDashboardState => actions.reduce(newDashboardReducer, INITIAL_NEW_DASHBOARD);

describe('New dashboard state', () => {
  it('choosing a source clears the template and its error; a late field answer for another source is dropped', () => {
    const s = run(
      { type: 'choices', choices: [sales, feed] },
      { type: 'choose', choice: sales, fields: { status: 'loading' } },
      { type: 'templateFailed', message: 'no date field' },
      { type: 'choose', choice: feed, fields: { status: 'ready', fields: feed.fields! } },
      { type: 'fields', choice: sales, fields: { status: 'ready', fields: [] } },
    );
    expect(s).toMatchObject({ choice: feed, fields: { status: 'ready', fields: feed.fields }, template: undefined, templateError: undefined });
  });

  it('a template proposes tiles and a name and moves on to the tiles', () => {
    const s = run({ type: 'choose', choice: sales, fields: { status: 'ready', fields: [] } }, { type: 'template', template: 'starter', tiles: [kpi], label: 'Sales dashboard' });
    expect(s).toMatchObject({ step: 'tiles', template: 'starter', tiles: [kpi], label: 'Sales dashboard' });
  });

  it('reset starts over but keeps the source list; edit opens a stored dashboard at its tiles', () => {
    const built = run(
      { type: 'choices', choices: [sales] },
      { type: 'choose', choice: sales, fields: { status: 'ready', fields: [] } },
      { type: 'template', template: 'starter', tiles: [kpi], label: 'x' },
      { type: 'options', options: { refreshOnOpen: true, everyOn: true, everyMinutes: '5' } },
    );
    expect(newDashboardReducer(built, { type: 'reset' })).toEqual({ ...INITIAL_NEW_DASHBOARD, choices: [sales] });
    const editing = newDashboardReducer(built, { type: 'edit', id: 'd1', tiles: [kpi], label: 'Ventes', options: { refreshOnOpen: false, everyOn: true, everyMinutes: '60' } });
    expect(editing).toMatchObject({ editingId: 'd1', tiles: [kpi], label: 'Ventes', choice: undefined, template: undefined, choices: [sales], options: { everyMinutes: '60' } });
  });

  it('reads the schedule from the form, or says what to type', () => {
    expect(everyMinutes({ refreshOnOpen: false, everyOn: false, everyMinutes: 'x' })).toEqual({});
    expect(everyMinutes({ refreshOnOpen: false, everyOn: true, everyMinutes: ' 1440 ' })).toEqual({ minutes: 1440 });
    for (const bad of ['0', '1441', '2.5', '', '-1']) expect(everyMinutes({ refreshOnOpen: false, everyOn: true, everyMinutes: bad }).problem).toMatch(/1 to 1440/);
  });
});
