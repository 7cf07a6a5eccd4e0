import { readFile } from 'node:fs/promises';
import { atomicWriteJson, UserError } from '@prompt-aug/core';
import type { EvalConfig } from '../results/eval-results.js';

export const RUN_CONFIG_FILE = 'eval-config.json';

/**
 * Settings that change what a sample is; resuming with different ones would mix two
 * evaluations in one samples.jsonl. Runs, samples, limit and benchmarks may grow on resume
 * (only the missing samples are generated).
 */
const MUST_MATCH = ['model', 'template', 'grader', 'dataDir'] as const;
const GENERATION_MUST_MATCH = ['maxNewTokens', 'temperature', 'topP', 'topK', 'seed', 'stopStrings'] as const;

/** Refuse to resume into a folder whose recorded config differs; record the config for next time. */
export async function checkAndRecordRunConfig(path: string, config: EvalConfig, resume: boolean): Promise<void> {
  if (resume) {
    const previous = await readFile(path, 'utf8').then((t) => JSON.parse(t) as EvalConfig, () => undefined);
    if (previous) {
      const diffs: string[] = [];
      for (const key of MUST_MATCH) if (JSON.stringify(previous[key]) !== JSON.stringify(config[key])) diffs.push(`${key} ${JSON.stringify(previous[key])} → ${JSON.stringify(config[key])}`);
      for (const key of GENERATION_MUST_MATCH) {
        const before = previous.generation?.[key];
        const now = config.generation?.[key];
        if (JSON.stringify(before) !== JSON.stringify(now)) diffs.push(`${key} ${JSON.stringify(before)} → ${JSON.stringify(now)}`);
      }
      if (diffs.length > 0) {
        throw new UserError(
          `Cannot --resume the evaluation in ${path.replace(/[/\\][^/\\]+$/, '')}: it was started with different settings (${diffs.join('; ')}). ` +
            'Resume with the original settings, or evaluate into a new --out folder.',
          'PA_EVAL_RESUME_MISMATCH',
        );
      }
    }
  }
  await atomicWriteJson(path, config);
}
