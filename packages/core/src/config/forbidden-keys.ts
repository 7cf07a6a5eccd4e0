/**
 * `__proto__` in a config file is never a setting: merged naively it would replace an object's
 * prototype (and with it the defaults every key falls back on), so it is refused by name.
 */
export const FORBIDDEN_CONFIG_KEYS: ReadonlySet<string> = new Set(['__proto__']);

/** Paths of every forbidden key, at any depth (inside lists too). */
export function findForbiddenKeys(value: unknown, path: PropertyKey[] = []): PropertyKey[][] {
  if (Array.isArray(value)) return value.flatMap((item, index) => findForbiddenKeys(item, [...path, index]));
  if (typeof value !== 'object' || value === null) return [];
  const found: PropertyKey[][] = [];
  for (const key of Object.keys(value)) {
    if (FORBIDDEN_CONFIG_KEYS.has(key)) found.push([...path, key]);
    else found.push(...findForbiddenKeys((value as Record<string, unknown>)[key], [...path, key]));
  }
  return found;
}
