/**
 * officeHost() against stand-ins for the Office globals: there is no Excel here, so these pin
 * down the decisions (no office.js, office.js outside Excel, inside Excel) rather than Office.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { officeHost } from '../../src/excel/host';

const g = globalThis as Record<string, unknown>;

function fakeOffice(host: string | null, background = '#FFFFFF', sets: Record<string, string> = { ExcelApi: '1.12' }) {
  const theme = { bodyBackgroundColor: background };
  g.Office = {
    onReady: async () => ({ host, platform: null }),
    HostType: { Excel: 'Excel' },
    EventType: { OfficeThemeChanged: 'officeThemeChanged' },
    AsyncResultStatus: { Succeeded: 'succeeded' },
    context: {
      officeTheme: theme,
      requirements: { isSetSupported: (name: string, version: string) => Number(version.split('.')[1]) <= Number((sets[name] ?? '0.0').split('.')[1]) },
      document: undefined,
    },
  };
  return theme;
}

afterEach(() => {
  delete g.Office;
  delete g.Excel;
});

describe('officeHost', () => {
  it('is null when office.js is not on the page', async () => {
    expect(await officeHost()).toBeNull();
  });

  it('is null when office.js runs outside Excel (plain browser tab: host null, no Excel)', async () => {
    fakeOffice(null);
    expect(await officeHost()).toBeNull();
  });

  it('is null in another Office application', async () => {
    fakeOffice('Word');
    g.Excel = { run: () => Promise.resolve() };
    expect(await officeHost()).toBeNull();
  });

  it("wraps Excel's run, requirement sets and the theme inside Excel", async () => {
    const theme = fakeOffice('Excel', '#FFFFFF');
    const context = { workbook: {}, sync: async () => {} };
    g.Excel = { run: (batch: (c: unknown) => Promise<unknown>) => batch(context) };
    const host = await officeHost();
    expect(host?.kind).toBe('excel');
    expect(await host!.run(async (c) => c === (context as unknown))).toBe(true);
    expect(host!.isSetSupported('ExcelApi', '1.8')).toBe(true);
    expect(host!.isSetSupported('ExcelApi', '1.15')).toBe(false);
    expect(host!.isDarkTheme()).toBe(false);
    theme.bodyBackgroundColor = '#262626';
    expect(host!.isDarkTheme()).toBe(true);
  });

  it('asks Office to load the add-in on open only where the shared runtime exists', async () => {
    fakeOffice('Excel', '#FFFFFF', { ExcelApi: '1.12', SharedRuntime: '1.1' });
    g.Excel = { run: () => Promise.resolve() };
    const calls: string[] = [];
    (g.Office as Record<string, unknown>).StartupBehavior = { load: 'Load', none: 'None' };
    (g.Office as Record<string, unknown>).addin = { setStartupBehavior: async (b: string) => void calls.push(b) };
    const host = await officeHost();
    expect(await host!.setLoadOnOpen!(true)).toBe(true);
    expect(await host!.setLoadOnOpen!(false)).toBe(true);
    expect(calls).toEqual(['Load', 'None']);

    fakeOffice('Excel', '#FFFFFF', { ExcelApi: '1.12' });
    (g.Office as Record<string, unknown>).addin = { setStartupBehavior: async (b: string) => void calls.push(b) };
    const older = await officeHost();
    expect(await older!.setLoadOnOpen!(true)).toBe(false);
    expect(calls).toEqual(['Load', 'None']);
  });
});
