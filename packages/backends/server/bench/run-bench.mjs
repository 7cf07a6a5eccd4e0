#!/usr/bin/env node
// backend-server bench: rollout tokens/s through 1 and 2 `pa serve` processes against the
// in-process ORT engine on the same model (ratios measured in the same run), and the cost of one
// weight sync (write the HF folder, the f32→bf16 conversion a bf16 sync would add, the server's
// reload) for a ~19M-parameter shape and the Qwen2.5-0.5B shape (random weights).
//
//   pnpm --filter @prompt-aug/backend-server bench [-- --groups 16 --n 8 --new 32 --skip-05b --out bench/results.json]
// (run `pnpm build` first: it imports dist/ and runs the built `pa`). Servers listen on 127.0.0.1 only.
import { cpus, totalmem, platform, arch, release, tmpdir, loadavg } from 'node:os';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import ortBackend from '@prompt-aug/backend-ort';
import { atomicWriteJson, f32ToBf16, tinyTokenizerConfig } from '@prompt-aug/core';
import { tinyTokenizerJson } from '@prompt-aug/core/model';
import { modelConfigToJson, modelWeightShapes, tinyModelConfig, writeModelWeights, writeTinyModel } from '@prompt-aug/core/model';
import serverBackend from '../dist/index.js';
import { startServe } from './pa-serve-process.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const argv = process.argv.slice(2);
const { values: args } = parseArgs({
  args: argv[0] === '--' ? argv.slice(1) : argv,
  options: {
    groups: { type: 'string', default: '16' },
    n: { type: 'string', default: '8' },
    new: { type: 'string', default: '32' },
    'skip-05b': { type: 'boolean', default: false },
    out: { type: 'string', default: join(here, 'results.json') },
  },
});
const groups = Number(args.groups);
const n = Number(args.n);
const newTokens = Number(args.new);
const log = (...m) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}]`, ...m);
const require = createRequire(import.meta.url);
const seconds = async (fn) => {
  const t = performance.now();
  const value = await fn();
  return { value, seconds: (performance.now() - t) / 1000 };
};

const SHAPE_19M = { hiddenSize: 512, intermediateSize: 1536, numHiddenLayers: 6, numAttentionHeads: 8, numKeyValueHeads: 2, tieWordEmbeddings: false, maxPositionEmbeddings: 4096 };
const QWEN25_05B = { architecture: 'qwen2', vocabSize: 151936, hiddenSize: 896, intermediateSize: 4864, numHiddenLayers: 24, numAttentionHeads: 14, numKeyValueHeads: 2, headDim: 64, maxPositionEmbeddings: 32768, rmsNormEps: 1e-6, ropeTheta: 1000000, tieWordEmbeddings: true, attentionBias: true };
const parameters = (config) => [...modelWeightShapes(config).values()].reduce((a, s) => a + s.reduce((x, y) => x * y, 1), 0);

/** The batches the trainer would hand the engine: `groups` prompts × n adjacent rows, 64 rows per call. */
function rolloutBatches(vocab) {
  const rows = [];
  for (let g = 0; g < groups; g++) {
    const prompt = Array.from({ length: 24 + (g % 4) * 8 }, (_, k) => 3 + ((g * 31 + k * 7) % (vocab - 10)));
    for (let k = 0; k < n; k++) rows.push(prompt);
  }
  const batches = [];
  for (let i = 0; i < rows.length; i += 64) {
    const part = rows.slice(i, i + 64);
    const width = Math.max(...part.map((r) => r.length));
    batches.push({ inputIds: part.map((r) => [...new Array(width - r.length).fill(0), ...r]), attentionMask: part.map((r) => [...new Array(width - r.length).fill(0), ...r.map(() => 1)]), seed: i });
  }
  return batches;
}

async function rolloutTokensPerSecond(policy, batches) {
  const run = async () => {
    let tokens = 0;
    for (const b of batches) {
      const out = await policy.generate({ ...b, maxNewTokens: newTokens, temperature: 1, eosTokenIds: policy.info.eosTokenIds, returnLogprobs: true });
      tokens += out.lengths.reduce((a, x) => a + x, 0);
    }
    return tokens;
  };
  await policy.generate({ ...batches[0], maxNewTokens: 2, temperature: 1 }); // warm-up
  const { value: tokens, seconds: s } = await seconds(run);
  return { tokens, seconds: s, tokensPerSecond: tokens / s };
}

const root = mkdtempSync(join(tmpdir(), 'pa-server-bench-'));
const servers = [];
try {
  // ---- rollout throughput: in-process ORT vs 1 and 2 pa serve processes
  const model = await writeTinyModel(join(root, 'm19'), { ...SHAPE_19M, seed: 1 });
  const batches = rolloutBatches(model.vocabSize);
  log(`model: ${(parameters(model.config) / 1e6).toFixed(1)}M parameters; ${groups} groups × n ${n}, ${newTokens} new tokens`);
  const local = await ortBackend.load({ modelDir: model.dir });
  const inProcess = await rolloutTokensPerSecond(local, batches);
  await local.dispose();
  log(`in-process ORT: ${inProcess.tokensPerSecond.toFixed(0)} tok/s`);
  const rollouts = { inProcess };
  for (const count of [1, 2]) {
    while (servers.length < count) servers.push(await startServe(model.dir));
    const policy = await serverBackend.load({ modelDir: model.dir, servers: servers.slice(0, count).map((s) => s.root), onNotice: () => undefined });
    rollouts[`paServe${count}`] = await rolloutTokensPerSecond(policy, batches);
    await policy.dispose();
    log(`${count} pa serve: ${rollouts[`paServe${count}`].tokensPerSecond.toFixed(0)} tok/s`);
  }
  for (const s of servers.splice(0)) s.stop();

  // ---- weight sync: write, convert, reload
  const sync = [];
  for (const [name, shape] of [['~19M (hidden 512, 6 layers)', SHAPE_19M], ...(args['skip-05b'] ? [] : [['Qwen2.5-0.5B', QWEN25_05B]])]) {
    const config = { ...tinyModelConfig(shape), ...(shape.vocabSize ? { vocabSize: shape.vocabSize } : {}) };
    const start = join(root, `shape-${sync.length}-start`);
    await writeModelFolder(start, config, 1);
    const weights = fastRandomWeights(config, 2);
    const serve = await startServe(start);
    servers.push(serve);
    const dir = join(root, `shape-${sync.length}-sync`, 'step-000001');
    const write = await seconds(() => writeModelFolder(dir, config, weights));
    const convert = await seconds(async () => {
      for (const { data } of weights.values()) f32ToBf16(data);
    });
    const reload = await seconds(async () => {
      const r = await fetch(`${serve.root}/update_weights_from_disk`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ model_path: dir, weight_version: 'step-000001' }) });
      const body = await r.json();
      if (!body.success) throw new Error(body.message);
    });
    serve.stop();
    servers.splice(servers.indexOf(serve), 1);
    const row = { shape: name, parameters: parameters(config), writeSeconds: write.seconds, convertF32ToBf16Seconds: convert.seconds, reloadSeconds: reload.seconds, totalSeconds: write.seconds + reload.seconds };
    log(`${name}: write ${row.writeSeconds.toFixed(2)} s, convert ${row.convertF32ToBf16Seconds.toFixed(2)} s, reload ${row.reloadSeconds.toFixed(2)} s`);
    sync.push(row);
    rmSync(join(root, `shape-${sync.length - 1}-sync`), { recursive: true, force: true });
    rmSync(start, { recursive: true, force: true });
  }

  const results = {
    bench: '@prompt-aug/backend-server',
    command: `pnpm --filter @prompt-aug/backend-server bench -- ${argv.filter((a) => a !== '--').join(' ')}`.trim(),
    date: new Date().toISOString(),
    machine: { platform: platform(), arch: arch(), release: release(), cpus: cpus().length, cpu: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30), loadavg: loadavg() },
    versions: { node: process.version, 'onnxruntime-node': createRequire(require.resolve('@prompt-aug/backend-ort'))('onnxruntime-node/package.json').version, '@prompt-aug/backend-server': require('../package.json').version },
    rollouts: {
      model: `${(parameters(model.config) / 1e6).toFixed(1)}M parameters (hidden 512, 6 layers), float32, ORT CPU`,
      workload: { groups, rolloutsPerGroup: n, maxNewTokens: newTokens, rowsPerGenerateCall: 64, temperature: 1 },
      ...rollouts,
      ratios: { paServe1VsInProcess: rollouts.paServe1.tokensPerSecond / inProcess.tokensPerSecond, paServe2VsInProcess: rollouts.paServe2.tokensPerSecond / inProcess.tokensPerSecond, paServe2VsPaServe1: rollouts.paServe2.tokensPerSecond / rollouts.paServe1.tokensPerSecond },
    },
    weightSync: sync,
    notes: 'All processes share this machine\'s CPU cores: two pa serve processes compete with each other for them, so the 2-server figure shows the overhead of the pool, not a speed-up; on separate GPUs the servers add up.',
  };
  writeFileSync(args.out, JSON.stringify(results, null, 2) + '\n');
  log(`wrote ${args.out}`);
} finally {
  for (const s of servers) s.stop();
  rmSync(root, { recursive: true, force: true });
}

/** A model folder pa serve loads: config, the tiny tokenizer (its ids fit any vocabulary), float32 weights. */
async function writeModelFolder(dir, config, weightsOrSeed) {
  const weights = typeof weightsOrSeed === 'number' ? fastRandomWeights(config, weightsOrSeed) : weightsOrSeed;
  await atomicWriteJson(join(dir, 'config.json'), modelConfigToJson(config));
  await atomicWriteJson(join(dir, 'tokenizer.json'), tinyTokenizerJson());
  await atomicWriteJson(join(dir, 'tokenizer_config.json'), tinyTokenizerConfig());
  await writeModelWeights(dir, weights, { dtype: 'F32' });
}

/** Uniform weights with std 0.02 (xorshift: fast enough for 500M values); norms 1. */
function fastRandomWeights(config, seed) {
  let state = seed >>> 0 || 1;
  const half = 0.02 * Math.sqrt(3);
  const weights = new Map();
  for (const [name, shape] of modelWeightShapes(config)) {
    const data = new Float32Array(shape.reduce((a, b) => a * b, 1));
    if (name.endsWith('norm.weight')) data.fill(1);
    else for (let i = 0; i < data.length; i++) {
      state ^= state << 13; state ^= state >>> 17; state ^= state << 5;
      data[i] = (((state >>> 0) / 4294967296) * 2 - 1) * half;
    }
    weights.set(name, { shape, data });
  }
  return weights;
}
