// Public API of @prompt-aug/core. Everything not exported here is internal.
export * from './plugin/types.js';
export * from './policy/types.js';
export { SeededRandom, type RandomState } from './util/random.js';
export { atomicWriteFile, atomicWriteJson } from './util/atomic-write.js';
export { UserError, isUserError } from './util/user-error.js';
export { cacheDir, dataDir, userPluginDir } from './util/paths.js';
export { ProgressBar, formatDuration, type ProgressOptions } from './util/progress.js';
export { loadPlugin, loadPluginModule, type LoadedPlugin, type LoadedPluginModule, type LoadPluginOptions } from './plugin/load.js';
export { resolvePluginModule, candidatePackageNames, type ResolveOptions, type ResolvedPluginModule, type LookedPlace, type PluginOrigin } from './plugin/resolve.js';
export { validatePluginExport, type PluginIssue, type PluginValidation } from './plugin/validate.js';
export { installPlugin, uninstallPlugin, userPluginPackages, type InstallOptions } from './plugin/user-plugins.js';
export { discoverPlugins, BUILTIN_PLUGINS, type PluginListing } from './plugin/discover.js';
export { CORE_VERSION } from './plugin/core-version.js';
export { renderPrompt, type ChatMessage, type RenderableTemplate } from './templates/render-prompt.js';
export { pickTemplate, type PickTemplateInput } from './templates/pick-template.js';
export { validateTemplateSet, type TemplateSetReport } from './templates/validate-template-set.js';
export * from './verify/index.js';
export { groupAdvantages, type GroupAdvantageOptions } from './grpo/group-advantages.js';
