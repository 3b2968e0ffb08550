/**
 * The pane's forms move a secret typed into an address to the sign-in fields (per-user store) and
 * never let one into a source definition that may be saved in the workbook.
 */
import { describe, expect, it } from 'vitest';
import { draftToSource, emptyDraft, moveUrlSecrets } from '../../src/refresh/sources';
import { draftToWarehouseSource, EMPTY_WAREHOUSE_DRAFT, moveWarehouseUrlSecrets } from '../../src/refresh/warehouse';

const NO_SECRETS = { secret: '', user: '', password: '' };

describe('web source form', () => {
  it('moves ?api_key=… to "API key in the address" and a user:password to basic sign-in', () => {
    const key = moveUrlSecrets({ ...emptyDraft(), url: 'https://api.example.com/a.csv?api_key=k-Ä1&page=2' }, NO_SECRETS);
    expect(key?.moved).toEqual({
      draft: { ...emptyDraft(), url: 'https://api.example.com/a.csv?page=2', auth: 'apiKeyQuery', keyName: 'api_key' },
      secrets: { secret: 'k-Ä1', user: '', password: '' },
    });
    const def = draftToSource(key!.moved!.draft, []);
    expect(JSON.stringify(def)).not.toContain('k-Ä1');
    expect(def.credential).toEqual({ origin: 'https://api.example.com', kind: 'apiKeyQuery', parameter: 'api_key' });

    const basic = moveUrlSecrets({ ...emptyDraft(), url: 'https://ann:s3cret@api.example.com:8443/a.csv' }, NO_SECRETS);
    expect(basic?.moved?.secrets).toEqual({ secret: '', user: 'ann', password: 's3cret' });
    expect(draftToSource(basic!.moved!.draft, []).credential).toEqual({ origin: 'https://api.example.com:8443', kind: 'basic' });
  });

  it('cannot move two secrets, or one that clashes with the chosen sign-in: it says so', () => {
    expect(moveUrlSecrets({ ...emptyDraft(), url: 'https://a:b@x.example/?token=t' }, NO_SECRETS)?.problem).toMatch(/keeps one sign-in/);
    expect(moveUrlSecrets({ ...emptyDraft(), url: 'https://x.example/?token=t', auth: 'bearer' }, NO_SECRETS)?.problem).toMatch(/already signs in with "Access token \(Bearer\)"/);
    expect(moveUrlSecrets({ ...emptyDraft(), url: 'https://x.example/?page=1' }, NO_SECRETS)).toBeUndefined();
  });

  it('never builds a definition from an address that still holds a secret', () => {
    expect(() => draftToSource({ ...emptyDraft(), url: 'https://x.example/a.csv?sig=abc' }, [])).toThrow(/would be saved in the workbook/);
  });
});

describe('warehouse form', () => {
  it('moves a user:password or ?user=&password= into the sign-in fields', () => {
    expect(moveWarehouseUrlSecrets({ ...EMPTY_WAREHOUSE_DRAFT, url: 'https://ann:pw@ch.example.com:8443', table: 't' })?.moved).toEqual({ ...EMPTY_WAREHOUSE_DRAFT, url: 'https://ch.example.com:8443/', table: 't', signIn: 'url', user: 'ann', password: 'pw' });
    expect(moveWarehouseUrlSecrets({ ...EMPTY_WAREHOUSE_DRAFT, url: 'https://ch.example.com:8443/?user=bo&password=p%26w&database=x', signIn: 'header' })?.moved).toMatchObject({ url: 'https://ch.example.com:8443/?database=x', signIn: 'header', user: 'bo', password: 'p&w' });
    expect(moveWarehouseUrlSecrets({ ...EMPTY_WAREHOUSE_DRAFT, url: 'https://ch.example.com:8443/?token=x' })?.problem).toMatch(/Only a user name and password/);
    expect(() => draftToWarehouseSource({ ...EMPTY_WAREHOUSE_DRAFT, url: 'https://ch.example.com/?password=x', table: 't' }, 'w')).toThrow(/would be saved in the workbook/);
  });
});
