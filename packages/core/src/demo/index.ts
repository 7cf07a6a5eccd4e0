// The built-in demo's assets: a tokenizer trained on the demo's own prompts, and synthetic sums.
export { trainByteLevelBpe, type BpeTrainingOptions, type TrainedBpe } from './train-byte-level-bpe.js';
export { byteLevelWords, splitOnSpecialTokens, type TextSection } from './byte-level-words.js';
export { demoTokenizerFiles, type DemoTokenizerFiles } from './demo-tokenizer-files.js';
export { arithmeticProblems, type ArithmeticProblemOptions } from './arithmetic-problems.js';
export { demoCorpus, referenceCompletion, formatAnswer, type DemoCorpusTemplate } from './demo-corpus.js';
export { prepareDemo, demoTokenizerMerges, DEMO_MODEL_SHAPE, type DemoAssets, type PrepareDemoOptions } from './prepare-demo.js';
export { formatWarmup, type FormatWarmupOptions } from './format-warmup.js';
export { formatExemplar } from './format-exemplar.js';
export { sloppyResult, type SloppyResultOptions } from './sloppy-result.js';
