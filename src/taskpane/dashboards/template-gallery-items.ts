import { DASHBOARD_TEMPLATES, type TemplateId } from '../../dashboards';

/** A gallery card: one of dash-core's templates, or the starter proposed from the source's fields. */
export type GalleryId = TemplateId | 'starter';

export interface GalleryItem {
  id: GalleryId;
  label: string;
  description: string;
}

/**
 * The template gallery in the order the pane shows it: the templates, then "Starter from your data".
 * @example galleryItems().map((g) => g.label) // ['Sales overview', 'Monitoring (thresholds)', 'Starter from your data']
 */
export function galleryItems(): GalleryItem[] {
  return [
    ...DASHBOARD_TEMPLATES.map((t) => ({ id: t.id, label: t.label, description: t.description })),
    {
      id: 'starter',
      label: 'Starter from your data',
      description: 'PivotDeck looks at your columns (a date, an amount, categories) and proposes a total, growth, a trend, a split and a top 10.',
    },
  ];
}
