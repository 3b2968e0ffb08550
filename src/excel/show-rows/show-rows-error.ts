/** "Show rows" could not write its sheet; the message says what happened and what to do. */
export class ShowRowsError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ShowRowsError';
  }
}
