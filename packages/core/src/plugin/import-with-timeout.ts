/**
 * Import a plugin's module with a time limit. A module whose top-level `await` never settles
 * would otherwise hang the command, or (once nothing else keeps the event loop alive) make
 * Node exit with code 13 and print nothing; the timer both bounds the wait and keeps the loop alive.
 */
import { pathToFileURL } from 'node:url';
import { UserError } from '../util/user-error.js';

export const DEFAULT_PLUGIN_IMPORT_TIMEOUT_MS = 10_000;

/** PA_PLUGIN_IMPORT_TIMEOUT_MS when it is a positive number, else 10 s. */
export function pluginImportTimeoutMs(env: NodeJS.ProcessEnv = process.env): number {
  const value = Number(env.PA_PLUGIN_IMPORT_TIMEOUT_MS);
  return Number.isFinite(value) && value > 0 ? value : DEFAULT_PLUGIN_IMPORT_TIMEOUT_MS;
}

export async function importWithTimeout(name: string, entry: string, removeHint: string, timeoutMs = pluginImportTimeoutMs()): Promise<{ default?: unknown }> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new UserError(
        `Plugin "${name}" (${entry}) did not finish loading within ${timeoutMs / 1000} s: its module (or one it imports) waits at the top level ` +
          `for something that never happens. Fix the plugin, or ${removeHint}; set PA_PLUGIN_IMPORT_TIMEOUT_MS to allow a slow plugin more time.`,
        'PA_PLUGIN_IMPORT_TIMEOUT',
      ));
    }, timeoutMs);
  });
  try {
    return await Promise.race([import(pathToFileURL(entry).href) as Promise<{ default?: unknown }>, expired]);
  } finally {
    clearTimeout(timer);
  }
}
