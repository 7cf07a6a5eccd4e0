/** Keys every run differs in by construction, left out of the comparison. */
const IGNORED = new Set(['out']);

/** A nested config as dotted keys with JSON-encoded values (so `1` and `"1"` differ). */
export function flattenConfig(config: Record<string, unknown>, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(config)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [k, v] of flattenConfig(value as Record<string, unknown>, path)) out.set(k, v);
    } else {
      out.set(path, JSON.stringify(value) ?? 'undefined');
    }
  }
  return out;
}

export interface ConfigDifference {
  key: string;
  /** JSON of the value in this run ('(unset)' when the key is missing). */
  value: string;
  /** JSON of the value in the first run. */
  first: string;
}

/** The config keys in which `config` differs from `first` (the run folder `out` aside), sorted. */
export function configDifferences(first: Record<string, unknown>, config: Record<string, unknown>): ConfigDifference[] {
  const a = flattenConfig(first);
  const b = flattenConfig(config);
  const keys = [...new Set([...a.keys(), ...b.keys()])].filter((k) => !IGNORED.has(k)).sort();
  return keys.filter((k) => a.get(k) !== b.get(k)).map((key) => ({ key, value: b.get(key) ?? '(unset)', first: a.get(key) ?? '(unset)' }));
}
