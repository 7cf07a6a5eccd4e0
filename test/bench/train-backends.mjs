#!/usr/bin/env node
/**
 * Training speed of backend-ort against backend-tfjs in the same run: one GRPO train step
 * (forward + backward + AdamW) on random-weight Qwen2-shaped checkpoints — the demo's shape and
 * the 19M shape of backend-tfjs' bench (5 layers, d 512, vocab 8192, 2 × (64 + 192) tokens) —
 * as tokens/s, seconds per step, peak RSS (each backend and shape in its own child process, so
 * VmHWM is that run's alone) and the fraction of each engine's matmul peak measured in this
 * run; ORT also with layer checkpointing (its FLOPs are counted without the recomputation).
 * `--qwen` adds a Qwen2.5-0.5B-shaped GRPO step on ORT, micro-batch 1, layers checkpointed
 * (tfjs' wasm heap cannot hold it).
 *
 *   pnpm build && node test/bench/train-backends.mjs [--repeats 3] [--qwen] [--out test/bench/train-results.json]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { arch, cpus, loadavg, platform, release, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { atomicWriteJson } from '@prompt-aug/core';
import { modelConfigToJson, randomModelWeights, tinyModelConfig, writeModelWeights } from '@prompt-aug/core/model';

const here = dirname(fileURLToPath(import.meta.url));
// The engines are the backends' dependencies, not this workspace's: resolve them from there.
const requireFrom = (pkg) => createRequire(createRequire(import.meta.url).resolve(pkg));
const ortRequire = requireFrom('@prompt-aug/backend-ort');
const tfjsRequire = requireFrom('@prompt-aug/backend-tfjs');
const argv = process.argv.slice(2);
const { values: args } = parseArgs({
  args: argv[0] === '--' ? argv.slice(1) : argv,
  options: {
    child: { type: 'string' },
    repeats: { type: 'string', default: '3' },
    qwen: { type: 'boolean', default: false },
    shapes: { type: 'string', default: 'demo,19M' },
    out: { type: 'string', default: join(here, 'train-results.json') },
  },
});
const log = (...m) => console.error(`[train-bench ${new Date().toISOString().slice(11, 19)}]`, ...m);

const SHAPES = {
  demo: { model: { architecture: 'qwen2', hiddenSize: 64, intermediateSize: 192, numHiddenLayers: 2, numAttentionHeads: 4, numKeyValueHeads: 2, tieWordEmbeddings: true, vocabSize: 640 }, batch: [64, 48, 32], micro: 64 },
  '19M': { model: { architecture: 'qwen2', hiddenSize: 512, intermediateSize: 1536, numHiddenLayers: 5, numAttentionHeads: 8, numKeyValueHeads: 2, tieWordEmbeddings: true, vocabSize: 8192 }, batch: [2, 64, 192], micro: 2 },
  'qwen2.5-0.5b': {
    model: { architecture: 'qwen2', hiddenSize: 896, intermediateSize: 4864, numHiddenLayers: 24, numAttentionHeads: 14, numKeyValueHeads: 2, tieWordEmbeddings: true, vocabSize: 151936, ropeTheta: 1000000, rmsNormEps: 1e-6 },
    batch: [2, 64, 64],
    micro: 1,
    ortOnly: true,
    checkpointedOnly: true,
  },
};

/** Matmul FLOPs of one train step ≈ 3 × forward (2 FLOPs per multiply-add; attention over the full T×T). */
function trainFlops(c, B, P, R) {
  const q = c.numAttentionHeads * c.headDim;
  const kv = c.numKeyValueHeads * c.headDim;
  const linear = c.hiddenSize * (q + 2 * kv) + q * c.hiddenSize + 3 * c.hiddenSize * c.intermediateSize;
  const T = P + R;
  const perLayer = 2 * linear * B * T + 4 * B * c.numAttentionHeads * T * T * c.headDim;
  return 3 * (c.numHiddenLayers * perLayer + 2 * c.hiddenSize * c.vocabSize * B * R);
}

function writeModel(dir, shape) {
  const config = { ...tinyModelConfig({ ...shape.model, maxPositionEmbeddings: 4096 }), vocabSize: shape.model.vocabSize, eosTokenIds: [shape.model.vocabSize - 1], bosTokenId: null };
  config.raw = modelConfigToJson(config);
  return atomicWriteJson(join(dir, 'config.json'), modelConfigToJson(config))
    .then(() => writeModelWeights(dir, randomModelWeights(config, 1, 0.02)))
    .then(() => config);
}

function peakRssBytes() {
  const line = readFileSync('/proc/self/status', 'utf8').split('\n').find((l) => l.startsWith('VmHWM:'));
  return line ? Number(line.split(/\s+/)[1]) * 1024 : null;
}

async function runChild(spec) {
  const { backend: name, shape: shapeName, dir, repeats, checkpointLayers } = JSON.parse(spec);
  const shape = SHAPES[shapeName];
  const config = JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8'));
  const { default: backend } = await import(name === 'ort' ? '@prompt-aug/backend-ort' : '@prompt-aug/backend-tfjs');
  const policy = await backend.load({ modelDir: dir, ...(name === 'tfjs' ? { device: 'wasm' } : {}), optimizer: { lr: 1e-5 }, checkpointLayers });
  const [B, P, R] = shape.batch;
  const V = config.vocab_size;
  const rows = (n, w, f) => Array.from({ length: n }, (_, i) => Array.from({ length: w }, (_, j) => f(i, j)));
  const input = {
    promptIds: rows(B, P, (i, j) => (i * 17 + j * 3) % (V - 1)),
    promptMask: rows(B, P, () => 1),
    responseIds: rows(B, R, (i, j) => (i * 11 + j * 29) % (V - 1)),
    responseMask: rows(B, R, () => 1),
    oldLogprobs: rows(B, R, () => -Math.log(V)),
    advantages: Array.from({ length: B }, (_, i) => (i % 2 ? -1 : 1)),
    microBatchSize: shape.micro,
  };
  const times = [];
  for (let i = 0; i <= repeats; i++) {
    const t = performance.now();
    const stats = await policy.trainStep(input);
    if (!Number.isFinite(stats.loss)) throw new Error(`non-finite loss ${stats.loss}`);
    if (i > 0) times.push((performance.now() - t) / 1000); // the first step builds sessions / compiles kernels
    else log(`${name} ${shapeName}: first step ${((performance.now() - t) / 1000).toFixed(2)} s`);
  }
  await policy.dispose();
  const seconds = Math.min(...times);
  process.stdout.write(JSON.stringify({ seconds, secondsAll: times, tokens: B * (P + R), peakRssBytes: peakRssBytes() }));
}

