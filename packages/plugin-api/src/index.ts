// Public API of @prompt-aug/plugin-api: the plugin contract alone (types, the API version, a typing
// helper and the training defaults). Template sets and verifiers depend on this package only.
export * from './plugin-types.js';
export * from './policy-types.js';
export { definePlugin } from './define-plugin.js';
export { DEFAULT_LOSS, DEFAULT_OPTIMIZER } from './training-defaults.js';
export { aggregationWeights } from './loss-aggregation.js';
export { trainStepStats, type TrainStepSums } from './step-stats.js';
