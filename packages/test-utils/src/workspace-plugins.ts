import { fileURLToPath } from 'node:url';

/** The built-in plugins' source entries, for tests that need the real plugins without depending on them. */
const ENTRIES = {
  'templates-diverse': '../../templates/diverse/src/index.ts',
  'templates-qwen-math': '../../templates/qwen-math/src/index.ts',
  'verifier-math': '../../verifiers/math/src/index.ts',
} as const;

/**
 * The file to `import()` for a built-in plugin's sources. Core may not depend on a plugin package
 * (not even for tests: it would make a cycle in the workspace), so its tests load them through here.
 */
export function workspacePluginEntry(name: keyof typeof ENTRIES): string {
  return fileURLToPath(new URL(ENTRIES[name], import.meta.url));
}
