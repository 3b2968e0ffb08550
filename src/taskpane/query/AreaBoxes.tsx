import {
  closestCorners, DndContext, KeyboardSensor, PointerSensor, useDroppable, useSensor, useSensors,
  type Announcements, type DragEndEvent, type UniqueIdentifier,
} from '@dnd-kit/core';
import { SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { Button, mergeClasses } from '@fluentui/react-components';
import { Dismiss16Regular } from '@fluentui/react-icons/svg/dismiss';
import { ReOrderDotsVertical16Regular } from '@fluentui/react-icons/svg/re-order-dots-vertical';
import { useMemo, useState, type ReactElement } from 'react';
import { useAreaBoxesStyles } from './AreaBoxes.styles';
import { AREA_TITLE, AREAS, areaEntries, locate, moveEntry, removeEntry, type AreaEntry, type AreaId, type Slot } from './field-areas';
import type { FieldInfo } from './field-info';
import type { Draft } from './spec-draft';

export interface AreaBoxesProps {
  draft: Draft;
  fields: FieldInfo[];
  onChange(draft: Draft): void;
  /** A value's name was chosen: open its Value Field Settings. */
  onOpenValue(index: number, opener: HTMLElement): void;
  /** A filter's condition was chosen: edit it. */
  onOpenFilter(index: number, opener: HTMLElement): void;
}

const EMPTY_TEXT: Record<AreaId, string> = {
  filters: 'Drag fields here to filter the rows', columns: 'Drag fields here', rows: 'Drag fields here', values: 'Check a number field, or drag one here',
};

const AREA_PREFIX = 'area:';

/** Where a drop lands: on an entry (its place) or on an area's free space (its end). */
function slotOf(entries: Record<AreaId, AreaEntry[]>, id: UniqueIdentifier | undefined): Slot | undefined {
  if (id === undefined) return undefined;
  const key = String(id);
  if (key.startsWith(AREA_PREFIX)) {
    const area = key.slice(AREA_PREFIX.length) as AreaId;
    return { area, index: entries[area].length };
  }
  return locate(entries, key);
}

/**
 * Filters, Columns, Rows and Values as in Excel's Fields pane. Entries are dragged between areas
 * and reordered within one, by pointer or by keyboard (focus a handle, Space to pick up, arrow
 * keys to move, Space to drop, Escape to cancel), with @dnd-kit; what a move does is decided in
 * field-areas.ts and announced in plain words.
 */
export function AreaBoxes({ draft, fields, onChange, onOpenValue, onOpenFilter }: AreaBoxesProps): ReactElement {
  const sourceFields = useMemo(() => fields.map((f) => f.name), [fields]);
  const entries = useMemo(() => areaEntries(draft, sourceFields), [draft, sourceFields]);
  return (
    <SortableAreas
      areas={AREAS}
      entries={entries}
      move={(from, to) => {
        const r = moveEntry(draft, from, to, fields);
        // A field dropped on Filters waits there as "(All)", as in Excel; choosing it sets a condition.
        return { message: r.message, refused: r.refused, apply: () => onChange(r.draft) };
      }}
      onRemove={(slot) => onChange(removeEntry(draft, slot))}
      onOpen={{ values: onOpenValue, filters: onOpenFilter }}
    />
  );
}

/** What dropping an entry somewhere would do: the sentence announced, and how to do it unless refused. */
export interface AreaMove {
  message: string;
  refused?: boolean;
  apply(): void;
}

export interface SortableAreasProps {
  /** The areas shown, in order (a pivot extension shows Values only). */
  areas: readonly AreaId[];
  entries: Readonly<Partial<Record<AreaId, AreaEntry[]>>>;
  /** What moving the entry at `from` to `to` does; undefined when nothing would change. */
  move(from: Slot, to: Slot): AreaMove | undefined;
  /** The chip's remove button: `opener` is where focus goes back to if a question is asked first. */
  onRemove(slot: Slot, opener: HTMLElement): void;
  /** Areas whose chip names open something (Value Field Settings, a filter's condition). */
  onOpen?: Partial<Record<AreaId, (index: number, opener: HTMLElement) => void>>;
  /** Words of an empty area, when not the query builder's. */
  emptyText?: Partial<Record<AreaId, string>>;
  /** While a change is being written: nothing can be picked up, opened or removed (buttons stay focusable, so focus is not lost). */
  disabled?: boolean;
}

/**
 * The areas as sortable lists over plain entries: the drag and drop, the keyboard and the
 * announcements, with what a move does left to the caller (the query's draft, an extension's
 * measure list).
 * @example <SortableAreas areas={['values']} entries={{ values }} move={move} onRemove={remove} />
 */
export function SortableAreas({ areas, entries: given, move, onRemove, onOpen, emptyText, disabled }: SortableAreasProps): ReactElement {
  const styles = useAreaBoxesStyles();
  const entries = useMemo(() => Object.fromEntries(AREAS.map((a) => [a, given[a] ?? []])) as Record<AreaId, AreaEntry[]>, [given]);
  const [dragging, setDragging] = useState<string | undefined>();
  const sensors = useSensors(
    // A few pixels before a drag starts, so a click on a chip's buttons stays a click.
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const textOf = (id: UniqueIdentifier) => {
    const at = locate(entries, String(id));
    return at ? entries[at.area][at.index].text : String(id);
  };
  const placeOf = (id: UniqueIdentifier | undefined) => {
    const at = slotOf(entries, id);
    if (!at) return undefined;
    return `${AREA_TITLE[at.area]}${String(id).startsWith(AREA_PREFIX) ? '' : `, at position ${at.index + 1}`}`;
  };
  const result = (activeId: UniqueIdentifier, overId: UniqueIdentifier | undefined) => {
    const from = locate(entries, String(activeId));
    const to = slotOf(entries, overId);
    if (!from || !to) return undefined;
    if (from.area === to.area && from.index === to.index) return undefined;
    // Dropping on its own area's free space puts an entry last.
    const index = from.area === to.area && to.index >= entries[to.area].length ? entries[to.area].length - 1 : to.index;
    if (from.area === to.area && from.index === index) return undefined;
    return move(from, { area: to.area, index });
  };
  const announcements: Announcements = {
    onDragStart: ({ active }) => `Picked up ${textOf(active.id)}. Use the arrow keys to move it to another place${areas.length > 1 ? ' or area' : ''}, Space to drop it there, Escape to cancel.`,
    // Over its own place (as at pick-up) says nothing, so the pick-up instructions are heard.
    onDragOver: ({ active, over }) => (over?.id === active.id ? undefined : over ? `${textOf(active.id)} is over ${placeOf(over.id)}.` : `${textOf(active.id)} is not over an area.`),
    onDragEnd: ({ active, over }) => result(active.id, over?.id)?.message ?? `${textOf(active.id)} was dropped where it was.`,
    onDragCancel: ({ active }) => `Cancelled. ${textOf(active.id)} stays where it was.`,
  };
  const onDragEnd = (event: DragEndEvent) => {
    setDragging(undefined);
    const r = result(event.active.id, event.over?.id);
    if (!r || r.refused) return;
    r.apply();
  };

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCorners}
      onDragStart={(e) => setDragging(String(e.active.id))}
      onDragCancel={() => setDragging(undefined)}
      onDragEnd={onDragEnd}
      accessibility={{
        announcements,
        screenReaderInstructions: {
          draggable: `To move this ${areas.length > 1 ? 'field' : 'value'}, press Space, then the arrow keys to choose another place${areas.length > 1 ? ' or area' : ''}, and Space again to drop it. Escape cancels.`,
        },
      }}
    >
      <div className={areas.length > 1 ? styles.grid : undefined}>
        {areas.map((area) => (
          <AreaBox
            key={area}
            area={area}
            entries={entries[area]}
            dragging={dragging}
            disabled={disabled}
            emptyText={emptyText?.[area] ?? EMPTY_TEXT[area]}
            onRemove={(index, opener) => onRemove({ area, index }, opener)}
            onOpen={onOpen?.[area]}
          />
        ))}
      </div>
    </DndContext>
  );
}

