import { fileURLToPath } from 'node:url';

/** The CLI package folder: its node_modules hold the built-in plugins. */
export function bundledRoots(): string[] {
  return [fileURLToPath(new URL('../..', import.meta.url))];
}
