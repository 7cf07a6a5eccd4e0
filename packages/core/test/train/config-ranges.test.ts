import { describe, expect, it } from 'vitest';
import { resolveTrainConfig } from '../../src/train/resolve-train-config.js';

const required = { model: 'm', data: 'd', out: 'o' };
const messageOf = (flags: Record<string, unknown>): string => {
  try {
    resolveTrainConfig({ flags: { ...required, ...flags } });
  } catch (error) {
    return (error as Error).message;
  }
  return 'accepted';
};

describe('train config ranges: a typo is a config error naming the key, not a RangeError later', () => {
  it('rolloutsPerPrompt 1 is refused: every GRPO advantage would be 0', () => {
    const message = messageOf({ rolloutsPerPrompt: 1 });
    expect(message).toContain('rolloutsPerPrompt');
    expect(message).toMatch(/with 1 rollout every advantage is 0/);
  });

  it('rolloutsPerPrompt 1e12 is refused with its bound', () => {
    expect(messageOf({ rolloutsPerPrompt: 1_000_000_000_000 })).toMatch(/rolloutsPerPrompt[\s\S]*at most 4096 rollouts per prompt/);
  });

  it('maxResponseTokens and maxPromptTokens 1e12 are refused with their bound', () => {
    expect(messageOf({ maxResponseTokens: 1_000_000_000_000 })).toMatch(/maxResponseTokens[\s\S]*at most 1048576 tokens/);
    expect(messageOf({ maxPromptTokens: 1_000_000_000_000 })).toMatch(/maxPromptTokens[\s\S]*at most 1048576 tokens/);
    expect(messageOf({ promptsPerStep: 1_000_000_000_000 })).toMatch(/promptsPerStep[\s\S]*at most 1000000 prompts per step/);
  });

  it('the paper values and the smallest useful group are accepted', () => {
    expect(messageOf({ rolloutsPerPrompt: 2, maxResponseTokens: 3072 })).toBe('accepted');
  });
});
