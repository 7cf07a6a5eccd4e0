/**
 * Pure helpers that turn one training step's raw numbers into the metrics the trainer logs.
 * Empty inputs give NaN (there is no mean of nothing); MetricsLog writes that as null and
 * TensorBoardWriter skips it, so an empty step shows as a gap rather than a fake zero.
 */
import type { FinishReason } from '@prompt-aug/plugin-api';

export interface ResponseLengthSummary {
  meanLength: number;
  maxLength: number;
  /** Fraction of responses cut off by the token limit (finish reason "length"). */
  truncatedFraction: number;
}

/** Takes the `lengths` and `finishReasons` of a GenerateOutput (or several, concatenated). */
export function summarizeResponseLengths(responses: {
  lengths: readonly number[];
  finishReasons: readonly FinishReason[];
}): ResponseLengthSummary {
  const { lengths, finishReasons } = responses;
  if (lengths.length !== finishReasons.length) {
    throw new RangeError(`summarizeResponseLengths: ${lengths.length} lengths but ${finishReasons.length} finish reasons`);
  }
  const truncated = finishReasons.filter((reason) => reason === 'length').length;
  return {
    meanLength: mean(lengths),
    maxLength: lengths.length === 0 ? Number.NaN : Math.max(...lengths),
    truncatedFraction: finishReasons.length === 0 ? Number.NaN : truncated / finishReasons.length,
  };
}

export interface TemplateSample {
  templateId: string;
  value: number;
}

/** Mean value per template id (e.g. reward by template), keys in first-seen order. */
export function meanByTemplate(samples: readonly TemplateSample[]): Record<string, number> {
  const sums = new Map<string, { sum: number; count: number }>();
  for (const { templateId, value } of samples) {
    const entry = sums.get(templateId) ?? { sum: 0, count: 0 };
    entry.sum += value;
    entry.count += 1;
    sums.set(templateId, entry);
  }
  const means: Record<string, number> = {};
  for (const [templateId, { sum, count }] of sums) means[templateId] = sum / count;
  return means;
}

/** Throughput; NaN when no time was measured (a rate over zero seconds means nothing). */
export function tokensPerSecond(tokens: number, seconds: number): number {
  return seconds > 0 ? tokens / seconds : Number.NaN;
}

export function mean(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  let sum = 0;
  for (const value of values) sum += value;
  return sum / values.length;
}
