export { buildSampleWorkbook, sampleWithEmptySales, CURRENCY_FORMAT, DATE_FORMAT, PIVOT_REVENUE_FORMAT } from './build-sample-workbook';
export { generateSalesRows, SALES_COLUMNS, FIRST_DATE, LAST_DATE, type SalesRow, type SalesOptions } from './sales-rows';
export { excelSerial, dateOfSerial } from './excel-date';
export { mulberry32 } from './prng';
export { fillSalesRows } from './fill-sales-rows';
