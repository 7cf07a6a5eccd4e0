import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, resolve as resolvePath } from 'node:path';
import { userPluginDir } from '../util/paths.js';
import { isUserError, UserError } from '../util/user-error.js';
import { loadPluginModule, type LoadedPluginModule } from './load.js';
import { candidatePackageNames } from './resolve.js';
import { readPackageJson } from './package-entry.js';
import { reservedPluginNameReason } from './reserved-names.js';


/**
 * The user plugin folder is a tiny npm project (oclif's approach): its package.json lists the
 * installed plugins as dependencies and npm does the fetching, so npm names, tarballs and
 * folders all work and nothing of ours re-implements a package manager.
 */
interface UserProject {
  dependencies?: Record<string, string>;
}

export function userPluginPackages(userDir = userPluginDir()): Record<string, string> {
  const file = join(userDir, 'package.json');
  if (!existsSync(file)) return {};
  return ((JSON.parse(readFileSync(file, 'utf8')) as UserProject).dependencies ?? {});
}

export interface InstallOptions {
  userDir?: string;
  /** Run the package's install scripts (off by default: many download binaries). */
  allowScripts?: boolean;
  cwd?: string;
  /** The host's bundled plugins (the CLI's list): their short names are reserved too. */
  bundledPlugins?: readonly string[];
}

export async function installPlugin(spec: string, options: InstallOptions = {}): Promise<LoadedPluginModule> {
  if (spec.startsWith('-') || spec.trim() === '') {
    // npm would read `--dry-run` (or `--registry=...`) as its own option, not as what to install.
    throw new UserError(`"${spec}" is not a plugin to install: it starts with "-" (or is empty), so npm would take it for an option. Give an npm package name, a .tgz tarball or a folder (write ./-name for a folder whose name starts with "-").`, 'PA_PLUGIN_SPEC_OPTION');
  }
  const userDir = options.userDir ?? userPluginDir();
  ensureUserProject(userDir);
  const before = userPluginPackages(userDir);
  const target = isLocalSpec(spec) ? resolvePath(options.cwd ?? process.cwd(), spec) : spec;
  // Checked before npm runs when the name is known (a folder, or an npm name), and again after.
  const knownName = isLocalSpec(spec) ? readPackageJson(target)?.name : spec.replace(/(.)@[^@/]*$/, '$1');
  if (knownName) refuseReservedName(knownName, spec, userDir, options.bundledPlugins ?? []);
  runNpm(['install', '--save', ...(options.allowScripts ? [] : ['--ignore-scripts'])], userDir, spec, [target]);
  const after = userPluginPackages(userDir);
  const added = Object.keys(after).find((name) => before[name] !== after[name]) ?? guessPackageName(spec, after);
  if (!added) {
    throw new UserError(`Installing "${spec}" finished but no new package appeared in ${userDir}/package.json; check the name or path and try again.`, 'PA_PLUGIN_INSTALL');
  }
  try {
    refuseReservedName(added, spec, userDir, options.bundledPlugins ?? []);
    return await loadPluginModule(join(userDir, 'node_modules', added), { cwd: userDir, userDir });
  } catch (error) {
    // A package that is not a valid plugin must not stay installed (oclif does the same).
    runNpm(['uninstall', '--save'], userDir, added, [added]);
    // Same error and code, with what pa did about it.
    if (isUserError(error)) error.message = `${error.message} Nothing was installed: pa removed ${added} again.`;
    throw error;
  }
}

export function uninstallPlugin(name: string, options: { userDir?: string } = {}): string {
  const userDir = options.userDir ?? userPluginDir();
  const installed = userPluginPackages(userDir);
  const packageName = candidatePackageNames(name).find((candidate) => candidate in installed);
  if (!packageName) {
    const list = Object.keys(installed).join(', ') || 'none';
    throw new UserError(`Plugin "${name}" is not installed in ${userDir} (installed: ${list}). Built-in plugins and project dependencies cannot be uninstalled with pa; see \`pa plugins list\`.`, 'PA_PLUGIN_NOT_INSTALLED');
  }
  runNpm(['uninstall', '--save'], userDir, packageName, [packageName]);
  return packageName;
}

function refuseReservedName(packageName: string, spec: string, userDir: string, bundled: readonly string[]): void {
  const reason = reservedPluginNameReason(packageName, bundled);
  if (!reason) return;
  throw new UserError(
    `Refusing to install "${spec}" into ${userDir}: its package name "${packageName}" is reserved (${reason}). ` +
      'Publish or rename the plugin as pa-plugin-<your-name> (or under your own npm scope) and install that; bundled plugins need no install.',
    'PA_PLUGIN_NAME_RESERVED',
  );
}

function ensureUserProject(userDir: string): void {
  mkdirSync(userDir, { recursive: true });
  const file = join(userDir, 'package.json');
  if (!existsSync(file)) {
    writeFileSync(file, JSON.stringify({ name: 'prompt-aug-user-plugins', private: true, description: 'Plugins installed with `pa plugins install`', dependencies: {} }, null, 2) + '\n');
  }
}

function isLocalSpec(spec: string): boolean {
  return spec.startsWith('.') || isAbsolute(spec) || spec.endsWith('.tgz') || spec.endsWith('.tar.gz');
}

function guessPackageName(spec: string, installed: Record<string, string>): string | undefined {
  const bare = spec.replace(/@[^@/]+$/, '');
  return candidatePackageNames(bare).find((candidate) => candidate in installed);
}

function runNpm(args: string[], userDir: string, spec: string, packages: string[] = []): void {
  // --legacy-peer-deps: plugins peer-depend on @prompt-aug/core, which the running pa provides.
  // `--` ends npm's options: what follows is only ever a package spec.
  const full = [...args, '--prefix', userDir, '--legacy-peer-deps', '--no-audit', '--no-fund', '--loglevel=error', '--', ...packages];
  const result = spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', full, { cwd: userDir, encoding: 'utf8' });
  if (result.error || result.status !== 0) {
    const detail = (result.stderr || result.error?.message || '').split('\n').filter((l) => l && !l.includes('Unknown user config')).slice(-4).join(' ');
    throw new UserError(`npm could not ${args[0]} "${spec}" into ${userDir}: ${detail || `exit code ${result.status}`}. Check the name, tarball or folder, and that npm can reach its registry.`, 'PA_PLUGIN_INSTALL');
  }
}
