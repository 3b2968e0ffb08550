/**
 * The pane's side of "this refresh would remove a column your work uses": a refresh calls `ask`
 * (as its `confirmColumnRemoval`) and waits; the ColumnRemovalDialog shows the question and
 * `answer` resolves it. Used by the web sources and the saved queries.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ColumnRemovalCheck } from '../../excel/land';

export interface RemovalQuestion {
  check: ColumnRemovalCheck;
  /** What is being refreshed, in the user's words ("the source “Orders”"). */
  what: string;
}

export interface ColumnRemovalQuestion {
  /** The question waiting for an answer, if any. */
  question: RemovalQuestion | undefined;
  /**
   * Shows the question and resolves with the user's answer: true removes the columns and
   * refreshes, false changes nothing. An aborted `signal` answers false.
   */
  ask(check: ColumnRemovalCheck, what: string, signal?: AbortSignal): Promise<boolean>;
  answer(go: boolean): void;
}

/**
 * @example
 *   const removal = useColumnRemovalQuestion();
 *   await sources.refresh(id, { confirmColumnRemoval: (check) => removal.ask(check, `the source “${label}”`) });
 *   <ColumnRemovalDialog question={removal.question} onAnswer={removal.answer} />
 */
export function useColumnRemovalQuestion(): ColumnRemovalQuestion {
  const [question, setQuestion] = useState<RemovalQuestion>();
  const pending = useRef<(go: boolean) => void>();

  const answer = useCallback((go: boolean) => {
    const resolve = pending.current;
    pending.current = undefined;
    setQuestion(undefined);
    resolve?.(go);
  }, []);

  const ask = useCallback((check: ColumnRemovalCheck, what: string, signal?: AbortSignal) => new Promise<boolean>((resolve) => {
    if (signal?.aborted) { resolve(false); return; }
    // One question at a time: a new one answers an older one with "no" (nothing changes there).
    pending.current?.(false);
    pending.current = resolve;
    signal?.addEventListener('abort', () => { if (pending.current === resolve) answer(false); }, { once: true });
    setQuestion({ check, what });
  }), [answer]);

  // A pane closed mid-question leaves nothing waiting: the refresh changes nothing.
  useEffect(() => () => { pending.current?.(false); pending.current = undefined; }, []);

  return { question, ask, answer };
}
