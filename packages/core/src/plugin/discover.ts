import { join } from 'node:path';
import { userPluginDir } from '../util/paths.js';
import { loadPluginModule } from './load.js';
import { readPackageJson } from './package-entry.js';
import { resolvePluginModule, type PluginOrigin, type ResolveOptions } from './resolve.js';
import type { PluginKind } from '@prompt-aug/plugin-api';
import { userPluginPackages } from './user-plugins.js';
import { reservedPluginNameReason } from './reserved-names.js';

export interface PluginListing {
  packageName: string;
  origin: PluginOrigin;
  dir?: string;
  plugins: Array<{ name: string; kind: PluginKind; version: string }>;
  warnings: string[];
  /** Set when the package could not be loaded or is invalid. */
  error?: string;
}

/** Every plugin package visible to pa: the host's bundled plugins, the project's dependencies, the user folder. */
export async function discoverPlugins(options: ResolveOptions = {}): Promise<PluginListing[]> {
  const userDir = options.userDir ?? userPluginDir();
  const cwd = options.cwd ?? process.cwd();
  const wanted = new Map<string, PluginOrigin>();
  for (const name of options.bundledPlugins ?? []) wanted.set(name, 'bundled');
  for (const name of projectPluginDependencies(cwd)) if (!wanted.has(name)) wanted.set(name, 'project');
  const unused: PluginListing[] = [];
  for (const name of Object.keys(userPluginPackages(userDir))) {
    // A user package under a reserved or already-listed name never runs: say so, never list it in the other's place.
    const reason = reservedPluginNameReason(name, options.bundledPlugins ?? []) ?? (wanted.has(name) ? `a ${wanted.get(name)} package of the same name runs instead` : shadowedBy(name, { ...options, userDir }));
    if (reason) unused.push({ packageName: name, origin: 'user', dir: join(userDir, 'node_modules', name), plugins: [], warnings: [], error: `not used: ${reason}; remove it with \`pa plugins uninstall ${name}\`` });
    else wanted.set(name, 'user');
  }
  const listings: PluginListing[] = [];
  for (const [packageName, origin] of wanted) {
    const source = origin === 'user' ? join(userDir, 'node_modules', packageName) : packageName;
    try {
      const loaded = await loadPluginModule(source, origin === 'user' ? { ...options, cwd: userDir } : options);
      listings.push({
        packageName,
        origin: loaded.module.origin === 'path' ? origin : loaded.module.origin,
        dir: loaded.module.dir,
        plugins: loaded.plugins.map((p) => ({ name: p.name, kind: p.kind, version: p.version })),
        warnings: loaded.warnings.map((w) => `${w.plugin}.${w.path}: ${w.message}`),
      });
    } catch (error) {
      listings.push({ packageName, origin, plugins: [], warnings: [], error: (error as Error).message });
    }
  }
  return [...listings, ...unused];
}

/** Where `--plugin NAME` really goes when that is not the user folder's package of that name. */
function shadowedBy(name: string, options: ResolveOptions): string | undefined {
  const resolved = resolvePluginModule(name, options);
  return resolved.ok && resolved.module.origin !== 'user' ? `\`--plugin ${name}\` runs ${resolved.module.dir} (${resolved.module.origin}) instead` : undefined;
}

/** Dependencies of the project in `cwd` that look like prompt-aug plugins. */
function projectPluginDependencies(cwd: string): string[] {
  const pkg = readPackageJson(cwd);
  const deps = Object.keys({ ...(pkg?.dependencies ?? {}), ...((pkg as { devDependencies?: Record<string, string> })?.devDependencies ?? {}) });
  return deps.filter((name) => /(^|\/)pa-plugin-/.test(name) || isPluginKeyworded(cwd, name));
}

function isPluginKeyworded(cwd: string, name: string): boolean {
  return Boolean(readPackageJson(join(cwd, 'node_modules', name))?.keywords?.includes('prompt-aug-plugin'));
}
