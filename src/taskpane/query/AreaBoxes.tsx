import { Button } from '@fluentui/react-components';
import { ArrowSwap16Regular } from '@fluentui/react-icons/svg/arrow-swap';
import { Dismiss16Regular } from '@fluentui/react-icons/svg/dismiss';
import type { ReactElement } from 'react';
import { useAreaBoxesStyles } from './AreaBoxes.styles';
import { describeFilter } from './FilterForm';
import { partName, SHOW_AS_CHOICES, type AxisField, type Draft } from './spec-draft';

export interface AreaBoxesProps {
  draft: Draft;
  sourceFields: string[];
  onChange(draft: Draft): void;
}

/** " (% of row total)" after a measure's header, unless the header already says so. */
function showAsText(kind: string | undefined, label: string): string {
  if (!kind) return '';
  const choice = SHOW_AS_CHOICES.find((c) => c.showAs?.kind === kind);
  if (!choice || label.toLowerCase().includes(choice.label.toLowerCase())) return '';
  return ` (${choice.label})`;
}

/** Rows, Columns, Values and Filters as in Excel's field pane, each entry removable or movable. */
export function AreaBoxes({ draft, sourceFields, onChange }: AreaBoxesProps): ReactElement {
  const styles = useAreaBoxesStyles();
  const axisName = (a: AxisField) => (a.part ? `${partName(a, sourceFields)} (of ${a.field})` : a.field);
  const axisBox = (title: string, key: 'rows' | 'columns') => {
    const other = key === 'rows' ? 'columns' : 'rows';
    const items = draft[key];
    return (
      <section className={styles.box} aria-label={title}>
        <h4 className={styles.title}>{title}</h4>
        {items.length === 0 ? <span className={styles.empty}>None</span> : (
          <ul className={styles.list}>
            {items.map((a, i) => (
              <li key={`${a.field}-${a.part ?? ''}`} className={styles.chip}>
                <span className={styles.chipText}>{axisName(a)}</span>
                <Button size="small" appearance="transparent" icon={<ArrowSwap16Regular />} aria-label={`Move ${axisName(a)} to ${other === 'rows' ? 'Rows' : 'Columns'}`}
                  onClick={() => onChange({ ...draft, [key]: items.filter((_, j) => j !== i), [other]: [...draft[other], a] })} />
                <Button size="small" appearance="transparent" icon={<Dismiss16Regular />} aria-label={`Remove ${axisName(a)} from ${title}`}
                  onClick={() => onChange({ ...draft, [key]: items.filter((_, j) => j !== i) })} />
              </li>
            ))}
          </ul>
        )}
      </section>
    );
  };
  return (
    <div className={styles.grid}>
      {axisBox('Rows', 'rows')}
      {axisBox('Columns', 'columns')}
      <section className={styles.box} aria-label="Values">
        <h4 className={styles.title}>Values</h4>
        {draft.measures.length === 0 ? <span className={styles.empty}>Add a field to Values</span> : (
          <ul className={styles.list}>
            {draft.measures.map((m) => (
              <li key={m.id} className={styles.chip}>
                <span className={styles.chipText} title={`${m.label ?? m.id}${showAsText(m.showAs?.kind, m.label ?? m.id)}`}>{`${m.label ?? m.id}${showAsText(m.showAs?.kind, m.label ?? m.id)}`}</span>
                <Button size="small" appearance="transparent" icon={<Dismiss16Regular />} aria-label={`Remove ${m.label ?? m.id} from Values`}
                  onClick={() => onChange({ ...draft, measures: draft.measures.filter((x) => x.id !== m.id) })} />
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className={styles.box} aria-label="Filters">
        <h4 className={styles.title}>Filters</h4>
        {draft.filters.length === 0 ? <span className={styles.empty}>All rows</span> : (
          <ul className={styles.list}>
            {draft.filters.map((f, i) => (
              <li key={i} className={styles.chip}>
                <span className={styles.chipText} title={describeFilter(f)}>{describeFilter(f)}</span>
                <Button size="small" appearance="transparent" icon={<Dismiss16Regular />} aria-label={`Remove filter ${describeFilter(f)}`}
                  onClick={() => onChange({ ...draft, filters: draft.filters.filter((_, j) => j !== i) })} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
