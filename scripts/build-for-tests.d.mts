// Types for scripts/build-for-tests.mjs (vitest globalSetup of the browser tier).
export const BUILD_DIR: string;
export default function setup(ctx: { provide: (key: 'buildDir', value: string) => void }): void;
declare module 'vitest' {
  export interface ProvidedContext {
    buildDir: string;
  }
}
