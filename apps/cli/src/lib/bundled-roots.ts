import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const CLI_ROOT = new URL('../..', import.meta.url);

/** The CLI package folder: its node_modules hold the built-in plugins. */
export function bundledRoots(): string[] {
  return [fileURLToPath(CLI_ROOT)];
}

/** The plugin packages pa ships, as listed under "prompt-aug".plugins in the CLI's package.json (oclif's model). */
export function bundledPlugins(): string[] {
  const manifest = JSON.parse(readFileSync(new URL('package.json', CLI_ROOT), 'utf8')) as { 'prompt-aug'?: { plugins?: string[] } };
  return manifest['prompt-aug']?.plugins ?? [];
}
