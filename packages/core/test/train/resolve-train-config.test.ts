import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveTrainConfig } from '../../src/train/resolve-train-config.js';
import { tempDir } from '../plugin/fixtures.js';

const required = { model: 'm', data: 'd', out: 'o' };

describe('resolveTrainConfig', () => {
  it('defaults to the paper recipe (paper.md §3)', () => {
    const { config } = resolveTrainConfig({ flags: required });
    expect(config.preset).toBe('paper');
    expect(config.plugin).toBe('templates-diverse');
    expect(config.backend).toBe('backend-ort'); // not the paper's: ONNX Runtime is the default training backend
    expect([config.promptsPerStep, config.rolloutsPerPrompt, config.miniBatchPrompts]).toEqual([128, 8, 32]);
    expect(config.optimizer).toEqual({ lr: 1e-6, betas: [0.9, 0.999], eps: 1e-8, weightDecay: 0.01, gradClip: 1, schedule: 'constant', warmupSteps: 0, minLrRatio: 0 });
    expect(config.loss).toEqual({ clipLow: 0.2, clipHigh: 0.28, dualClip: 3, aggregation: 'token-mean', klCoef: 0, klEstimator: 'low-var-kl', entropyCoef: 0 });
    expect([config.maxPromptTokens, config.maxResponseTokens, config.epochs, config.seed, config.saveEvery, config.evalEvery]).toEqual([1024, 3072, 60, 42, 20, 20]);
    expect(config.sampling).toEqual({ temperature: 1, topP: 1, topK: 0 });
    expect(config.reward).toEqual({ correctWeight: 1, formatWeight: 1, mode: 'train' });
  });

  it('layers preset < file < flags', () => {
    const file = join(tempDir(), 'run.yaml');
    writeFileSync(file, 'preset: grpo\nepochs: 7\nloss:\n  clipHigh: 0.3\noptimizer:\n  lr: 2.0e-6\n');
    const { config } = resolveTrainConfig({ file, flags: { ...required, 'optimizer.lr': 5e-6 } });
    expect(config.preset).toBe('grpo');
    expect(config.plugin).toBe('templates-qwen-math'); // from the preset
    expect(config.loss.klCoef).toBe(0.001); // from the preset
    expect(config.loss.clipLow).toBe(0.2);
    expect(config.loss.clipHigh).toBe(0.3); // the file beats the preset's 0.2
    expect(config.epochs).toBe(7); // the file beats the preset's 20
    expect(config.optimizer.lr).toBe(5e-6); // the flag beats the file
  });

  it('names the bad key, its source and the fix', () => {
    expect(() => resolveTrainConfig({ flags: { ...required, promptsPerStep: -3 } })).toThrow(/key promptsPerStep \(from a flag\)/);
    expect(() => resolveTrainConfig({ flags: { ...required, preset: 'best' } })).toThrow('Unknown preset "best"');
  });

  it('warns about unknown keys with a suggestion', () => {
    const { warnings } = resolveTrainConfig({ flags: { ...required, epocs: 3 } });
    expect(warnings.map((w) => w.message).join()).toContain('did you mean "epochs"');
  });
});
