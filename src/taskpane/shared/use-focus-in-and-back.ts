import { useEffect, useRef, type RefObject } from 'react';

/** What can take focus inside a form, in tab order's usual first candidates. */
const FOCUSABLE = 'input:not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** Tries at returning focus to a disabled opener (about 10 s: a rename's write, a slow workbook). */
const RETRIES = 200;

/**
 * Focus moves into a form when it opens and back when it closes (issue 16 part 2): on mount the
 * form's first control takes focus; on unmount, if focus was lost with the form (it sat inside
 * it), it goes back to the element that had it when the form opened, or, when that element is
 * gone (a button hidden while its form is open), to `returnTo()`. Focus the user has moved
 * elsewhere meanwhile is left alone.
 * @example
 *   const form = useFocusInAndBack<HTMLFormElement>(() => connectButton.current);
 *   return <form ref={form}>…</form>;
 */
export function useFocusInAndBack<T extends HTMLElement>(returnTo?: () => HTMLElement | null | undefined): RefObject<T> {
  const root = useRef<T>(null);
  // Kept across StrictMode's second effect run, when focus already sits inside the form.
  const opener = useRef<HTMLElement | undefined>(undefined);
  // The latest fallback, read when the form closes (the button it names may be rendered again by then).
  const fallback = useRef(returnTo);
  fallback.current = returnTo;
  useEffect(() => {
    const active = document.activeElement;
    if (!opener.current && active instanceof HTMLElement && active !== document.body && !root.current?.contains(active)) opener.current = active;
    root.current?.querySelector<HTMLElement>(FOCUSABLE)?.focus();
    return () => {
      // After React removed the form and rendered what replaces it. A Save usually disables the
      // opener while its write runs (focus() on a disabled button does nothing), so a disabled
      // target is tried again until the write ends, for at most RETRIES × 50 ms.
      const restore = (left: number) => {
        const now = document.activeElement;
        if (now && now !== document.body && now.isConnected) return;
        const back = opener.current?.isConnected ? opener.current : fallback.current?.();
        if (back?.matches(':disabled') && left > 0) setTimeout(() => restore(left - 1), 50);
        else back?.focus();
      };
      requestAnimationFrame(() => restore(RETRIES));
    };
  }, []);
  return root;
}
