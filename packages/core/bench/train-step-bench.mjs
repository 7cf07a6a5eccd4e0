// pnpm --filter @prompt-aug/core bench: GRPO step time and its split (generate / reward / log-probs /
// update) with tokens/s of rollouts and updates, for the demo's model and a ~20M-parameter one, on
// backend-tfjs, named (pa train's default is backend-ort since; test/bench/train-backends.mjs compares the two). The demo model also runs with the step's two
// speed-ups turned off, as the reference the speed-ups are reported against (same run, same data).
// Writes bench/results/train-step.json.
import { cpus, totalmem, loadavg } from 'node:os';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { atomicWriteFile, atomicWriteJson, CORE_VERSION, loadPlugin } from '../dist/index.js';
import { arithmeticProblems } from '../dist/demo/index.js';
import { DEMO_MODEL_SHAPE, demoTokenizerMerges } from '../dist/demo/prepare-demo.js';
import { writeTinyModel } from '../dist/model/index.js';
import { resolveTrainConfig, train } from '../dist/train/index.js';

const cliRoot = fileURLToPath(new URL('../../../apps/cli', import.meta.url));
const resolve = { cwd: cliRoot, bundledRoots: [cliRoot] };
const templates = (await loadPlugin('templates-diverse', { ...resolve, kind: 'templates' })).plugin.templates;
const problems = arithmeticProblems({ count: 256, seed: 1, maxOperand: 4 });
// The demo's tokenizer: BPE trained on the templates' prompts (~70-token prompts, 36–119 by template).
const merges = demoTokenizerMerges(templates, problems);

// The 20M model runs smaller steps: activations of 8 sequences of ~380 tokens already overflow wasm's 4 GiB heap.
const MODELS = {
  demo: { shape: DEMO_MODEL_SHAPE, prompts: 16, rolloutBatch: 128, micro: 64 },
  '20M': { shape: { hiddenSize: 512, intermediateSize: 1536, numHiddenLayers: 5, numAttentionHeads: 8, numKeyValueHeads: 2, tieWordEmbeddings: false, initStd: 0.05 }, prompts: 4, rolloutBatch: 16, micro: 2 },
};
const SPEEDUPS_OFF = { 'rollout.logprobsFromGeneration': false, miniBatchByLength: false };
const STEPS = 3;

async function measure(name, { shape, prompts, rolloutBatch, micro }, variant, overrides = {}) {
  const dir = mkdtempSync(join(tmpdir(), `pa-bench-${name}-`));
  const model = await writeTinyModel(join(dir, 'model'), { ...shape, merges, seed: 1, maxPositionEmbeddings: 4096 });
  await atomicWriteFile(join(dir, 'data.jsonl'), problems.map((p) => JSON.stringify({ problem: p.problem, answer: p.answers[0] })).join('\n') + '\n');
  const { config } = resolveTrainConfig({ flags: {
    backend: 'backend-tfjs', model: join(dir, 'model'), data: join(dir, 'data.jsonl'), out: join(dir, 'run'), promptsPerStep: prompts, rolloutsPerPrompt: 8,
    miniBatchPrompts: prompts / 2, microBatchSize: micro, maxResponseTokens: 32, maxPromptTokens: 1024, maxSteps: STEPS, saveEvery: 1000, evalEvery: 0,
    'optimizer.lr': 1e-4, 'rollout.batchSize': rolloutBatch, ...overrides,
  } });
  const summary = await train(config, { resolve });
  const parameters = [...model.weights.values()].reduce((n, t) => n + t.data.length, 0);
  // The first step includes warm-up of the engine; report the later ones.
  const later = summary.metrics.slice(1);
  const mean = (f) => later.reduce((s, r) => s + f(r), 0) / later.length;
  return {
    model: name, variant, parameters, device: 'wasm', stepsMeasured: later.length, promptsPerStep: prompts, rolloutsPerPrompt: 8, maxResponseTokens: 32,
    meanResponseTokens: mean((r) => r.responseLength.mean),
    stepSeconds: mean((r) => r.time.step),
    split: { generate: mean((r) => r.time.generate), reward: mean((r) => r.time.reward), logprobs: mean((r) => r.time.logprobs), update: mean((r) => r.time.update) },
    tokensPerSecond: { rollouts: mean((r) => r.tokensPerSecond.generate), updates: mean((r) => r.tokensPerSecond.update) },
  };
}

const started = new Date().toISOString();
const results = [];
const run = async (...args) => {
  results.push(await measure(...args));
  console.log(JSON.stringify(results.at(-1)));
  return results.at(-1);
};
// Same seed and data in all three: the rollouts are identical, only the step's work differs.
const reference = await run('demo', MODELS.demo, 'speed-ups off (re-score old log-probs, sampler-order mini-batches)', SPEEDUPS_OFF);
const fromGeneration = await run('demo', MODELS.demo, 'old log-probs from generation', { miniBatchByLength: false });
const both = await run('demo', MODELS.demo, 'default: old log-probs from generation + mini-batches by prompt length');
await run('20M', MODELS['20M'], 'default');
const speedups = {
  stepTimeReferenceOverFromGeneration: reference.stepSeconds / fromGeneration.stepSeconds,
  stepTimeReferenceOverDefault: reference.stepSeconds / both.stepSeconds,
  updateTimeSamplerOrderOverByLength: fromGeneration.split.update / both.split.update,
};
console.log(JSON.stringify(speedups));
const tfjsVersion = JSON.parse(readFileSync(join(cliRoot, 'node_modules/@prompt-aug/backend-tfjs/package.json'), 'utf8')).version;
await atomicWriteJson(fileURLToPath(new URL('results/train-step.json', import.meta.url)), {
  started, finished: new Date().toISOString(), command: 'pnpm --filter @prompt-aug/core bench',
  machine: { cpus: cpus().length, model: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30), loadavg: loadavg() },
  versions: { node: process.version, core: CORE_VERSION, backendTfjs: tfjsVersion }, speedups, results,
});
console.log('wrote bench/results/train-step.json');
