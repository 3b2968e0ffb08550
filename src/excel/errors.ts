/**
 * Turns Excel API failures into sentences a user can act on.
 *
 * Office.js rejects with `OfficeExtension.Error` whose `code` names the problem
 * ("ItemNotFound", "InvalidOperationInCellEditMode", ...); the simulator throws errors with the
 * same codes. Anything else (a bug, a network failure) keeps its own message.
 */

/** The Excel error code of a failure, when it has one. */
export function excelErrorCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const code = (error as { code: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return undefined;
}

/** True for the "request/response too large" family that chunked readers recover from. */
export function isPayloadTooLarge(error: unknown): boolean {
  const code = excelErrorCode(error) ?? '';
  return /PayloadSizeLimitExceeded$/.test(code);
}

const ADVICE: Record<string, string> = {
  InvalidOperationInCellEditMode:
    'Excel is busy editing a cell. Press Enter or Esc in the sheet, then try again.',
  ItemNotFound: 'It is no longer in the workbook (renamed or deleted?). Press Refresh to reload the lists.',
  AccessDenied: 'Excel refused access. The workbook may be protected or read-only; unprotect it and try again.',
  ActivityLimitReached: 'Excel is handling too many requests. Wait a moment, then try again.',
  RequestPayloadSizeLimitExceeded: 'The request was larger than Excel accepts (5 MB). Try a smaller range.',
  ResponsePayloadSizeLimitExceeded: 'The answer was larger than Excel can send (5 MB). Try a smaller range.',
  RangeExceedsLimit: 'The range has more cells than Excel returns at once. Try a smaller range.',
  ApiNotFound: 'This version of Excel does not support that feature. Update Excel or use Excel on the web.',
  Unauthenticated: 'Excel lost its sign-in. Sign in to Office again, then try again.',
};

/**
 * A message of the form "Could not {doing}: {what to do}".
 *
 * @example explainExcelError({ code: 'ItemNotFound' }, 'read table "Sales"')
 * // 'Could not read table "Sales": It is no longer in the workbook (renamed or deleted?). ...'
 */
export function explainExcelError(error: unknown, doing: string): string {
  const code = excelErrorCode(error);
  const advice = code !== undefined ? ADVICE[code] : undefined;
  if (advice) return `Could not ${doing}: ${advice}`;
  const message = (error instanceof Error ? error.message : String(error)).trim() || 'Excel reported an unknown error';
  return `Could not ${doing}: ${/[.!?]$/.test(message) ? message : `${message}.`} Press Refresh to try again.`;
}
