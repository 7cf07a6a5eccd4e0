// Memory-read bandwidth of this machine, measured in the bench's own process with ONNX Runtime
// kernels that read a buffer far larger than the caches exactly once:
// - ReduceSum over a 1 GiB input on all threads;
// - a GEMV (x[1,K] @ W[K,4096]) whose 512 MiB weight is a constant, so ORT pre-packs it
//   like the decoder's weights; at 2 flops per 4 bytes it is bound by memory, not compute.
// The roofline uses the larger figure. A one-thread JavaScript loop is reported for scale.
import ort from 'onnxruntime-node';
import onnxProto from 'onnx-proto';

const { onnx } = onnxProto;
const tensorType = (dims) => ({ tensorType: { elemType: 1, shape: { dim: dims.map((d) => ({ dimValue: d })) } } });

function encode(node, initializer, inputs) {
  return onnx.ModelProto.encode(
    onnx.ModelProto.create({
      irVersion: 8,
      opsetImport: [{ domain: '', version: 17 }],
      graph: { name: 'bandwidth', node: [node], initializer, input: inputs, output: [{ name: 'y', type: { tensorType: { elemType: 1 } } }] },
    }),
  ).finish();
}

async function bestSeconds(model, feeds, options, repeats) {
  const session = await ort.InferenceSession.create(model, options);
  let best = Infinity;
  for (let r = 0; r < repeats; r++) {
    const start = performance.now();
    await session.run(feeds);
    best = Math.min(best, (performance.now() - start) / 1000);
  }
  await session.release();
  return best;
}

export async function measureBandwidth({ intraOpNumThreads, repeats = 6 } = {}) {
  const options = { graphOptimizationLevel: 'all', logSeverityLevel: 3 };
  if (intraOpNumThreads) options.intraOpNumThreads = intraOpNumThreads;
  const reduceBytes = 1 << 30;
  const cols = 1 << 16;
  const rows = reduceBytes / 4 / cols;
  const data = new Float32Array(rows * cols);
  for (let i = 0; i < data.length; i += 1024) data[i] = 1; // touch every page before timing
  const reduce = encode(
    { opType: 'ReduceSum', input: ['x', 'axes'], output: ['y'], attribute: [{ name: 'keepdims', type: 2, i: 0 }] },
    [{ name: 'axes', dims: [1], dataType: 7, int64Data: [1] }],
    [{ name: 'x', type: tensorType([rows, cols]) }],
  );
  const reduceSeconds = await bestSeconds(reduce, { x: new ort.Tensor('float32', data, [rows, cols]) }, options, repeats);

  const gemvBytes = 512 << 20;
  const k = gemvBytes / 4 / 4096;
  const gemv = encode(
    { opType: 'MatMul', input: ['x', 'w'], output: ['y'] },
    [{ name: 'w', dims: [k, 4096], dataType: 1, rawData: new Uint8Array(data.buffer, 0, gemvBytes) }],
    [{ name: 'x', type: tensorType([1, k]) }],
  );
  const gemvSeconds = await bestSeconds(gemv, { x: new ort.Tensor('float32', new Float32Array(k).fill(1), [1, k]) }, options, repeats);

  let jsSeconds = Infinity;
  const wide = new Float64Array(data.buffer);
  for (let r = 0; r < 3; r++) {
    const start = performance.now();
    let sum = 0;
    for (let i = 0; i < wide.length; i++) sum += wide[i];
    jsSeconds = Math.min(jsSeconds, (performance.now() - start) / 1000);
    if (sum === -1) console.log(sum); // keep the loop observable
  }
  const ortReduceSumGBps = reduceBytes / reduceSeconds / 1e9;
  const ortPrepackedGemvGBps = gemvBytes / gemvSeconds / 1e9;
  return {
    ortReduceSumGBps,
    ortPrepackedGemvGBps,
    jsSingleThreadGBps: reduceBytes / jsSeconds / 1e9,
    usedGBps: Math.max(ortReduceSumGBps, ortPrepackedGemvGBps),
  };
}

/**
 * The machine's float32 matrix-multiply peak through the same ORT kernels: x[M,K] @ W[K,N] with a
 * constant (pre-packed) W of a decoder's MLP shape, large enough to be compute-bound. Batched
 * decode cannot beat this, so it caps how much batching can multiply batch-1 throughput.
 */
export async function measureMatmulPeak({ intraOpNumThreads, repeats = 6, m = 256, k = 896, n = 4864 } = {}) {
  const options = { graphOptimizationLevel: 'all', logSeverityLevel: 3 };
  if (intraOpNumThreads) options.intraOpNumThreads = intraOpNumThreads;
  const weights = new Float32Array(k * n).map((_, i) => ((i * 2654435761) % 1000) / 1000 - 0.5);
  const model = encode(
    { opType: 'MatMul', input: ['x', 'w'], output: ['y'] },
    [{ name: 'w', dims: [k, n], dataType: 1, rawData: new Uint8Array(weights.buffer) }],
    [{ name: 'x', type: tensorType([m, k]) }],
  );
  const seconds = await bestSeconds(model, { x: new ort.Tensor('float32', new Float32Array(m * k).fill(0.5), [m, k]) }, options, repeats);
  return { m, k, n, gflops: (2 * m * k * n) / seconds / 1e9 };
}