interface AreaBoxProps {
  area: AreaId;
  entries: AreaEntry[];
  dragging: string | undefined;
  disabled?: boolean;
  emptyText: string;
  onRemove(index: number, opener: HTMLElement): void;
  onOpen?(index: number, opener: HTMLElement): void;
}

function AreaBox({ area, entries, dragging, disabled, emptyText, onRemove, onOpen }: AreaBoxProps): ReactElement {
  const styles = useAreaBoxesStyles();
  const { setNodeRef, isOver } = useDroppable({ id: `${AREA_PREFIX}${area}` });
  const title = AREA_TITLE[area];
  return (
    <section ref={setNodeRef} className={mergeClasses(styles.box, isOver && styles.over)} aria-label={title}>
      <h4 className={styles.title}>{title}</h4>
      <SortableContext id={area} items={entries.map((e) => e.id)} strategy={verticalListSortingStrategy}>
        {entries.length === 0 ? <span className={styles.empty}>{emptyText}</span> : (
          <ul className={styles.list}>
            {entries.map((e, i) => (
              <Chip key={e.id} entry={e} index={i} count={entries.length} lifted={dragging === e.id} disabled={disabled} onRemove={(el) => onRemove(i, el)} onOpen={onOpen && ((el) => onOpen(i, el))} />
            ))}
          </ul>
        )}
      </SortableContext>
    </section>
  );
}

interface ChipProps {
  entry: AreaEntry;
  index: number;
  count: number;
  lifted: boolean;
  disabled?: boolean;
  onRemove(opener: HTMLElement): void;
  onOpen?(opener: HTMLElement): void;
}

function Chip({ entry, index, count, lifted, disabled, onRemove, onOpen }: ChipProps): ReactElement {
  const styles = useAreaBoxesStyles();
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition } = useSortable({ id: entry.id, disabled });
  const title = AREA_TITLE[entry.area];
  return (
    <li
      ref={setNodeRef}
      className={mergeClasses(styles.chip, lifted && styles.lifted)}
      style={{ transform: CSS.Translate.toString(transform), transition }}
    >
      <button
        ref={setActivatorNodeRef}
        type="button"
        className={styles.handle}
        {...attributes}
        {...listeners}
        aria-label={`Move ${entry.text}, ${title} ${index + 1} of ${count}`}
      >
        <ReOrderDotsVertical16Regular aria-hidden />
      </button>
      {onOpen ? (
        <Button
          size="small"
          appearance="transparent"
          className={styles.chipButton}
          title={entry.area === 'values' ? `${entry.text}: Value Field Settings` : `${entry.text}: change the filter`}
          aria-haspopup={entry.area === 'values' ? 'dialog' : undefined}
          disabledFocusable={disabled}
          onClick={(e) => onOpen(e.currentTarget)}
        >
          <span className={styles.chipText}>{entry.text}</span>
        </Button>
      ) : <span className={styles.chipText} title={entry.text}>{entry.text}</span>}
      <Button size="small" appearance="transparent" icon={<Dismiss16Regular />} aria-label={`Remove ${entry.text} from ${title}`} disabledFocusable={disabled} onClick={(e) => onRemove(e.currentTarget)} />
    </li>
  );
}
