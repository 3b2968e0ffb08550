/**
 * Warehouse sources (issue 9): a ClickHouse endpoint the pane queries over HTTP so that only
 * aggregated results, never raw rows, reach the browser. The SQL itself comes from the engine's
 * compiler and planner (src/engine/sql); this folder sends it, reads the answer, and explains failures.
 */
export { killQuery, runClickHouse, SHEET_ROW_CAP, type WarehouseAnswer, type WarehouseColumn, type WarehouseContext, type WarehouseProgress, type WarehouseRunOptions } from './clickhouse-client';
export { explainClickHouseException, parseClickHouseException, type ClickHouseException } from './clickhouse-error-text';
export { quoteIdentifier, quoteString } from './clickhouse-literals';
export { describeWarehouseTable, type WarehouseTableInfo } from './describe-warehouse-table';
export { baseType, describeWarehouseFields, fieldTypeOf, type WarehouseField, type WarehouseFieldType } from './field-types';
export { isWarehouseSource, warehouseConnection, warehouseOptions, type CredentialPlacement, type WarehouseConnection, type WarehouseOptions } from './warehouse-connection';
export { isWarehouseError, WarehouseError, warehouseCancelled, type WarehouseErrorDetails, type WarehouseErrorKind } from './warehouse-error';
