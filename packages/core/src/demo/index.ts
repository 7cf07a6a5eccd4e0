// The built-in demo's assets: a tokenizer trained on the demo's own prompts, and synthetic sums.
export { arithmeticProblems } from './arithmetic-problems.js';
export { prepareDemo, type DemoAssets, type PrepareDemoOptions } from './prepare-demo.js';
