import {
  Badge, Button, Menu, MenuDivider, MenuGroup, MenuGroupHeader, MenuItem, MenuList, MenuPopover, MenuTrigger,
} from '@fluentui/react-components';
import type { ReactElement } from 'react';
import type { DatePart } from '../../engine';
import { FIELD_TYPE_LABEL, type FieldInfo } from './field-info';
import { useFieldListStyles } from './FieldList.styles';
import { DATE_PART_LABEL, type AxisField } from './spec-draft';

export type Area = 'rows' | 'columns';

export interface FieldListProps {
  fields: FieldInfo[];
  /** Where each field is used, e.g. { Region: 'Rows' }, shown under its name. */
  usedIn: Record<string, string>;
  onAddAxis(area: Area, axis: AxisField): void;
  onAddValue(field: string): void;
  onAddFilter(field: string): void;
}

const PARTS: DatePart[] = ['year', 'quarter', 'month', 'weekday'];

/**
 * The PivotTable-Fields-like list: each field with its type and sample values, and an "Add"
 * menu that puts it into Rows, Columns, Values or Filters (dates also by year, quarter, month).
 */
export function FieldList({ fields, usedIn, onAddAxis, onAddValue, onAddFilter }: FieldListProps): ReactElement {
  const styles = useFieldListStyles();
  return (
    <ul className={styles.list} aria-label="Fields of the source">
      {fields.map((f) => (
        <li key={f.name} className={styles.item}>
          <div className={styles.text}>
            <span className={styles.nameLine}>
              <span className={styles.name} title={f.name}>{f.name}</span>
              <Badge size="small" appearance="outline" color={f.type === 'date' ? 'brand' : f.type === 'number' ? 'success' : 'informative'}>
                {FIELD_TYPE_LABEL[f.type]}
              </Badge>
            </span>
            <span className={styles.samples} title={f.samples.join(', ')}>{f.samples.length ? `e.g. ${f.samples.join(', ')}` : f.note ?? 'no values in the first rows'}</span>
            {usedIn[f.name] && <span className={styles.used}>{`In ${usedIn[f.name]}`}</span>}
          </div>
          <Menu>
            <MenuTrigger disableButtonEnhancement>
              <Button size="small" aria-label={`Add ${f.name} to the query`}>Add</Button>
            </MenuTrigger>
            <MenuPopover>
              <MenuList>
                <MenuItem onClick={() => onAddAxis('rows', { field: f.name })}>To Rows</MenuItem>
                <MenuItem onClick={() => onAddAxis('columns', { field: f.name })}>To Columns</MenuItem>
                <MenuItem onClick={() => onAddValue(f.name)}>To Values…</MenuItem>
                <MenuItem onClick={() => onAddFilter(f.name)}>To Filters…</MenuItem>
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
        </li>
      ))}
    </ul>
  );
}
