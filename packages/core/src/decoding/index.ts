// Public API of @prompt-aug/core/decoding: the token loop every backend's `generate` runs, the
// sampler, stop strings, the RL batch layout (left-padded prompts, right-padded responses) and the
// float64 log-prob/entropy of one position.
export { decodeLoop, type DecodeSteps } from './decode-loop.js';
export { leftPad, rightPad, type PaddedBatch } from './padding.js';
