import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readModelWeights, type TinyModelOptions } from '@prompt-aug/core/model';
import { describe, expect, it } from 'vitest';
import { referenceForward } from '@prompt-aug/test-utils';
import backend from '../src/index.js';
import { maxAbsDiff } from './helpers/engine.js';
import { tinyFolder } from './helpers/tiny-folder.js';

describe('checkpoint formats written by core load into the same model', () => {
  const cases: Array<[string, TinyModelOptions]> = [
    ['BF16 weights', { dtype: 'BF16' }],
    ['F16 weights, sharded with an index', { dtype: 'F16', maxShardBytes: 20_000 }],
  ];
  for (const [label, options] of cases) {
    it(label, async () => {
      const model = await tinyFolder({ architecture: 'llama', tieWordEmbeddings: false, ...options });
      if (options.maxShardBytes) expect(existsSync(join(model.dir, 'model.safetensors.index.json'))).toBe(true);
      const policy = await backend.load({ modelDir: model.dir, device: 'wasm' });
      const inputIds = [[0, 12, 13, 14], [15, 16, 17, 18]];
      const attentionMask = [[0, 1, 1, 1], [1, 1, 1, 1]];
      const out = await policy.forward({ inputIds, attentionMask });
      // The reference reads the stored (rounded) weights itself, through core's reader.
      const ref = referenceForward(model.config, await readModelWeights(model.dir), inputIds, attentionMask);
      const V = model.vocabSize;
      expect(maxAbsDiff(out.logits, ref.logits, (i) => attentionMask[Math.floor(i / (4 * V))]![Math.floor(i / V) % 4] === 1)).toBeLessThan(2e-4);
      await policy.dispose();
      await model.cleanup();
    });
  }
});
