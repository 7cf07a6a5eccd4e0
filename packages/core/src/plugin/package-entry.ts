import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface PackageJson {
  name?: string;
  version?: string;
  main?: string;
  exports?: unknown;
  keywords?: string[];
  peerDependencies?: Record<string, string>;
  dependencies?: Record<string, string>;
  description?: string;
}

export function readPackageJson(dir: string): PackageJson | undefined {
  const file = join(dir, 'package.json');
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as PackageJson;
  } catch {
    return undefined;
  }
}

/** Conditions an ESM import in Node matches, in the order we try them. */
const CONDITIONS = ['import', 'node', 'default', 'require'];

/**
 * The file `import(packageName)` would load: the "." entry of the exports map (with Node's
 * conditions), else `main`, else index.js. Returns undefined when the package names no entry.
 */
export function resolvePackageEntry(dir: string, pkg: PackageJson): string | undefined {
  const fromExports = pkg.exports === undefined ? undefined : pickExport(rootExport(pkg.exports));
  const relative = fromExports ?? pkg.main ?? 'index.js';
  const file = join(dir, relative);
  return existsSync(file) ? file : undefined;
}

function rootExport(exportsField: unknown): unknown {
  if (typeof exportsField === 'string' || Array.isArray(exportsField)) return exportsField;
  if (exportsField && typeof exportsField === 'object') {
    const record = exportsField as Record<string, unknown>;
    const keys = Object.keys(record);
    // An exports object either maps subpaths ("." , "./x") or is itself a conditions object.
    return keys.some((k) => k.startsWith('.')) ? record['.'] : record;
  }
  return undefined;
}

function pickExport(target: unknown): string | undefined {
  if (typeof target === 'string') return target;
  if (Array.isArray(target)) {
    for (const t of target) {
      const picked = pickExport(t);
      if (picked) return picked;
    }
    return undefined;
  }
  if (target && typeof target === 'object') {
    const record = target as Record<string, unknown>;
    for (const condition of CONDITIONS) {
      if (condition in record) {
        const picked = pickExport(record[condition]);
        if (picked) return picked;
      }
    }
  }
  return undefined;
}
