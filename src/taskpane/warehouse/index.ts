/** "Connect to a warehouse" in the pane (issue 9). */
export { WarehouseConnectForm, type WarehouseConnectFormProps } from './WarehouseConnectForm';
export { savedFields, savedRowCount, warehouseSourceToDraft } from '../../refresh/warehouse';
export { warehouseChoice } from './builder-source';
