/** Source progress shown a few times a second (issue 18): a clock the test moves, no wall clock. */
import { describe, expect, it } from 'vitest';
import { throttleProgress } from '../../src/refresh/sources/throttle-progress';

type P = { phase: string; bytes: number; totalBytes?: number; rows?: number; totalRows?: number };

describe('throttleProgress', () => {
  it('shows the first report of each phase, completions, and otherwise one per interval', () => {
    let clock = 0;
    const shown: P[] = [];
    const report = throttleProgress<P>((p) => shown.push(p), 100, () => clock)!;
    const at = (ms: number, p: P) => { clock = ms; report(p); };
    at(0, { phase: 'download', bytes: 10, totalBytes: 100 }); // first of its phase
    at(40, { phase: 'download', bytes: 20, totalBytes: 100 }); // too soon
    at(99, { phase: 'download', bytes: 30, totalBytes: 100 }); // too soon
    at(100, { phase: 'download', bytes: 40, totalBytes: 100 }); // 100 ms after the last shown
    at(120, { phase: 'download', bytes: 100, totalBytes: 100 }); // completes the download
    at(130, { phase: 'parse', bytes: 100, rows: 0 }); // a new phase
    at(140, { phase: 'parse', bytes: 100, rows: 65_536 }); // too soon, no total to complete
    at(150, { phase: 'write', bytes: 0, totalBytes: 900, rows: 0, totalRows: 3 }); // a new phase
    at(151, { phase: 'write', bytes: 300, totalBytes: 900, rows: 1, totalRows: 3 }); // too soon
    at(152, { phase: 'write', bytes: 900, totalBytes: 900, rows: 3, totalRows: 3 }); // all rows written
    expect(shown.map((p) => `${p.phase} ${p.bytes} ${p.rows ?? ''}`)).toEqual([
      'download 10 ', 'download 40 ', 'download 100 ', 'parse 100 0', 'write 0 0', 'write 900 3',
    ]);
  });

  it('nothing to call stays nothing', () => {
    expect(throttleProgress(undefined)).toBeUndefined();
  });
});
