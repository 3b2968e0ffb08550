import { memoryCredentialStore, type CredentialStore, type PullContext } from '../../src/connectors';

/** Waits the code under test asked for, recorded instead of slept (no wall clock in tests). */
export interface SleepLog {
  waits: number[];
  sleep: (ms: number) => Promise<void>;
}

export function recordSleeps(): SleepLog {
  const waits: number[] = [];
  return { waits, sleep: async (ms: number) => void waits.push(ms) };
}

/** A pull context on the real global fetch, allowed to read the local test server over http. */
export function testContext(overrides: Partial<PullContext> & { credentials?: CredentialStore } = {}): PullContext & { sleeps: SleepLog } {
  const sleeps = recordSleeps();
  return {
    fetch: globalThis.fetch,
    credentials: memoryCredentialStore(),
    sleep: sleeps.sleep,
    sleeps,
    ...overrides,
    policy: { allowHttpLocalhost: true, timeoutMs: 10_000, ...overrides.policy },
  };
}

/** Excel serial of a UTC calendar day, computed without the engine (valid after 1900-03-01). */
export function serialOfDay(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Date.UTC(y!, m! - 1, d!) / 86_400_000 + 25_569;
}

/** Expect a promise to reject with a SourceError of `kind`; returns the error for more checks. */
export async function rejection(promise: Promise<unknown>): Promise<{ kind: string; message: string; details: Record<string, unknown> }> {
  try {
    await promise;
  } catch (error) {
    return error as { kind: string; message: string; details: Record<string, unknown> };
  }
  throw new Error('expected the pull to fail');
}
