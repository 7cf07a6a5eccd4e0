/**
 * The shared float64 reference model (test/reference, owned by the tfjs backend), plus the
 * configurations it covers: it implements q/k/v biases but not Llama's o_proj / MLP biases.
 */
import type { TinyModelOptions } from '@prompt-aug/core/model';

export { referenceForward, referenceLogprobs } from '@prompt-aug/test-utils';

export const REFERENCE_VARIANTS: { name: string; options: TinyModelOptions }[] = [
  { name: 'qwen2 GQA untied', options: { architecture: 'qwen2', numKeyValueHeads: 2, tieWordEmbeddings: false } },
  { name: 'qwen2 GQA(1 kv head) tied', options: { architecture: 'qwen2', numKeyValueHeads: 1, tieWordEmbeddings: true } },
  { name: 'llama MHA untied', options: { architecture: 'llama', numKeyValueHeads: 4, tieWordEmbeddings: false } },
  { name: 'llama GQA tied', options: { architecture: 'llama', numKeyValueHeads: 2, tieWordEmbeddings: true } },
];
