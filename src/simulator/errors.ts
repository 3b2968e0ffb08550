/**
 * Errors shaped like Office.js's `OfficeExtension.Error`: name "RichApi.Error", a `code` from
 * `OfficeExtension.ErrorCodes` / `Excel.ErrorCodes`, a message, and `debugInfo` with the same
 * code and message plus an `errorLocation`.
 *
 * Messages are the English texts of Microsoft's error table ("Error handling with the
 * application-specific JavaScript APIs") and of office.js's own resource strings
 * (PropertyNotLoaded, ValueNotLoaded, ApiNotFound), so code that matches on them behaves alike.
 */

export type SimErrorCode =
  | 'ApiNotFound'
  | 'GeneralException'
  | 'InvalidArgument'
  | 'InvalidOperation'
  | 'InvalidReference'
  | 'ItemAlreadyExists'
  | 'ItemNotFound'
  | 'PivotTableRangeConflict'
  | 'PropertyNotLoaded'
  | 'RangeExceedsLimit'
  | 'RequestPayloadSizeLimitExceeded'
  | 'ResponsePayloadSizeLimitExceeded'
  | 'ValueNotLoaded'
  | 'MergedRangeConflict';

const LIMITS_ARTICLE =
  'See the Resource limits and performance optimization for Office Add-ins article for more information.';

/** Excel's documented message per code (English). */
export const ERROR_MESSAGES: Record<SimErrorCode, string> = {
  ApiNotFound:
    'The API you are trying to use could not be found. It may be available in a newer version of Excel.',
  GeneralException: 'There was an internal error while processing the request.',
  InvalidArgument: 'The argument is invalid or missing or has an incorrect format.',
  InvalidOperation: 'The operation attempted is invalid on the object.',
  InvalidReference: 'This reference is not valid for the current operation.',
  ItemAlreadyExists: 'The resource being created already exists.',
  ItemNotFound: "The requested resource doesn't exist.",
  PivotTableRangeConflict: 'The attempted operation causes a conflict with a PivotTable range.',
  PropertyNotLoaded: 'The property is not available.',
  RangeExceedsLimit: `The cell count in the range has exceeded the maximum supported number. ${LIMITS_ARTICLE}`,
  RequestPayloadSizeLimitExceeded: `The request payload size has exceeded the limit. ${LIMITS_ARTICLE}`,
  ResponsePayloadSizeLimitExceeded: `The response payload size has exceeded the limit. ${LIMITS_ARTICLE}`,
  ValueNotLoaded:
    'The value of the result object has not been loaded yet. Before reading the value property, call "context.sync()" on the associated request context.',
  MergedRangeConflict:
    "Cannot complete the operation. A table can't overlap with another table, a PivotTable report, query results, merged cells, or an XML Map.",
};

export interface SimDebugInfo {
  code: string;
  message: string;
  errorLocation?: string;
}

/** What Excel rejects with. `instanceof Error` holds, like OfficeExtension.Error. */
export class SimulatorError extends Error {
  readonly code: SimErrorCode;
  readonly debugInfo: SimDebugInfo;
  readonly httpStatusCode: number;

  constructor(code: SimErrorCode, message: string = ERROR_MESSAGES[code], errorLocation?: string) {
    super(message);
    Object.setPrototypeOf(this, SimulatorError.prototype);
    this.name = 'RichApi.Error';
    this.code = code;
    this.debugInfo = { code, message, ...(errorLocation ? { errorLocation } : {}) };
    this.httpStatusCode = code === 'ItemNotFound' || code === 'ApiNotFound' ? 404 : code === 'GeneralException' ? 500 : 400;
  }

  override toString(): string {
    return `${this.code}: ${this.message}`;
  }
}

/**
 * office.js's message for reading an unloaded property, verbatim.
 * @example propertyNotLoaded('Range', 'values').message
 * // "The property 'values' is not available. Before reading the property's value, call the load method ..."
 */
export function propertyNotLoaded(entity: string, property: string): SimulatorError {
  return new SimulatorError(
    'PropertyNotLoaded',
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    `${entity}.${property}`,
  );
}

/** `ClientResult.value` read before sync: office.js uses its own code for this. */
export function valueNotLoaded(): SimulatorError {
  return new SimulatorError('ValueNotLoaded', ERROR_MESSAGES.ValueNotLoaded, 'clientResult.value');
}

/** Thrown synchronously by a method the configured requirement set lacks, as office.js does. */
export function apiNotFound(api: string, set: string): SimulatorError {
  return new SimulatorError(
    'ApiNotFound',
    `The method or property ${api} is part of the ${set} requirement set, which is not available in your version of Excel.`,
    api,
  );
}

/** Shorthand used by the state layer: `fail('ItemNotFound', 'Worksheet.getItem')`. */
export function fail(code: SimErrorCode, errorLocation?: string, message?: string): never {
  throw new SimulatorError(code, message ?? ERROR_MESSAGES[code], errorLocation);
}
