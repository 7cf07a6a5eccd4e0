// pnpm --filter @prompt-aug/core bench: GRPO step time and its split (generate / reward / log-probs /
// update) with tokens/s of rollouts and updates, for the demo-sized model and a ~20M-parameter one,
// on the training backend found by name (backend-tfjs). Writes bench/results/train-step.json.
import { cpus, totalmem, loadavg } from 'node:os';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { arithmeticProblems, atomicWriteFile, atomicWriteJson, CORE_VERSION, resolveTrainConfig, train, writeTinyModel } from '../dist/index.js';

const cliRoot = fileURLToPath(new URL('../../../apps/cli', import.meta.url));
const resolve = { cwd: cliRoot, bundledRoots: [cliRoot] };
// The 20M model runs smaller steps: activations of 8 sequences of ~380 tokens already overflow wasm's 4 GiB heap.
const MODELS = {
  demo: { shape: { hiddenSize: 64, intermediateSize: 192, numHiddenLayers: 2, numAttentionHeads: 4, numKeyValueHeads: 2, tieWordEmbeddings: true }, prompts: 16, rolloutBatch: 128, micro: 32 },
  '20M': { shape: { hiddenSize: 512, intermediateSize: 1536, numHiddenLayers: 5, numAttentionHeads: 8, numKeyValueHeads: 2, tieWordEmbeddings: false }, prompts: 4, rolloutBatch: 16, micro: 2 },
};
const STEPS = 3;

async function measure(name, { shape, prompts, rolloutBatch, micro }) {
  const dir = mkdtempSync(join(tmpdir(), `pa-bench-${name}-`));
  const model = await writeTinyModel(join(dir, 'model'), { ...shape, seed: 1, initStd: 0.05, maxPositionEmbeddings: 4096 });
  const rows = arithmeticProblems({ count: 256, seed: 1, maxOperand: 4 }).map((p) => JSON.stringify({ problem: p.problem, answer: p.answers[0] }));
  await atomicWriteFile(join(dir, 'data.jsonl'), rows.join('\n') + '\n');
  const { config } = resolveTrainConfig({ flags: {
    model: join(dir, 'model'), data: join(dir, 'data.jsonl'), out: join(dir, 'run'), promptsPerStep: prompts, rolloutsPerPrompt: 8,
    miniBatchPrompts: prompts / 2, microBatchSize: micro, maxResponseTokens: 32, maxPromptTokens: 1024, maxSteps: STEPS, saveEvery: 1000, evalEvery: 0,
    'optimizer.lr': 1e-4, 'rollout.batchSize': rolloutBatch,
  } });
  const summary = await train(config, { resolve });
  const parameters = [...model.weights.values()].reduce((n, t) => n + t.data.length, 0);
  // The first step includes warm-up of the engine; report the later ones.
  const later = summary.metrics.slice(1);
  const mean = (f) => later.reduce((s, r) => s + f(r), 0) / later.length;
  return {
    model: name, parameters, device: 'wasm', stepsMeasured: later.length, promptsPerStep: prompts, rolloutsPerPrompt: 8, maxResponseTokens: 32,
    stepSeconds: mean((r) => r.time.step),
    split: { generate: mean((r) => r.time.generate), reward: mean((r) => r.time.reward), logprobs: mean((r) => r.time.logprobs), update: mean((r) => r.time.update) },
    tokensPerSecond: { rollouts: mean((r) => r.tokensPerSecond.generate), updates: mean((r) => r.tokensPerSecond.update) },
  };
}

const started = new Date().toISOString();
const results = [];
for (const [name, setup] of Object.entries(MODELS)) {
  results.push(await measure(name, setup));
  console.log(JSON.stringify(results.at(-1)));
}
const tfjsVersion = JSON.parse(readFileSync(join(cliRoot, 'node_modules/@prompt-aug/backend-tfjs/package.json'), 'utf8')).version;
await atomicWriteJson(fileURLToPath(new URL('results/train-step.json', import.meta.url)), {
  started, finished: new Date().toISOString(), command: 'pnpm --filter @prompt-aug/core bench',
  machine: { cpus: cpus().length, model: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30), loadavg: loadavg() },
  versions: { node: process.version, core: CORE_VERSION, backendTfjs: tfjsVersion }, results,
});
console.log('wrote bench/results/train-step.json');
