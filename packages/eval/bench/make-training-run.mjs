// A synthetic training run folder shaped like pa train's (metrics.jsonl rows as stepMetrics
// writes them, 13 templates, config.json, evals.jsonl every `evalEvery` steps): for the
// report's size test and bench. Values follow smooth trends plus seeded noise, full doubles.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const SYNTHETIC_TEMPLATES = ['abel', 'simplerl', 'qwen-math', 'formal', 'lm_eval_prompt8', 'lm_eval_prompt1', 'lm_eval_prompt4', 'reflective_prompt', 'reflective_prompt-teacher', 'open-r1', 'open-r1-teacher', 'deepseek-r1', 'deepseek-r1-teacher'];

function random(seed) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

export function syntheticRow(step, steps, next) {
  const progress = step / steps;
  const noisy = (base, spread) => base + (next() - 0.5) * spread;
  const perTemplate = (f) => Object.fromEntries(SYNTHETIC_TEMPLATES.filter(() => next() < 0.8).map((t) => [t, f()]));
  const acc = Math.min(1, Math.max(0, noisy(0.2 + 0.5 * progress, 0.2)));
  return {
    step, epoch: Math.floor(step / 128),
    reward: noisy(acc * 2, 0.1), accuracy: Math.round(acc * 128) / 128, formatReward: noisy(0.9, 0.1), entropy: noisy(1.2 - 0.8 * progress, 0.1),
    entropyByTemplate: perTemplate(() => noisy(1.2 - 0.8 * progress, 0.3)),
    rewardByTemplate: perTemplate(() => noisy(acc * 2, 0.5)), accuracyByTemplate: perTemplate(() => Math.round(next() * 8) / 8), formatRewardByTemplate: perTemplate(() => Math.round(next() * 8) / 8),
    responseLength: { mean: noisy(600 + 400 * progress, 80), max: Math.round(noisy(2800, 400)) }, truncatedFraction: Math.round(next() * 20) / 1024,
    promptsTruncated: 0, zeroAdvantageGroupsFraction: Math.round(next() * 128) / 128, trainedRollouts: 1024,
    loss: noisy(0, 0.02), clipFrac: noisy(0.002, 0.002), clipFracLower: noisy(0.001, 0.001), approxKl: noisy(0.0005, 0.0004), gradNorm: noisy(0.3, 0.2),
    updatesSkipped: 0, lr: 1e-6,
    time: { generate: noisy(40, 5), reward: noisy(0.5, 0.1), logprobs: noisy(5, 1), update: noisy(20, 3), step: noisy(66, 8) },
    tokensPerSecond: { generate: noisy(18000, 2000), update: noisy(40000, 5000), step: noisy(11000, 1000) },
    entropyCollapse: 0,
  };
}

/** Write `<dir>/metrics.jsonl` (+ config.json, evals.jsonl) with `steps` rows; returns the metrics file. */
export function writeSyntheticRun(dir, { steps = 4000, seed = 1, evalEvery = 100 } = {}) {
  mkdirSync(dir, { recursive: true });
  const next = random(seed);
  const lines = [];
  for (let step = 1; step <= steps; step++) lines.push(JSON.stringify(syntheticRow(step, steps, next)));
  writeFileSync(join(dir, 'metrics.jsonl'), lines.join('\n') + '\n');
  writeFileSync(join(dir, 'config.json'), JSON.stringify({ seed, plugin: 'templates-diverse', entropyCollapseThreshold: 0.05, optimizer: { lr: 1e-6 } }));
  const evals = [];
  for (let step = evalEvery; step <= steps; step += evalEvery) {
    const bench = Object.fromEntries(['aime24', 'amc', 'math500', 'minerva', 'olympiadbench'].map((b) => [`accuracy/${b}`, next() * 60]));
    evals.push(JSON.stringify({ step, checkpoint: `checkpoints/step-${String(step).padStart(6, '0')}`, perBenchmarkAccuracy: next() * 50, perQuestionAccuracy: next() * 55, ...bench }));
  }
  writeFileSync(join(dir, 'evals.jsonl'), evals.join('\n') + '\n');
  return join(dir, 'metrics.jsonl');
}
