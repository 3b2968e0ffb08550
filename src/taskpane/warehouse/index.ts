/** "Connect to a warehouse" in the pane (issue 9). */
export { WarehouseConnectForm, type WarehouseConnectFormProps } from './WarehouseConnectForm';
export { paneCredentialStore, paneWarehouseContext } from './warehouse-context';
export { savedFields, savedRowCount, warehouseSourceToDraft } from './warehouse-draft';
export { paneWarehouseRunner, warehouseChoice } from './builder-source';
