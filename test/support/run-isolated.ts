import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** How a script run in its own process ended. */
export type IsolatedRun =
  | { status: 'done'; output: unknown }
  | { status: 'timeout'; stderr: string }
  | { status: 'crashed'; code: number | null; signal: NodeJS.Signals | null; stderr: string };

/**
 * Runs a TypeScript script (through tsx) in a child process with a memory ceiling and a
 * generous time limit (60 s by default: the work takes about a second, but the machine may be busy),
 * for hostile inputs that used to hang or exhaust memory. The script prints
 * one JSON value on stdout; the caller checks it. Tests on this fail only when the run does not
 * finish or crashes, never on how long it took.
 * @example const run = await runIsolated(new URL('./hostile/chain.run.ts', import.meta.url)); expect(run.status).toBe('done');
 */
export function runIsolated(script: URL, options: { timeoutMs?: number; maxOldSpaceMb?: number } = {}): Promise<IsolatedRun> {
  const { timeoutMs = 60_000, maxOldSpaceMb = 768 } = options;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [`--max-old-space-size=${maxOldSpaceMb}`, '--import', 'tsx', fileURLToPath(script)], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, TZ: 'UTC' },
    });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr = (stderr + chunk).slice(-4000)));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (timedOut) resolve({ status: 'timeout', stderr });
      else if (code !== 0) resolve({ status: 'crashed', code, signal, stderr });
      else {
        try {
          resolve({ status: 'done', output: JSON.parse(stdout) as unknown });
        } catch {
          resolve({ status: 'crashed', code, signal, stderr: `no JSON on stdout: ${stdout.slice(0, 500)}\n${stderr}` });
        }
      }
    });
  });
}
