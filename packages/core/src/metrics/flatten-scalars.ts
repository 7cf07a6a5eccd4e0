/**
 * Turn a nested metrics record into TensorBoard tags: `{ reward: { 'open-r1': 0.5 } }` becomes
 * `reward/open-r1`, the `/` TensorBoard uses to group charts. Non-finite values and nulls are
 * skipped: a float NaN would draw nothing useful and hide the rest of the chart's scale.
 */
import type { MetricValue } from './metric-types.js';

export function flattenScalars(record: Readonly<Record<string, MetricValue>>, prefix = ''): Map<string, number> {
  const scalars = new Map<string, number>();
  for (const [key, value] of Object.entries(record)) {
    const tag = prefix ? `${prefix}/${key}` : key;
    if (typeof value === 'number') {
      if (Number.isFinite(value)) scalars.set(tag, value);
    } else if (value !== null && typeof value === 'object') {
      for (const [innerTag, inner] of flattenScalars(value, tag)) scalars.set(innerTag, inner);
    }
  }
  return scalars;
}
