// Public API of @prompt-aug/core/train: the GRPO trainer (config and presets, the loop, a step,
// group-relative advantages, checkpoints) and its telemetry (metrics.jsonl, TensorBoard).
export { trainConfigSchema, PRESET_NAMES, DEFAULT_TRAINING_BACKEND, type TrainConfig, type TrainConfigInput } from './train-config.js';
export { PRESETS } from './presets.js';
export { resolveTrainConfig, type ResolveTrainConfigInput } from './resolve-train-config.js';
export { listCheckpoints, readTrainerState, type CheckpointInfo, type TrainerState } from './checkpoints.js';
export { train, type TrainHooks, type TrainOptions, type TrainSummary } from './trainer.js';
export { groupAdvantages, type GroupAdvantageOptions } from './group-advantages.js';
export * from '../metrics/index.js';
export { classifyFolder, runFolderPaths, RUN_FOLDER_FILES, type FolderClass, type RunFolderPaths } from './run-folder.js';
