import { randomModelWeights, tinyModelConfig, DEFAULT_LOSS } from '@prompt-aug/core';
import { Tensor, InferenceSession } from 'onnxruntime-node';
import { buildTrainGraph } from './dist/train/graph/build-train-graph.js';
import { batchFeeds } from './dist/train/train-feeds.js';
import { aggregationWeights } from './dist/train/loss-weights.js';
import { graphParameters, toGraphLayout } from './dist/train/graph-parameters.js';
import { readFileSync, readdirSync } from 'node:fs';
const shape = { hiddenSize: 512, intermediateSize: 1536, numHiddenLayers: 5, numAttentionHeads: 8, numKeyValueHeads: 2, vocabSize: 8192, B: [2, 64, 192] };
const config = { ...tinyModelConfig({ architecture: 'qwen2', ...shape, tieWordEmbeddings: true }), vocabSize: shape.vocabSize };
const w = randomModelWeights(config, 1, 0.02);
const [B, P, R] = shape.B;
const rows = (n, m, f) => Array.from({ length: n }, (_, i) => Array.from({ length: m }, (_, j) => f(i, j)));
const input = { promptIds: rows(B, P, (i, j) => (i * 17 + j * 3) % 600), promptMask: rows(B, P, () => 1), responseIds: rows(B, R, (i, j) => (i * 11 + j * 29) % 600), responseMask: rows(B, R, () => 1), oldLogprobs: rows(B, R, () => -6), advantages: Array.from({ length: B }, (_, i) => (i % 2 ? -1 : 1)) };
const feeds = { ...batchFeeds(input, aggregationWeights(input.responseMask, 'token-mean'), 0, B, false) };
for (const p of graphParameters(config)) feeds[p.name] = new Tensor('float32', Float32Array.from(toGraphLayout(p, w.get(p.hfName).data)), p.dims);
const session = await InferenceSession.create(buildTrainGraph(config, { loss: DEFAULT_LOSS, accumulate: false }), { graphOptimizationLevel: process.env.OPT ?? 'all', enableProfiling: true, profileFilePrefix: '/tmp/ortprof', logSeverityLevel: 3 });
for (let i = 0; i < 3; i++) { const t = performance.now(); await session.run(feeds); console.log('run ms', (performance.now() - t).toFixed(0)); }
session.endProfiling(); const file = '/tmp/' + readdirSync('/tmp').filter((f) => f.startsWith('ortprof')).sort().at(-1);
const events = JSON.parse(readFileSync(file, 'utf8')).filter((e) => e.cat === 'Node' && e.name.endsWith('_kernel_time'));
const byOp = {};
for (const e of events) { const op = e.args.op_name; byOp[op] = (byOp[op] ?? 0) + e.dur; }
console.log(Object.entries(byOp).sort((a, b) => b[1] - a[1]).slice(0, 15).map(([k, v]) => `${k} ${(v / 3000).toFixed(0)}ms`).join('\n'));
const top = {};
for (const e of events) { top[e.name] = (top[e.name] ?? 0) + e.dur; }
console.log(Object.entries(top).sort((a, b) => b[1] - a[1]).slice(0, 12).map(([k, v]) => `${k} ${(v / 3000).toFixed(0)}ms`).join('\n'));
