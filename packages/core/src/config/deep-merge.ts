/**
 * Flags override the config file key by key: nested objects merge, anything else (scalars,
 * arrays) replaces, and an undefined flag (not given) changes nothing.
 */
export function isPlainRecord(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** Define (never [[Set]]) so a key named `__proto__` stays a plain own key instead of replacing the prototype. */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

export function deepMerge(base: Record<string, unknown>, override: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) {
    if (value === undefined) continue;
    const current = Object.hasOwn(out, key) ? out[key] : undefined;
    setOwn(out, key, isPlainRecord(current) && isPlainRecord(value) ? deepMerge(current, value) : value);
  }
  return out;
}

/** `{ "optim.lr": 1e-6 }` (how flags name nested keys) -> `{ optim: { lr: 1e-6 } }`; nested input passes through. */
export function expandDottedKeys(flat: Record<string, unknown>): Record<string, unknown> {
  let out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(flat)) {
    if (value === undefined) continue;
    const expandedValue = isPlainRecord(value) ? expandDottedKeys(value) : value;
    const nested = key.split('.').reduceRight<unknown>((inner, part) => ({ [part]: inner }), expandedValue);
    out = deepMerge(out, nested as Record<string, unknown>);
  }
  return out;
}

export function hasKeyPath(value: unknown, path: readonly PropertyKey[]): boolean {
  let current = value;
  for (const key of path) {
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, key)) return false;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return true;
}
