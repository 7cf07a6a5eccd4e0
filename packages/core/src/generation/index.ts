export { decodeLoop, type DecodeSteps } from './decode-loop.js';
export { StopStringWatcher } from './stop-strings.js';
export { NO_TOKEN, argmax, sampleScoredToken, sampleToken, samplingDistribution, samplingSettings, topKIndices, type SamplingSettings, type ScoredToken } from './token-sampling.js';
