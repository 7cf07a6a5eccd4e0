import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { arithmeticProblems } from '@prompt-aug/core/demo';
import { writeTinyModel } from '@prompt-aug/core/model';
import { tempDir } from './run-pa.js';

/** A tiny random Qwen2 model and a small arithmetic dataset, written for one test. */
export async function tinyTrainingSetup(): Promise<{ model: string; data: string; root: string }> {
  const root = tempDir('pa-train-');
  const model = join(root, 'model');
  await writeTinyModel(model, { hiddenSize: 32, intermediateSize: 64, numHiddenLayers: 1, numAttentionHeads: 2, numKeyValueHeads: 1, seed: 3, maxPositionEmbeddings: 4096 });
  const data = join(root, 'data.jsonl');
  const rows = arithmeticProblems({ count: 64, seed: 5, maxOperand: 4 }).map((p) => JSON.stringify({ problem: p.problem, answer: p.answers[0] }));
  writeFileSync(data, rows.join('\n') + '\n');
  return { model, data, root };
}

/** Flags of a small, fast run of the full recipe (diverse templates, format reward, clip-higher…); `overrides` replace defaults. */
export function smallRunFlags(setup: { model: string; data: string }, out: string, overrides: Record<string, string> = {}): string[] {
  const flags: Record<string, string> = {
    model: setup.model, data: setup.data, out,
    'prompts-per-step': '4', 'rollouts-per-prompt': '4', 'mini-batch-prompts': '2', 'micro-batch-size': '8',
    'max-response-tokens': '6', 'max-prompt-tokens': '512', lr: '1e-3', 'save-every': '2', 'eval-every': '0',
    ...overrides,
  };
  return ['train', ...Object.entries(flags).flatMap(([name, value]) => [`--${name}`, value])];
}

/** The numbers of a metrics row that must replay exactly (not wall-clock times or rates). */
export function trainingNumbers(row: Record<string, unknown>): Record<string, unknown> {
  const { time: _time, tokensPerSecond: _rate, ...rest } = row;
  return rest;
}
