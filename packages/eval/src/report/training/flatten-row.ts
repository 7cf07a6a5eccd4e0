import type { MetricValue } from '@prompt-aug/core';

/**
 * A metrics row as (path, value) pairs: `{ accuracyByTemplate: { 'open-r1': 0.5 } }` gives
 * `['accuracyByTemplate', 'open-r1'] → 0.5`. Paths stay arrays because a template id may hold
 * any character. null (a non-finite number on disk) stays null: the chart leaves it out, it
 * does not invent a value.
 */
export function flattenRow(record: Readonly<Record<string, MetricValue>>, prefix: readonly string[] = []): [string[], number | null][] {
  const out: [string[], number | null][] = [];
  for (const [key, value] of Object.entries(record)) {
    const path = [...prefix, key];
    if (value === null || typeof value === 'number') out.push([path, value !== null && Number.isFinite(value) ? value : null]);
    else if (typeof value === 'object') out.push(...flattenRow(value, path));
  }
  return out;
}

/** The key a path is stored under in the page's data (JSON of the path: unambiguous for any id). */
export function seriesKey(path: readonly string[]): string {
  return JSON.stringify(path);
}
