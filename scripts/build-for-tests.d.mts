// Types for scripts/build-for-tests.mjs (vitest globalSetup of the browser tier).
export const BUILD_DIR: string;
export function runWebpack(args: string[]): Promise<string>;
export default function setup(ctx: { provide: (key: 'buildDir', value: string) => void }): Promise<void>;
declare module 'vitest' {
  export interface ProvidedContext {
    buildDir: string;
  }
}
