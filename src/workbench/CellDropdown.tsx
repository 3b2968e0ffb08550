/**
 * Excel's in-cell dropdown for a list validation: a small arrow button at the right edge of the
 * selected cell; the list opens on click or Alt+Down, and picking an item types it into the cell
 * as the user (so validation applies and worksheet.onChanged fires with source 'Local').
 */
import * as React from 'react';
import { mergeClasses, Portal } from '@fluentui/react-components';
import { ChevronDown12Regular } from '@fluentui/react-icons';
import { useCellDropdownStyles } from './CellDropdown.styles';

export interface CellDropdownProps {
  items: string[];
  onPick(value: string): { ok: true } | { ok: false; title: string; message: string };
  /** Focus goes back to the grid when the list closes. */
  onClosed(): void;
}

/**
 * The button sits inside the selected grid cell (a gridcell may hold a button); the list opens in
 * a portal, placed under the cell, so the grid keeps only rows and cells for assistive tech.
 */
export function CellDropdown({ items, onPick, onClosed }: CellDropdownProps): React.JSX.Element {
  const styles = useCellDropdownStyles();
  const [open, setOpen] = React.useState(false);
  const buttonRef = React.useRef<HTMLButtonElement>(null);
  const [place, setPlace] = React.useState({ left: 0, top: 0, width: 0 });
  const [at, setAt] = React.useState(0);
  const [error, setError] = React.useState<string | undefined>();
  const listRef = React.useRef<HTMLUListElement>(null);
  const listId = React.useId();

  React.useEffect(() => { if (open) listRef.current?.focus(); }, [open]);

  const close = () => {
    setOpen(false);
    onClosed();
  };
  const choose = (value: string) => {
    const result = onPick(value);
    setOpen(false);
    setError(result.ok ? undefined : `${result.title}: ${result.message}`);
    onClosed();
  };

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key === 'ArrowDown') setAt((i) => Math.min(items.length - 1, i + 1));
    else if (event.key === 'ArrowUp') setAt((i) => Math.max(0, i - 1));
    else if (event.key === 'Enter') choose(items[at]);
    else if (event.key === 'Escape' || event.key === 'Tab') close();
    else return;
    event.preventDefault();
    event.stopPropagation();
  };

  return (
    <>
      <button
        type="button"
        ref={buttonRef}
        className={styles.button}
        aria-label="Show choices"
        aria-haspopup="listbox"
        aria-expanded={open}
        aria-controls={open ? listId : undefined}
        data-testid="cell-dropdown"
        // The grid selects cells on mousedown; the button must not start a selection.
        onMouseDown={(e) => e.stopPropagation()}
        onClick={() => {
          // The cell is the button's grid cell; the list goes under it.
          const cell = buttonRef.current?.parentElement?.getBoundingClientRect();
          if (cell) setPlace({ left: cell.left, top: cell.bottom + 2, width: cell.width });
          setOpen((o) => !o);
        }}
      >
        <ChevronDown12Regular />
      </button>
      {open && (
        <Portal>
        <ul
          id={listId}
          ref={listRef}
          role="listbox"
          aria-label="Choices"
          tabIndex={-1}
          aria-activedescendant={`${listId}-${at}`}
          className={styles.list}
          style={{ left: place.left, top: place.top, minWidth: Math.max(120, place.width) }}
          onKeyDown={onKeyDown}
          onMouseDown={(e) => e.stopPropagation()}
          onBlur={(e) => { if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setOpen(false); }}
          data-testid="cell-dropdown-list"
        >
          {items.map((item, i) => (
            <li
              key={`${i}:${item}`}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === at}
              className={mergeClasses(styles.option, i === at && styles.optionActive)}
              onMouseEnter={() => setAt(i)}
              onClick={() => choose(item)}
            >
              {item}
            </li>
          ))}
        </ul>
        </Portal>
      )}
      {error && !open && (
        <Portal>
          <div role="alert" className={styles.error} style={{ left: place.left, top: place.top }}>{error}</div>
        </Portal>
      )}
    </>
  );
}
