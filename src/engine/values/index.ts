export { EXCEL_ERRORS, isExcelError, type ExcelError } from './errors';
export { classifyValue, isBlank, type CellKind, type CellValue } from './classify';
export {
  MAX_SERIAL,
  dateToSerial,
  isValidSerial,
  partsToSerial,
  serialToDate,
  serialToParts,
  type SerialParts,
} from './serial-date';
export { serialDay, serialIsoWeek, serialMonth, serialQuarter, serialWeekday, serialYear } from './date-parts';
export { isDateFormat, numberFormatKind, type NumberFormatKind } from './number-format';
export { compareCodePoints } from './code-point-order';
