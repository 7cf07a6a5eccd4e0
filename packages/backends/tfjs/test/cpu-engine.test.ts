import { describe, expect, it } from 'vitest';
import { referenceForward } from '@prompt-aug/test-utils';
import backend from '../src/index.js';
import { maxAbsDiff } from './helpers/engine.js';
import { tinyFolder } from './helpers/tiny-folder.js';

// Its own file: vitest runs each file in a fresh process, so this one owns the tfjs engine.
describe('the pure-JS cpu engine', () => {
  it('loads, runs the same model and trains one step', async () => {
    const model = await tinyFolder({ architecture: 'qwen2', numHiddenLayers: 1 });
    const policy = await backend.load({ modelDir: model.dir, device: 'cpu', optimizer: { lr: 1e-3 } });
    expect(policy.info.device).toBe('cpu');
    const inputIds = [[0, 21, 22, 23]];
    const attentionMask = [[0, 1, 1, 1]];
    const out = await policy.forward({ inputIds, attentionMask });
    const ref = referenceForward(model.config, model.weights, inputIds, attentionMask);
    const V = model.vocabSize;
    expect(maxAbsDiff(out.logits, ref.logits, (i) => i >= V)).toBeLessThan(2e-4);
    const stats = await policy.trainStep!({
      promptIds: [[5, 6]], promptMask: [[1, 1]], responseIds: [[7, 8]], responseMask: [[1, 1]], oldLogprobs: [[-5, -5]], advantages: [1],
    });
    expect(stats.applied).toBe(true);
    await policy.dispose();
    await model.cleanup();
  });
});
