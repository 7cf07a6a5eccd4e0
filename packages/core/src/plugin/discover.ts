import { join } from 'node:path';
import { userPluginDir } from '../util/paths.js';
import { loadPluginModule } from './load.js';
import { readPackageJson } from './package-entry.js';
import type { PluginOrigin, ResolveOptions } from './resolve.js';
import type { PluginKind } from './types.js';
import { userPluginPackages } from './user-plugins.js';

/** The plugins that ship with the pa CLI, found by name like any other. */
export const BUILTIN_PLUGINS = [
  '@prompt-aug/templates-diverse',
  '@prompt-aug/templates-qwen-math',
  '@prompt-aug/verifier-math',
  '@prompt-aug/backend-tfjs',
  '@prompt-aug/backend-ort',
  '@prompt-aug/backend-server',
] as const;

export interface PluginListing {
  packageName: string;
  origin: PluginOrigin;
  dir?: string;
  plugins: Array<{ name: string; kind: PluginKind; version: string }>;
  warnings: string[];
  /** Set when the package could not be loaded or is invalid. */
  error?: string;
}

/** Every plugin package visible to pa: built-ins, the project's dependencies, the user folder. */
export async function discoverPlugins(options: ResolveOptions = {}): Promise<PluginListing[]> {
  const userDir = options.userDir ?? userPluginDir();
  const cwd = options.cwd ?? process.cwd();
  const wanted = new Map<string, PluginOrigin>();
  for (const name of BUILTIN_PLUGINS) wanted.set(name, 'bundled');
  for (const name of projectPluginDependencies(cwd)) if (!wanted.has(name)) wanted.set(name, 'project');
  for (const name of Object.keys(userPluginPackages(userDir))) wanted.set(name, 'user');
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
  return listings;
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
