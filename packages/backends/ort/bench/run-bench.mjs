#!/usr/bin/env node
// Speed of backend-ort on a random-weight model with Qwen2.5-0.5B's shape (float32):
// prefill and decode tokens/s at several batch sizes, the machine's memory-read bandwidth
// measured in the same run, the batch-1 decode roofline, the matmul peak (which caps batched
// decode: the compute bound), and the cost of updateWeights.
// As a side-by-side reference, the standard graph also runs through transformers.js's
// generate() (same onnxruntime-node) at --tjs-batches, timed the same way, with its prefill
// logits and greedy tokens checked against ours (results.json `transformersJs`; see
// transformers-js.mjs).
//
//   pnpm --filter @prompt-aug/backend-ort bench [-- --batches 1,8,32,64 --prompt 64 --new 16
//     --flavours standard,fused --threads N --repeats 2 --out bench/results.json --small
//     --tjs-batches 1,8,32 (empty: skip transformers.js)]
// (run `pnpm build` first; the bench imports dist/). --small uses a tiny shape for a smoke run.
import { cpus, totalmem, platform, arch, release, tmpdir, loadavg } from 'node:os';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, dirname, isAbsolute, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT_FOR_COMMAND = fileURLToPath(new URL('../../../..', import.meta.url));
import { parseArgs } from 'node:util';
import backend from '../dist/index.js';
import { openDecoder } from '../dist/load/open-decoder.js';
import { generateTokens } from '../dist/policy/generate.js';
import { bestOfTwoPasses } from './best-of.mjs';
import { measureBandwidth, measureMatmulPeak } from './memory-bandwidth.mjs';
import { QWEN25_05B, writeRandomCheckpoint } from './random-checkpoint.mjs';
import { benchTransformersJs } from './transformers-js.mjs';

const here = dirname(fileURLToPath(import.meta.url));
// pnpm 12 hands a leading `--` to the script (npm strips it); parseArgs would reject it.
const argv = process.argv.slice(2);
const { values: args } = parseArgs({
  args: argv[0] === '--' ? argv.slice(1) : argv,
  options: {
    batches: { type: 'string', default: '1,8,32,64' },
    prompt: { type: 'string', default: '64' },
    new: { type: 'string', default: '16' },
    flavours: { type: 'string', default: 'standard,fused' },
    threads: { type: 'string' },
    out: { type: 'string', default: join(here, 'results.json') },
    small: { type: 'boolean', default: false },
    repeats: { type: 'string', default: '2' },
    'tjs-batches': { type: 'string', default: '1,8,32' },
  },
});
const batches = args.batches.split(',').map(Number);
const tjsBatches = args['tjs-batches'].split(',').filter(Boolean).map(Number).filter((b) => batches.includes(b));
const promptLength = Number(args.prompt);
const newTokens = Number(args.new);
const threads = args.threads ? Number(args.threads) : undefined;
const repeats = Number(args.repeats);
const config = args.small
  ? { ...QWEN25_05B, vocabSize: 4096, hiddenSize: 128, intermediateSize: 512, numHiddenLayers: 2, numAttentionHeads: 4, numKeyValueHeads: 2, headDim: 32 }
  : QWEN25_05B;

