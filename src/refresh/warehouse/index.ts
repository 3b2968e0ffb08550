/** "Connect to a warehouse" as use-cases: the form's draft, Test connection and Save (issue 9). */
export type { WarehouseField, WarehouseTableInfo } from '../../connectors/warehouse';
export { saveWarehouseConnection, sameWarehouseTable, warehouseSecretOf } from './save-warehouse';
export { testWarehouseConnection, type WarehouseTest } from './test-warehouse';
export {
  credentialOrigin, draftToWarehouseSource, EMPTY_WAREHOUSE_DRAFT, moveWarehouseUrlSecrets, savedFields, savedRowCount,
  SIGN_IN_LABELS, warehouseSourceToDraft, type WarehouseDraft, type WarehouseSignIn,
} from './warehouse-draft';
