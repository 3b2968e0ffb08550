/** Why a file could not be loaded. Every failure of `loadXlsx` is one of these, never a hang. */
export type XlsxLoadErrorCode = 'NotAZip' | 'TooLarge' | 'Malformed' | 'Encrypted' | 'Unsupported';

/**
 * A file that cannot become a workbook model, with a code a UI can branch on and the zip part
 * (e.g. "xl/worksheets/sheet1.xml") that caused it when one did.
 *
 * @example
 * try { await loadXlsx(bytes) } catch (e) { if (e instanceof XlsxLoadError && e.code === 'TooLarge') ... }
 */
export class XlsxLoadError extends Error {
  readonly code: XlsxLoadErrorCode;
  readonly part?: string;

  constructor(code: XlsxLoadErrorCode, message: string, part?: string) {
    super(part ? `${message} (${part})` : message);
    this.name = 'XlsxLoadError';
    this.code = code;
    this.part = part;
  }
}
