/**
 * The shape of one training step's metrics: numbers, possibly grouped one level or more deep
 * (`rewardByTemplate: { 'open-r1': 0.5 }`). `null` is what a non-finite number becomes in JSON
 * (JSON has no NaN or Infinity); the key stays, so a diverged loss is visible, not missing.
 */
export type MetricValue = number | null | MetricGroup;

export interface MetricGroup {
  [name: string]: MetricValue;
}

/** One line of metrics.jsonl. */
export interface MetricsRow extends MetricGroup {
  step: number;
}

/** Throws when `value` is not a number, null or a group of those (a bug in the caller). */
export function assertMetricValue(value: unknown, path: string): asserts value is MetricValue {
  if (value === null || typeof value === 'number') return;
  if (typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, inner] of Object.entries(value)) assertMetricValue(inner, `${path}.${key}`);
    return;
  }
  throw new TypeError(`metric "${path}" must be a number or a group of numbers, got ${JSON.stringify(value)}`);
}

export function isValidStep(step: unknown): step is number {
  return typeof step === 'number' && Number.isSafeInteger(step) && step >= 0;
}
