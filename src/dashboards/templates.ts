import type { SourceRef } from '../engine/spec';
import type { DashboardField, Tile } from './types';

export type TemplateId = 'salesOverview' | 'monitoring';

export interface DashboardTemplate {
  id: TemplateId;
  label: string;
  description: string;
}

/** The template gallery. */
export const DASHBOARD_TEMPLATES: readonly DashboardTemplate[] = [
  { id: 'salesOverview', label: 'Sales overview', description: 'Revenue with growth, orders and customers, the monthly trend, the split by category, the top 10 products; Region and Year dropdowns.' },
  { id: 'monitoring', label: 'Monitoring (thresholds)', description: 'Key figures that turn amber or red when they pass the limits you set.' },
];

/**
 * Tiles of a template for a source with these fields.
 * @example buildFromTemplate('salesOverview', { kind: 'table', name: 'Sales' }, fields)
 */
export function buildFromTemplate(id: TemplateId, source: SourceRef, fields: readonly DashboardField[]): Tile[] {
  void id; void source; void fields;
  throw new Error('not yet');
}
