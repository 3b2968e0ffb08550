import type { SourceRef } from '../engine/spec';
import type { DashboardField, Tile } from './types';

export interface FieldRoles {
  date?: string;
  amount?: string;
  /** Text fields with few items, best first. */
  categories: string[];
  /** A field identifying customers/orders, for distinct counts. */
  customer?: string;
}

/**
 * Guesses which fields are the date, the amount and the categories.
 * @example detectFieldRoles([{ name: 'Date', type: 'date' }, { name: 'Revenue', type: 'number' }]).amount // 'Revenue'
 */
export function detectFieldRoles(fields: readonly DashboardField[]): FieldRoles {
  void fields;
  throw new Error('not yet');
}

/**
 * The starter dashboard proposed for a table.
 * @example proposeStarterLayout({ kind: 'table', name: 'Sales' }, fields)
 */
export function proposeStarterLayout(source: SourceRef, fields: readonly DashboardField[]): Tile[] {
  void source; void fields;
  throw new Error('not yet');
}
