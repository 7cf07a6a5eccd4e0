import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve as resolvePath } from 'node:path';
import { fileURLToPath } from 'node:url';
import { userPluginDir } from '../util/paths.js';
import { readPackageJson, resolvePackageEntry, type PackageJson } from './package-entry.js';

export type PluginOrigin = 'path' | 'project' | 'user' | 'bundled';

export interface ResolvedPluginModule {
  /** The file to import. */
  entry: string;
  /** The package folder (for a bare file: its folder). */
  dir: string;
  packageName: string | undefined;
  packageJson: PackageJson | undefined;
  origin: PluginOrigin;
}

export interface LookedPlace {
  place: string;
  found: string;
}

export interface ResolveOptions {
  /** The project folder whose dependencies are searched first (default: process.cwd()). */
  cwd?: string;
  /** Extra folders whose node_modules are searched, e.g. the CLI's own install (built-ins). */
  bundledRoots?: string[];
  /** The plugin packages the host application ships (the CLI lists them in its package.json). */
  bundledPlugins?: readonly string[];
  /** The folder `pa plugins install` writes into (default: XDG data dir). */
  userDir?: string;
}

export type ResolveResult =
  | { ok: true; module: ResolvedPluginModule; looked: LookedPlace[] }
  | { ok: false; looked: LookedPlace[] };

/** The package names `--plugin NAME` may mean, in the order DESIGN.md gives. */
export function candidatePackageNames(name: string): string[] {
  if (name.startsWith('@')) return [name];
  return [...new Set([`@prompt-aug/${name}`, `pa-plugin-${name}`, name])];
}

/**
 * Only a name written as a path is a path (`./x`, `../x`, `/abs`, `x.js`, `file:`): a folder in
 * the current directory that merely shares a plugin's name is never imported in its place.
 */
export function looksLikePath(name: string): boolean {
  return name.startsWith('.') || name.startsWith('/') || name.startsWith('file:') || name.includes('\\') || /\.(m?js|cjs)$/.test(name);
}

function pathOf(name: string, cwd: string): string {
  if (name.startsWith('file://')) return fileURLToPath(name);
  // npm's `file:../x` form: a path relative to the current folder.
  return resolvePath(cwd, name.startsWith('file:') ? name.slice('file:'.length) : name);
}

/**
 * Find the module for a plugin name: a path; else `@prompt-aug/NAME`, `pa-plugin-NAME`, `NAME`
 * in the project's dependencies, the CLI's bundled dependencies, then the user plugin folder.
 * Every place looked is recorded so a failure can say exactly where it searched.
 */
export function resolvePluginModule(name: string, options: ResolveOptions = {}): ResolveResult {
  const cwd = options.cwd ?? process.cwd();
  const looked: LookedPlace[] = [];
  if (looksLikePath(name)) {
    const module = resolvePathModule(pathOf(name, cwd), looked);
    return module ? { ok: true, module, looked } : { ok: false, looked };
  }
  const roots: Array<[string, PluginOrigin]> = [
    [cwd, 'project'],
    ...(options.bundledRoots ?? []).map((r): [string, PluginOrigin] => [r, 'bundled']),
    [options.userDir ?? userPluginDir(), 'user'],
  ];
  for (const packageName of candidatePackageNames(name)) {
    for (const [root, origin] of roots) {
      const dir = findPackageDir(root, packageName, origin !== 'user');
      if (!dir) {
        looked.push({ place: `${packageName} from ${root} (${origin})`, found: 'not installed' });
        continue;
      }
      const packageJson = readPackageJson(dir);
      const entry = packageJson && resolvePackageEntry(dir, packageJson);
      if (!entry) {
        looked.push({ place: dir, found: 'a package with no importable entry (check "exports"/"main" and that it is built)' });
        continue;
      }
      looked.push({ place: dir, found: `${packageName}@${packageJson.version ?? '?'}` });
      return { ok: true, module: { entry, dir, packageName, packageJson, origin }, looked };
    }
  }
  if (existsSync(resolvePath(cwd, name))) {
    looked.push({ place: resolvePath(cwd, name), found: `a file or folder of that name, not used because "${name}" is not written as a path (pass ./${name} to use it)` });
  }
  return { ok: false, looked };
}

function resolvePathModule(path: string, looked: LookedPlace[]): ResolvedPluginModule | undefined {
  if (!existsSync(path)) {
    looked.push({ place: path, found: 'no such file or folder' });
    return undefined;
  }
  if (statSync(path).isFile()) {
    looked.push({ place: path, found: 'a module file' });
    return { entry: path, dir: dirname(path), packageName: undefined, packageJson: undefined, origin: 'path' };
  }
  const packageJson = readPackageJson(path);
  if (!packageJson) {
    looked.push({ place: path, found: 'a folder without package.json' });
    return undefined;
  }
  const entry = resolvePackageEntry(path, packageJson);
  if (!entry) {
    looked.push({ place: path, found: `package ${packageJson.name ?? '(unnamed)'} with no importable entry (is it built?)` });
    return undefined;
  }
  looked.push({ place: path, found: `${packageJson.name ?? '(unnamed)'}@${packageJson.version ?? '?'}` });
  return { entry, dir: path, packageName: packageJson.name, packageJson, origin: 'path' };
}

/** Node's lookup: `<dir>/node_modules/<name>` in the folder and (optionally) its ancestors. */
function findPackageDir(root: string, packageName: string, walkUp: boolean): string | undefined {
  let dir = resolvePath(root);
  for (;;) {
    const candidate = join(dir, 'node_modules', packageName);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    const parent = dirname(dir);
    if (!walkUp || parent === dir) return undefined;
    dir = parent;
  }
}
