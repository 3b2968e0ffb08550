import {
  Badge, Button, Checkbox, Input, Menu, MenuDivider, MenuGroup, MenuGroupHeader, MenuItem, MenuList, MenuPopover, MenuTrigger,
} from '@fluentui/react-components';
import { Search16Regular } from '@fluentui/react-icons/svg/search';
import { useRef, useState, type ReactElement } from 'react';
import type { DatePart } from '../../engine';
import { AREA_TITLE, type AreaId } from './field-areas';
import { FIELD_TYPE_LABEL, type FieldInfo } from './field-info';
import { useFieldListStyles } from './FieldList.styles';
import { DATE_PART_LABEL, type AxisField } from './spec-draft';

export type Area = 'rows' | 'columns';

export interface FieldListProps {
  fields: FieldInfo[];
  /** The areas each field is in; a field in any area is checked. */
  inUse: ReadonlyMap<string, readonly AreaId[]>;
  /** Checked: the field goes to Values (a number) or Rows (anything else); unchecked: it leaves every area. */
  onCheck(field: FieldInfo, checked: boolean): void;
  /**
   * Without `onAddAxis` and `onAddFilter` (a pivot extension adds values only), the Add button
   * opens the new value's settings at once instead of a menu of areas.
   */
  onAddAxis?(area: Area, axis: AxisField): void;
  /** "To Values…" / "To Filters…": `opener` is the field's Add button, where focus goes back to. */
  onAddValue(field: string, opener?: HTMLElement): void;
  onAddFilter?(field: string, opener?: HTMLElement): void;
  /** The list's accessible name; "Fields of the source" by default. */
  listLabel?: string;
  /** The Add button's accessible name for a field; "Add Revenue to the query" by default. */
  addLabel?(field: string): string;
  /** While a change is being written: the Add buttons wait (still focusable, so focus is not lost). */
  disabled?: boolean;
}

const PARTS: DatePart[] = ['year', 'quarter', 'month', 'weekday'];

/**
 * Fields whose name contains the search words, ignoring case and accents ("regi" finds Région).
 * @example matchingFields(fields, 'rev').map((f) => f.name) // ['Revenue']
 */
export function matchingFields(fields: readonly FieldInfo[], search: string): FieldInfo[] {
  const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  const words = fold(search).split(/\s+/).filter(Boolean);
  return fields.filter((f) => words.every((w) => fold(f.name).includes(w)));
}

/**
 * Excel's PivotTable Fields list: a search box, and each field with a checkbox (checked when it
 * is in any area), its type and sample values, where it is used, and an "Add" menu that puts it
 * into a chosen area (dates also by year, quarter, month or weekday).
 */
export function FieldList({
  fields, inUse, onCheck, onAddAxis, onAddValue, onAddFilter, listLabel = 'Fields of the source', addLabel = (name) => `Add ${name} to the query`, disabled,
}: FieldListProps): ReactElement {
  const styles = useFieldListStyles();
  const [search, setSearch] = useState('');
  const shown = matchingFields(fields, search);
  const triggers = useRef(new Map<string, HTMLButtonElement>());
  return (
    <div className={styles.root}>
      <Input
        type="search"
        size="small"
        aria-label="Search fields"
        placeholder="Search fields"
        contentBefore={<Search16Regular />}
        value={search}
        onChange={(_, d) => setSearch(d.value)}
      />
      {shown.length === 0 && <p className={styles.none} role="status">{`No field name contains “${search.trim()}”.`}</p>}
      <ul className={styles.list} aria-label={listLabel}>
      {shown.map((f) => {
        const areas = inUse.get(f.name) ?? [];
        return (
        <li key={f.name} className={styles.item}>
          <Checkbox
            className={styles.check}
            checked={areas.length > 0}
            onChange={(_, d) => onCheck(f, Boolean(d.checked))}
            aria-label={areas.length > 0 ? `${f.name}, in ${areas.map((a) => AREA_TITLE[a]).join(' and ')}` : f.name}
          />
          <div className={styles.text}>
            <span className={styles.nameLine}>
              <span className={styles.name} title={f.name}>{f.name}</span>
              <Badge size="small" appearance="outline" color={f.type === 'date' ? 'brand' : f.type === 'number' ? 'success' : 'informative'}>
                {FIELD_TYPE_LABEL[f.type]}
              </Badge>
            </span>
            <span className={styles.samples} title={f.samples.join(', ')}>{f.samples.length ? `e.g. ${f.samples.join(', ')}` : f.note ?? 'no values in the first rows'}</span>
            {areas.length > 0 && <span className={styles.used}>{`In ${areas.map((a) => AREA_TITLE[a]).join(', ')}`}</span>}
          </div>
          {onAddAxis ? (
            <Menu>
              <MenuTrigger disableButtonEnhancement>
                <Button
                  size="small"
                  aria-label={addLabel(f.name)}
                  ref={(el: HTMLButtonElement | null) => { if (el) triggers.current.set(f.name, el); else triggers.current.delete(f.name); }}
                >
                  Add
                </Button>
              </MenuTrigger>
              <MenuPopover>
                <MenuList>
                  <MenuItem onClick={() => onAddAxis('rows', { field: f.name })}>To Rows</MenuItem>
                  <MenuItem onClick={() => onAddAxis('columns', { field: f.name })}>To Columns</MenuItem>
                  <MenuItem onClick={() => onAddValue(f.name, triggers.current.get(f.name))}>To Values…</MenuItem>
                  {onAddFilter && <MenuItem onClick={() => onAddFilter(f.name, triggers.current.get(f.name))}>To Filters…</MenuItem>}
                  {f.type === 'date' && (
                    <>
                      <MenuDivider />
                      <MenuGroup>
                        <MenuGroupHeader>By date part</MenuGroupHeader>
                        {PARTS.flatMap((part) => [
                          <MenuItem key={`r-${part}`} onClick={() => onAddAxis('rows', { field: f.name, part })}>{`${DATE_PART_LABEL[part]} to Rows`}</MenuItem>,
                          <MenuItem key={`c-${part}`} onClick={() => onAddAxis('columns', { field: f.name, part })}>{`${DATE_PART_LABEL[part]} to Columns`}</MenuItem>,
                        ])}
                      </MenuGroup>
                    </>
                  )}
                </MenuList>
              </MenuPopover>
            </Menu>
          ) : (
            <Button size="small" disabledFocusable={disabled} aria-label={addLabel(f.name)} aria-haspopup="dialog" onClick={(e) => onAddValue(f.name, e.currentTarget)}>Add</Button>
          )}
        </li>
        );
      })}
      </ul>
    </div>
  );
}
