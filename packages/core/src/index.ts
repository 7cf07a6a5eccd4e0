// Public API of @prompt-aug/core. Everything not exported here is internal.
export * from './plugin/types.js';
export * from './policy/types.js';
export { SeededRandom, type RandomState } from './util/random.js';
export { atomicWriteFile, atomicWriteJson } from './util/atomic-write.js';
export { UserError, isUserError } from './util/user-error.js';
export { cacheDir, dataDir, userPluginDir } from './util/paths.js';
export { ProgressBar, formatDuration, type ProgressOptions } from './util/progress.js';