const log = (...m) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}]`, ...m);
const require = createRequire(import.meta.url);
const versionOf = (name) => require(`${name}/package.json`).version;
const numParameters = (c) => {
  const attn = c.hiddenSize * c.headDim * (c.numAttentionHeads * 2 + c.numKeyValueHeads * 2) + c.headDim * (c.numAttentionHeads + 2 * c.numKeyValueHeads);
  const layer = attn + 3 * c.hiddenSize * c.intermediateSize + 2 * c.hiddenSize;
  return c.numHiddenLayers * layer + c.vocabSize * c.hiddenSize * (c.tieWordEmbeddings ? 1 : 2) + c.hiddenSize;
};

function promptBatch(batch) {
  const ids = Array.from({ length: batch }, (_, b) => Array.from({ length: promptLength }, (_, t) => (b * 7919 + t * 104729) % config.vocabSize));
  return { inputIds: ids, attentionMask: ids.map((row) => row.map(() => 1)) };
}

async function timed(fn) {
  const start = performance.now();
  await fn();
  return (performance.now() - start) / 1000;
}

/**
 * One generate run (greedy, argmax sampling in JS included) with the decoder's step() timed:
 * prefill = the first step; a decode step = the median step plus the mean JS time between
 * steps. Medians inside one run keep bursts from other processes on a shared machine out.
 */
async function timedGenerate(decoder, batch) {
  const steps = [];
  const instrumented = Object.create(decoder);
  instrumented.step = async (...a) => {
    const start = performance.now();
    const out = await decoder.step(...a);
    steps.push((performance.now() - start) / 1000);
    return out;
  };
  let out;
  const total = await timed(async () => (out = await generateTokens({ decoder: instrumented, padId: 0, eosTokenIds: [], tokenizer: null }, { ...promptBatch(batch), maxNewTokens: newTokens, eosTokenIds: [] })));
  const decodeSteps = steps.slice(1);
  const between = (total - steps.reduce((a, b) => a + b, 0)) / decodeSteps.length;
  const median = decodeSteps.slice().sort((a, b) => a - b)[Math.floor(decodeSteps.length / 2)];
  return { prefill: steps[0], decode: (median + between) * decodeSteps.length, tokens: out.tokens };
}

/** The transformers.js reference on the standard graph (set by benchFlavour). */
let transformersJs = null;

async function benchFlavour(flavour) {
  const dir = mkdtempSync(join(tmpdir(), `pa-ort-bench-${flavour}-`));
  log(`${flavour}: writing random checkpoint + graph to ${dir}`);
  let weights;
  const buildSeconds = await timed(async () => (weights = await writeRandomCheckpoint(dir, config, { fused: flavour === 'fused' })));
  let policy;
  const loadSeconds = await timed(async () => (policy = await backend.load({ modelDir: dir, intraOpNumThreads: threads })));
  const map = new Map([...weights].map(([name, t]) => [name, t.data]));
  weights = null;
  const updateSeconds = await timed(() => policy.updateWeights(map));
  log(`${flavour}: build ${buildSeconds.toFixed(1)} s, load ${loadSeconds.toFixed(1)} s, updateWeights(Map) ${updateSeconds.toFixed(1)} s`);
  await policy.dispose();
  map.clear();
  const decoder = await openDecoder(join(dir, 'onnx', 'model.onnx'), { device: 'cpu', intraOpNumThreads: threads });
  await timedGenerate(decoder, 1); // warm-up
  const rows = [];
  const tokens = new Map(); // greedy tokens per batch, to compare with transformers.js
  const best = await bestOfTwoPasses(batches, repeats, (batch) => timedGenerate(decoder, batch));
  for (const batch of batches) {
    const { prefill, decode, tokens: greedy } = best.get(batch);
    tokens.set(batch, greedy);
    const row = {
      batch,
      prefillSeconds: prefill,
      prefillTokensPerSecond: (batch * promptLength) / prefill,
      decodeSeconds: decode,
      decodeTokensPerSecond: (batch * (newTokens - 1)) / decode,
    };
    log(`${flavour} batch ${batch}: prefill ${row.prefillTokensPerSecond.toFixed(1)} tok/s, decode ${row.decodeTokensPerSecond.toFixed(2)} tok/s`);
    rows.push(row);
  }
  // A random tied model's greedy tokens mostly repeat the last prompt token, so transformers.js is
  // also checked on raw numbers: our prefill logits of a 2-row batch, compared with its own.
  const probe = { prompt: promptBatch(2) };
  const positionIds = probe.prompt.inputIds.map((row) => row.map((_, t) => t));
  probe.logits = (await decoder.step({ ...probe.prompt, positionIds, keep: 1 }, decoder.newCache(2, promptLength))).data.slice();
  await decoder.dispose();
  // The reference runs after ours, with our session released, so both never share the RAM.
  if (flavour === 'standard' && tjsBatches.length > 0) {
    log(`standard: the same graph through transformers.js, batches ${tjsBatches.join(', ')}`);
    transformersJs = await benchTransformersJs({
      modelDir: dir, batches: tjsBatches, promptBatch, newTokens, repeats, threads, ourTokens: tokens, ourProbe: probe,
      ourRows: new Map(rows.map((r) => [r.batch, r])), log,
    });
  }
  rmSync(dir, { recursive: true, force: true });
  return { flavour, buildSeconds, loadSeconds, updateWeightsSeconds: updateSeconds, results: rows };
}

log('measuring memory bandwidth');
const bandwidthAtStart = await measureBandwidth({ intraOpNumThreads: threads, repeats: 8 });
log(`bandwidth: ORT ReduceSum ${bandwidthAtStart.ortReduceSumGBps.toFixed(1)} GB/s, ORT GEMV ${bandwidthAtStart.ortPrepackedGemvGBps.toFixed(1)} GB/s, JS 1 thread ${bandwidthAtStart.jsSingleThreadGBps.toFixed(1)} GB/s`);
const flavours = [];
const bandwidthLater = [];
for (const flavour of args.flavours.split(',')) {
  flavours.push(await benchFlavour(flavour));
  // Measured again after each flavour: on a shared machine the least disturbed run is the best estimate.
  bandwidthLater.push(await measureBandwidth({ intraOpNumThreads: threads, repeats: 8 }));
}
const matmulPeak = await measureMatmulPeak({ intraOpNumThreads: threads, repeats: 8 });
log(`matmul peak: ${matmulPeak.gflops.toFixed(1)} GFLOP/s`);
const samples = [bandwidthAtStart, ...bandwidthLater];
const bandwidth = { samples, usedGBps: Math.max(...samples.map((b) => b.usedGBps)) };
log(`bandwidth used for the roofline: ${bandwidth.usedGBps.toFixed(1)} GB/s`);

// Batch-1 decode reads every weight once per token (the tied head reads the embedding table;
// the embedding lookup itself reads one row) plus the KV cache of the context so far.
const params = numParameters(config);
const meanContext = promptLength + newTokens / 2;
const kvBytesPerToken = 2 * config.numHiddenLayers * config.numKeyValueHeads * config.headDim * 4 * meanContext;
const bytesPerToken = params * 4 + kvBytesPerToken;
const rooflineTokensPerSecond = (bandwidth.usedGBps * 1e9) / bytesPerToken;
const computeBoundTokensPerSecond = (matmulPeak.gflops * 1e9) / (2 * params);
for (const f of flavours) {
  const one = f.results.find((r) => r.batch === 1);
  const b32 = f.results.find((r) => r.batch === 32);
  f.batch1DecodeFractionOfRoofline = one ? one.decodeTokensPerSecond / rooflineTokensPerSecond : null;
  f.batch32OverBatch1DecodeThroughput = one && b32 ? b32.decodeTokensPerSecond / one.decodeTokensPerSecond : null;
  // Batched decode is compute-bound: 2 flops per weight per token at best the matmul peak. So
  // batch 32 can be at most min(32, computeBound / batch-1 measured) times batch 1 here.
  f.batch32FractionOfComputeBound = b32 ? b32.decodeTokensPerSecond / computeBoundTokensPerSecond : null;
  f.largestPossibleBatch32OverBatch1 = one ? Math.min(32, computeBoundTokensPerSecond / one.decodeTokensPerSecond) : null;
}
const report = {
  what: 'backend-ort speed on a random-weight model (float32)',
  model: args.small ? 'small smoke-test shape' : 'Qwen2.5-0.5B shape',
  config: { ...config, numParameters: params },
  settings: { promptLength, newTokens, batches, repeats, intraOpNumThreads: threads ?? 'ORT default', loadAverageAtEnd: loadavg() },
  bandwidth,
  roofline: { bytesPerToken, weightBytes: params * 4, kvBytesPerToken, meanContext, batch1DecodeTokensPerSecond: rooflineTokensPerSecond },
  computeBound: { matmulPeak, flopsPerToken: 2 * params, decodeTokensPerSecond: computeBoundTokensPerSecond },
  flavours,
  transformersJs,
  machine: { cpu: cpus()[0]?.model, logicalCores: cpus().length, totalMemoryGiB: totalmem() / 2 ** 30, platform: platform(), arch: arch(), kernel: release() },
  versions: { node: process.version, 'onnxruntime-node': versionOf('onnxruntime-node'), '@prompt-aug/backend-ort': JSON.parse(readFileSync(join(here, '..', 'package.json'), 'utf8')).version },
  // Relative to the repo root: a results file never names a path of the machine it ran on.
  command: process.argv.slice(1).map((arg) => (isAbsolute(arg) ? relative(REPO_ROOT_FOR_COMMAND, arg) : arg)).join(' '),
  date: new Date().toISOString(),
};
writeFileSync(args.out, JSON.stringify(report, null, 2) + '\n');
log(`wrote ${args.out}`);
console.log(JSON.stringify({
  roofline: report.roofline.batch1DecodeTokensPerSecond,
  computeBoundTokensPerSecond,
  flavours: flavours.map((f) => ({ flavour: f.flavour, fraction: f.batch1DecodeFractionOfRoofline, scale32: f.batch32OverBatch1DecodeThroughput, b32OfComputeBound: f.batch32FractionOfComputeBound, largestPossibleScale32: f.largestPossibleBatch32OverBatch1 })),
  transformersJs: transformersJs && { loaded: transformersJs.loaded, reason: transformersJs.reason, greedyTokensMatch: transformersJs.greedyTokensMatch, prefillLogits: transformersJs.prefillLogits, ratioOursOverTheirs: transformersJs.ratioOursOverTheirs },
}));
