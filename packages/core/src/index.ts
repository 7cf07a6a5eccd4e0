// Public API of @prompt-aug/core (the root entry): the plugin runtime (resolve, load, validate,
// install, discover), template rendering and picking, config files, the verify command's case
// handling, and the utilities every package shares (UserError, atomic writes, folders, progress,
// the seeded RNG). The contract itself is @prompt-aug/plugin-api; the rest of core is in subpaths:
// `@prompt-aug/core/model`, `/data`, `/decoding`, `/train`, `/demo`.
export { SeededRandom } from './util/random.js';
export { atomicWriteFile, atomicWriteJson } from './util/atomic-write.js';
export { UserError, isUserError } from './util/user-error.js';
export { ERROR_CODES, type ErrorCode } from './util/error-codes.js';
export { cacheDir, userPluginDir } from './util/paths.js';
export { ProgressBar, type ProgressOptions } from './util/progress.js';
export { loadPlugin, loadPluginModule, type LoadedPlugin, type LoadedPluginModule, type LoadPluginOptions } from './plugin/load.js';
export { type ResolveOptions, type PluginOrigin } from './plugin/resolve.js';
export { installPlugin, uninstallPlugin, type InstallOptions } from './plugin/user-plugins.js';
export { discoverPlugins, type PluginListing } from './plugin/discover.js';
export { CORE_VERSION } from './plugin/core-version.js';
export { renderPrompt, type ChatMessage, type RenderableTemplate } from './templates/render-prompt.js';
export { validateTemplateSet, type TemplateSetReport } from './templates/validate-template-set.js';
export * from './verify/index.js';
export { formatConfig } from './config/format-config.js';
