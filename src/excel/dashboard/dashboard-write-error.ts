/** Why a dashboard could not be written; `code` lets the refresh layer word it. */
export class DashboardWriteError extends Error {
  constructor(readonly code: 'foreign' | 'sheet' | 'excel', message: string) {
    super(message);
    this.name = 'DashboardWriteError';
  }
}
