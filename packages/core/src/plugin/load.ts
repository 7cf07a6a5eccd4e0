import semver from 'semver';
import { isUserError, UserError } from '../util/user-error.js';
import { importWithTimeout } from './import-with-timeout.js';
import { CORE_PACKAGE_NAME, CORE_VERSION, PLUGIN_API_PACKAGE_NAME, PLUGIN_API_PACKAGE_VERSION } from './core-version.js';
import { resolvePluginModule, type LookedPlace, type ResolveOptions, type ResolvedPluginModule } from './resolve.js';
import type { BackendPlugin } from '@prompt-aug/plugin-api';
import type { Plugin, PluginKind, TemplatesPlugin, VerifierPlugin } from '@prompt-aug/plugin-api';
import { validatePluginExport, type PluginIssue } from './validate.js';

export interface LoadedPlugin<P extends Plugin = Plugin> {
  plugin: P;
  module: ResolvedPluginModule;
  warnings: PluginIssue[];
}

export interface LoadPluginOptions extends ResolveOptions {
  /** Require this kind; a module exporting several plugins yields the one of this kind. */
  kind?: PluginKind;
}

type PluginOfKind<K extends PluginKind | undefined> = K extends 'templates'
  ? TemplatesPlugin
  : K extends 'verifier'
    ? VerifierPlugin
    : K extends 'backend'
      ? BackendPlugin
      : Plugin;

/**
 * Resolve, import and validate a plugin. Every failure is a UserError of one paragraph that
 * names the plugin and the fix: not found (with every place looked), a module that throws on
 * import, an invalid export, a wrong apiVersion, or no plugin of the wanted kind.
 */
export async function loadPlugin<K extends PluginKind | undefined = undefined>(
  name: string,
  options: LoadPluginOptions & { kind?: K } = {},
): Promise<LoadedPlugin<PluginOfKind<K>>> {
  const all = await loadPluginModule(name, options);
  const plugin = options.kind ? all.plugins.find((p) => p.kind === options.kind) : all.plugins[0];
  if (!plugin) {
    const kinds = all.plugins.map((p) => `${p.name} (${p.kind})`).join(', ');
    throw new UserError(
      `Plugin "${name}" (${all.module.entry}) exports no ${options.kind} plugin; it exports ${kinds}. Pass a ${options.kind} plugin instead.`,
      'PA_PLUGIN_KIND',
    );
  }
  return { plugin: plugin as PluginOfKind<K>, module: all.module, warnings: all.warnings };
}

export interface LoadedPluginModule {
  plugins: Plugin[];
  module: ResolvedPluginModule;
  warnings: PluginIssue[];
  looked: LookedPlace[];
}

/** Resolve and import a plugin module and validate every plugin it exports. */
export async function loadPluginModule(name: string, options: ResolveOptions = {}): Promise<LoadedPluginModule> {
  const resolved = resolvePluginModule(name, options);
  if (!resolved.ok) {
    const places = resolved.looked.map((l) => `${l.place}: ${l.found}`).join('; ');
    throw new UserError(
      `Plugin "${name}" was not found. Looked in: ${places}. Install it with \`pa plugins install <npm name | tarball | folder>\`, add it to your project's dependencies, or pass a path to the plugin's folder or module file.`,
      'PA_PLUGIN_NOT_FOUND',
    );
  }
  const { module } = resolved;
  let imported: { default?: unknown };
  try {
    imported = await importWithTimeout(name, module.entry, `remove it with \`pa plugins uninstall ${module.packageName ?? name}\``);
  } catch (error) {
    if (isUserError(error) && error.code === 'PA_PLUGIN_IMPORT_TIMEOUT') throw error;
    throw new UserError(
      `Plugin "${name}" (${module.entry}) threw while it was being imported: ${(error as Error).message}. Fix the plugin (or its missing dependency), or remove it with \`pa plugins uninstall ${module.packageName ?? name}\`.`,
      'PA_PLUGIN_IMPORT',
      { cause: error },
    );
  }
  const exported = imported.default;
  if (exported === undefined) {
    throw new UserError(
      `Plugin "${name}" (${module.entry}) has no default export. A plugin module must \`export default\` a plugin object (or an array of them); see docs/plugins.md.`,
      'PA_PLUGIN_INVALID',
    );
  }
  const validation = validatePluginExport(exported);
  if (validation.errors.length > 0) {
    const problems = validation.errors.map((e) => `${e.plugin}${e.path ? `.${e.path}` : ''}: ${e.message.replace(/\.$/, '')}`).join('; ');
    throw new UserError(
      `Plugin "${name}" (${module.entry}) is invalid: ${problems}. Fix these fields (docs/plugins.md lists every field), or use a version of the plugin made for this prompt-aug.`,
      'PA_PLUGIN_INVALID',
    );
  }
  const warnings = [...validation.warnings, ...peerRangeWarnings(module)];
  return { plugins: validation.plugins, module, warnings, looked: resolved.looked };
}

/**
 * Vitest-style mixed-version warning: the plugin's peer range on the contract (or on core, for
 * plugins written before @prompt-aug/plugin-api existed) excludes the running version.
 */
function peerRangeWarnings(module: ResolvedPluginModule): PluginIssue[] {
  const running: Array<[string, string]> = [[PLUGIN_API_PACKAGE_NAME, PLUGIN_API_PACKAGE_VERSION], [CORE_PACKAGE_NAME, CORE_VERSION]];
  return running.flatMap(([name, version]) => {
    const range = module.packageJson?.peerDependencies?.[name];
    if (!range || semver.satisfies(version, range, { includePrerelease: true })) return [];
    return [{ plugin: module.packageName ?? module.entry, path: `peerDependencies.${name}`, message: `declares ${name} ${range}, but the running one is ${version}; it may not work as expected` }];
  });
}
