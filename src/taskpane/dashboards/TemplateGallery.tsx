import { Button, Card, CardFooter, CardHeader, mergeClasses } from '@fluentui/react-components';
import { DataTrending20Regular } from '@fluentui/react-icons/svg/data-trending';
import { Gauge20Regular } from '@fluentui/react-icons/svg/gauge';
import { Sparkle20Regular } from '@fluentui/react-icons/svg/sparkle';
import type { ReactElement } from 'react';
import { galleryItems, type GalleryId } from './template-gallery-items';
import { useTemplateGalleryStyles } from './TemplateGallery.styles';

const ICONS: Record<GalleryId, ReactElement> = {
  salesOverview: <DataTrending20Regular />,
  monitoring: <Gauge20Regular />,
  starter: <Sparkle20Regular />,
};

/** The template gallery: one card per template with what it shows and a "Use" button. */
export function TemplateGallery({ chosen, disabled, onChoose }: { chosen?: GalleryId; disabled: boolean; onChoose(id: GalleryId, label: string): void }): ReactElement {
  const styles = useTemplateGalleryStyles();
  return (
    <ul className={styles.list} aria-label="Dashboard templates">
      {galleryItems().map((item) => (
        <li key={item.id}>
          <Card size="small" className={mergeClasses(styles.card, chosen === item.id && styles.chosen)}>
            <CardHeader
              image={<span className={styles.icon} aria-hidden>{ICONS[item.id]}</span>}
              header={<h4 className={styles.name}>{item.label}</h4>}
            />
            <p className={styles.description}>{item.description}</p>
            <CardFooter>
              <Button size="small" appearance={item.id === 'salesOverview' ? 'primary' : 'secondary'} disabled={disabled} onClick={() => onChoose(item.id, item.label)} aria-label={`Use this: ${item.label}`}>
                Use this
              </Button>
            </CardFooter>
          </Card>
        </li>
      ))}
    </ul>
  );
}
