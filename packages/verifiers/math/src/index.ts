/**
 * @prompt-aug/verifier-math: answer extraction, normalisation and equivalence for math
 * answers; the GRPO reward and the eval grader. The default export is the plugin object.
 */
import type { VerifierPlugin } from '@prompt-aug/plugin-api';
import { extractAnswer } from './extract/extract-answer.js';
import { isEquivalent, verifyAnswer } from './verify.js';

export { extractAnswer, isEquivalent, verifyAnswer };
export { verifyPaper, paperGrade } from './paper/boxed-reward.js';
export { paperExtract } from './paper/last-boxed.js';
export { pythonFloatRepr, paperGolds, type PaperGold } from './paper/gold-text.js';

const plugin: VerifierPlugin = {
  kind: 'verifier',
  name: 'verifier-math',
  version: '0.1.0',
  apiVersion: 1,
  description: 'Math answer extraction (paper train/eval rules) and exact/symbolic equivalence',
  extract: extractAnswer,
  verify: verifyAnswer,
};

export default plugin;
