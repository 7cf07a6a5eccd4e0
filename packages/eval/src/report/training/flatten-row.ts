import type { MetricValue } from '@prompt-aug/core/train';

/** A group's child keys, memoised: 4,000 rows × 80 values would otherwise build 320,000 key strings. */
type KeyTree = Map<string, { key: string; children: KeyTree }>;

/**
 * Calls `visit(key, value)` for every number in a metrics row, where `key` is the JSON of the
 * value's path: `{ accuracyByTemplate: { 'open-r1': 0.5 } }` gives `["accuracyByTemplate","open-r1"]`
 * (JSON because a template id may hold any character, dots and slashes included). null (a
 * non-finite number on disk) stays null: the chart leaves it out, it does not invent a value.
 * Pass the same `tree` for every row of a run.
 */
export function visitRow(record: Readonly<Record<string, MetricValue>>, visit: (key: string, value: number | null) => void, tree: KeyTree = new Map(), prefix: readonly string[] = []): void {
  for (const key in record) {
    const value = record[key]!;
    let node = tree.get(key);
    if (!node) {
      node = { key: seriesKey([...prefix, key]), children: new Map() };
      tree.set(key, node);
    }
    if (value === null || typeof value === 'number') visit(node.key, value !== null && Number.isFinite(value) ? value : null);
    else if (typeof value === 'object') visitRow(value, visit, node.children, [...prefix, key]);
  }
}

export function newKeyTree(): KeyTree {
  return new Map();
}

/** The key a path is stored under in the page's data (JSON of the path: unambiguous for any id). */
export function seriesKey(path: readonly string[]): string {
  return JSON.stringify(path);
}
