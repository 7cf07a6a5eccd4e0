import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Per-user folders, XDG rules: downloads (models, datasets) go to the cache folder, installed
 * plugins to the data folder. PA_CACHE_DIR / PA_DATA_DIR override both (tests use them).
 */
export function cacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.PA_CACHE_DIR) return env.PA_CACHE_DIR;
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'prompt-aug');
}

export function dataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.PA_DATA_DIR) return env.PA_DATA_DIR;
  return join(env.XDG_DATA_HOME || join(homedir(), '.local', 'share'), 'prompt-aug');
}

/** The folder `pa plugins install` writes into: an npm project whose dependencies are the plugins. */
export function userPluginDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(dataDir(env), 'plugins');
}