async function matmulPeaks() {
  const { measureMatmulPeak } = await import('../../packages/backends/ort/bench/memory-bandwidth.mjs');
  const ort = await measureMatmulPeak({});
  const tf = await import(tfjsRequire.resolve('@tensorflow/tfjs'));
  await import(tfjsRequire.resolve('@tensorflow/tfjs-backend-wasm'));
  await tf.setBackend('wasm');
  let best = 0;
  for (const [m, k, n] of [[256, 512, 512], [512, 512, 512], [1024, 512, 1536]]) {
    const a = tf.randomNormal([m, k]);
    const b = tf.randomNormal([k, n]);
    tf.tidy(() => void tf.matMul(a, b).dataSync());
    for (let r = 0; r < 3; r++) {
      const t = performance.now();
      tf.tidy(() => void tf.matMul(a, b).dataSync());
      best = Math.max(best, (2 * m * k * n) / ((performance.now() - t) / 1000) / 1e9);
    }
    tf.dispose([a, b]);
  }
  return { ortGflops: +ort.gflops.toFixed(2), ortShape: [ort.m, ort.k, ort.n], tfjsWasmGflops: +best.toFixed(2) };
}

async function main() {
  const root = mkdtempSync(join(tmpdir(), 'pa-train-bench-'));
  const results = { runs: [] };
  try {
    const shapes = [...args.shapes.split(',').filter(Boolean), ...(args.qwen ? ['qwen2.5-0.5b'] : [])];
    const peaks = await matmulPeaks();
    log('matmul peaks (GFLOP/s):', JSON.stringify(peaks));
    for (const shapeName of shapes) {
      const shape = SHAPES[shapeName];
      const dir = join(root, shapeName);
      const config = await writeModel(dir, shape);
      const [B, P, R] = shape.batch;
      const row = { shape: shapeName, batch: { sequences: B, promptTokens: P, responseTokens: R, microBatchSize: shape.micro }, config: shape.model };
      const variants = shape.ortOnly ? [] : ['tfjs', 'ort'];
      if (shapeName !== 'demo') variants.push('ortCheckpointed');
      if (shape.checkpointedOnly) variants.splice(0, variants.length, 'ortCheckpointed');
      for (const variant of variants) {
        const backend = variant === 'tfjs' ? 'tfjs' : 'ort';
        log(`${variant} ${shapeName} …`);
        const spec = { backend, shape: shapeName, dir, repeats: shape.checkpointedOnly ? 1 : Number(args.repeats), checkpointLayers: variant === 'ortCheckpointed' };
        const child = spawnSync(process.execPath, ['--max-old-space-size=8192', fileURLToPath(import.meta.url), '--child', JSON.stringify(spec)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 20 });
        if (child.status !== 0) {
          row[variant] = { error: `exit ${child.status} ${child.signal ?? ''}`.trim() };
          continue;
        }
        const r = JSON.parse(child.stdout);
        const gflops = trainFlops(config, B, P, R) / r.seconds / 1e9;
        const peak = backend === 'ort' ? peaks.ortGflops : peaks.tfjsWasmGflops;
        row[variant] = { ...r, tokensPerSecond: +(r.tokens / r.seconds).toFixed(1), gflops: +gflops.toFixed(2), percentOfOwnMatmulPeak: +((100 * gflops) / peak).toFixed(1), peakRssMiB: r.peakRssBytes ? Math.round(r.peakRssBytes / 2 ** 20) : null };
        log(`${variant} ${shapeName}: ${row[variant].tokensPerSecond} tok/s, ${r.seconds.toFixed(3)} s/step, ${row[variant].gflops} GFLOP/s (${row[variant].percentOfOwnMatmulPeak}% of peak), peak RSS ${row[variant].peakRssMiB} MiB`);
      }
      if (row.tfjs?.tokensPerSecond && row.ort?.tokensPerSecond) row.ortOverTfjs = +(row.ort.tokensPerSecond / row.tfjs.tokensPerSecond).toFixed(2);
      results.runs.push(row);
      rmSync(dir, { recursive: true, force: true });
    }
    const report = {
      command: `node test/bench/train-backends.mjs ${argv.join(' ')}`.trim(),
      date: new Date().toISOString(),
      machine: { platform: `${platform()}-${arch()} ${release()}`, cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30), loadavgAtEnd: loadavg() },
      versions: { node: process.version, onnxruntimeNode: ortRequire('onnxruntime-node/package.json').version, tfjs: tfjsRequire('@tensorflow/tfjs/package.json').version },
      matmulPeakGflops: peaks,
      ...results,
    };
    writeFileSync(args.out, JSON.stringify(report, null, 2) + '\n');
    log(`wrote ${args.out}`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

if (args.child) await runChild(args.child);
else await main();
