/**
 * Matmul FLOP counts of what the tfjs model executes (2 FLOPs per multiply-add), used to turn
 * timings into achieved GFLOP/s. Attention is counted over the full T×S score matrix because
 * that is what runs (masked entries are computed, then masked).
 */
export function linearParamsPerLayer(c) {
  const q = c.numAttentionHeads * c.headDim;
  const kv = c.numKeyValueHeads * c.headDim;
  return c.hiddenSize * (q + 2 * kv) + q * c.hiddenSize + 3 * c.hiddenSize * c.intermediateSize;
}

/** Forward FLOPs for `batch` rows of `queries` new tokens attending to `keys` slots, with `headPositions` rows through the lm head. */
export function forwardFlops(c, { batch, queries, keys, headPositions }) {
  const linear = 2 * linearParamsPerLayer(c) * batch * queries;
  const attention = 2 * 2 * batch * c.numAttentionHeads * queries * keys * c.headDim;
  const head = 2 * c.hiddenSize * c.vocabSize * headPositions;
  return c.numHiddenLayers * (linear + attention) + head;
}

/** Forward + backward ≈ 3 × forward (the backward pass has two matmuls per forward matmul). */
export function trainFlops(c, { batch, seq, responseLength }) {
  return 3 * forwardFlops(c, { batch, queries: seq, keys: seq, headPositions: batch * responseLength });
}
