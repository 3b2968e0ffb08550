/**
 * "Connect to a warehouse" and the builder's warehouse choice, pure parts: the form → a source
 * definition that holds no secret, back to the form without the password, and the dropdown values.
 */
import { describe, expect, it } from 'vitest';
import { sourceDef } from '../../src/model/schema';
import { choiceOfSourceRef, sourceRefOfChoice, warehouseChoice, warehouseIdOf } from '../../src/taskpane/warehouse/builder-source';
import { draftToWarehouseSource, EMPTY_WAREHOUSE_DRAFT, savedFields, warehouseSourceToDraft } from '../../src/refresh/warehouse';

describe('warehouse draft', () => {
  it('keeps the address, table and sign-in kind in the workbook, never the password', () => {
    const draft = { ...EMPTY_WAREHOUSE_DRAFT, url: 'https://ch.example.com:8443/', table: 'flights', signIn: 'url' as const, user: 'ana', password: 's3cret!' };
    const fields = [{ name: 'delay', type: 'number' as const, serverType: 'Int32', nullable: false }];
    const def = draftToWarehouseSource(draft, 'wh_1', fields, 1000);
    expect(sourceDef.safeParse(def).success).toBe(true);
    expect(JSON.stringify(def)).not.toMatch(/s3cret|ana/);
    expect(def).toMatchObject({
      id: 'wh_1', label: 'flights (warehouse)', kind: 'warehouse', url: 'https://ch.example.com:8443/',
      credential: { origin: 'https://ch.example.com:8443', kind: 'basic' },
      options: { engine: 'clickhouse', database: 'default', table: 'flights', credentialIn: 'url' },
      lastPull: { rows: 1000 },
    });
    expect(savedFields(def)).toEqual(fields);
    expect(warehouseSourceToDraft(def)).toEqual({ ...draft, label: 'flights (warehouse)', user: '', password: '' });
    const none = draftToWarehouseSource({ ...draft, signIn: 'none' }, 'wh_2');
    expect(none.credential).toBeUndefined();
    expect(draftToWarehouseSource({ ...draft, signIn: 'header' }, 'wh_3').options).toMatchObject({ credentialIn: 'header' });
  });

  it('tells warehouse choices from table names in the source dropdown', () => {
    expect(warehouseIdOf(warehouseChoice('wh_1'))).toBe('wh_1');
    expect(warehouseIdOf('Sales')).toBeUndefined();
    expect(sourceRefOfChoice('warehouse:wh_1')).toEqual({ kind: 'source', id: 'wh_1' });
    expect(sourceRefOfChoice('Sales')).toEqual({ kind: 'table', name: 'Sales' });
    expect(choiceOfSourceRef({ kind: 'source', id: 'wh_1' })).toBe('warehouse:wh_1');
    expect(choiceOfSourceRef({ kind: 'range', sheet: 'S', address: 'A1:B2' })).toBeUndefined();
  });
});
