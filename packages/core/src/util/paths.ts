import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Per-user folders, XDG rules: downloads (models, datasets) go to the cache folder, installed
 * plugins to the data folder. PA_CACHE_DIR overrides the cache and PA_PLUGINS_DIR the plugin
 * folder (tests use them); PA_DATA_DIR means local dataset copies only (see datasetDir).
 */
export function cacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.PA_CACHE_DIR) return env.PA_CACHE_DIR;
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'prompt-aug');
}

/** The per-user data folder ($XDG_DATA_HOME/prompt-aug). */
export function dataDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(env.XDG_DATA_HOME || join(homedir(), '.local', 'share'), 'prompt-aug');
}

/** The folder `pa plugins install` writes into: an npm project whose dependencies are the plugins. */
export function userPluginDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.PA_PLUGINS_DIR || join(dataDir(env), 'plugins');
}

/** Local copies of the known datasets ($PA_DATA_DIR), tried before the cache and the Hub; undefined when unset. */
export function datasetDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env.PA_DATA_DIR || undefined;
}
