import type { Template, VerifierPlugin } from '@prompt-aug/plugin-api';
import type { Benchmark } from '../benchmarks/load-benchmarks.js';
import { secondGraderSummary, type SecondGraderResults } from '../aggregate/second-grader-summary.js';
import type { SampleRecord } from '../samples/sample-record.js';
import type { GraderMode } from './grade-response.js';
import { addSecondOpinion } from './second-opinion.js';

/** Second-grade every sample (timed) and summarise both graders' differences for results.json. */
export function gradeWithBoth(
  benchmarks: readonly Benchmark[],
  samples: readonly SampleRecord[],
  verifier: VerifierPlugin,
  primary: GraderMode,
  k: number,
  template?: Pick<Template, 'id' | 'answerFormat'>,
): { samples: SampleRecord[]; summary: SecondGraderResults | undefined; ms: number } {
  const started = performance.now();
  const records = new Map(benchmarks.map((b) => [b.name, new Map(b.records.map((r) => [r.id, r] as const))] as const));
  const graded = addSecondOpinion(samples, records, verifier, primary, template);
  const summary = secondGraderSummary(benchmarks.map((b) => b.name), graded, k);
  return { samples: graded, summary, ms: performance.now() - started };
}
