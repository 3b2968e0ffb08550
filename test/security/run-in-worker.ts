/**
 * Runs hostile input through our code in a worker thread with a generous time limit, so a
 * regression to super-linear work fails the test by not finishing, never by a wall-clock
 * comparison. The code is bundled from the TypeScript sources with esbuild (the worker cannot
 * load .ts itself); `body` is the function's body, given `lib` (the bundled exports) and `input`.
 */
import { build } from 'esbuild';
import { Worker } from 'node:worker_threads';
import { join } from 'node:path';

export interface WorkerOutcome {
  finished: boolean;
  result?: unknown;
  error?: string;
}

/**
 * @example await runInWorker(['src/connectors/http/link-header.ts'], 'return lib.nextLinkFromHeader(input)', '<a>; rel="next"', 20_000)
 */
export async function runInWorker(modules: string[], body: string, input: unknown, limitMs = 20_000): Promise<WorkerOutcome> {
  const root = process.cwd();
  const entry = modules.map((m) => `export * from ${JSON.stringify(join(root, m))};`).join('\n');
  const bundled = await build({ stdin: { contents: entry, resolveDir: root, loader: 'ts' }, bundle: true, format: 'cjs', platform: 'node', write: false, logLevel: 'silent' });
  const lib = bundled.outputFiles[0]!.text;
  const code = `
    const { parentPort, workerData } = require('node:worker_threads');
    const module = { exports: {} };
    (function (exports, module) { ${lib} })(module.exports, module);
    const lib = module.exports;
    try {
      const result = (function (lib, input) { ${body} })(lib, workerData);
      parentPort.postMessage({ result });
    } catch (error) {
      parentPort.postMessage({ error: String(error && error.message || error) });
    }`;
  const worker = new Worker(code, { eval: true, workerData: input });
  return new Promise<WorkerOutcome>((resolve) => {
    const timer = setTimeout(() => {
      void worker.terminate();
      resolve({ finished: false });
    }, limitMs);
    worker.once('message', (m: { result?: unknown; error?: string }) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve({ finished: true, ...m });
    });
    worker.once('error', (error) => {
      clearTimeout(timer);
      resolve({ finished: true, error: String(error) });
    });
  });
}
