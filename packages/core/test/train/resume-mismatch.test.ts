import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveTrainConfig } from '../../src/train/resolve-train-config.js';
import { changedTrainingKeys, resumeMismatchError } from '../../src/train/resume-mismatch.js';
import { tempDir } from '../plugin/fixtures.js';

const configOf = (flags: Record<string, unknown>) => resolveTrainConfig({ flags: { model: 'm', data: 'd', out: 'o', ...flags } }).config;

describe('a refused resume names what changed', () => {
  it('lists the changed training keys as dotted paths, ignoring bookkeeping (out, maxSteps, device …)', () => {
    const saved = JSON.parse(JSON.stringify(configOf({ backend: 'backend-tfjs', 'optimizer.lr': 1e-3, maxSteps: 4, out: 'a' }))) as unknown;
    const now = configOf({ 'optimizer.lr': 2e-3, maxSteps: 8, out: 'b', device: 'cpu' });
    expect(changedTrainingKeys(saved, now)).toEqual([
      { key: 'backend', then: 'backend-tfjs', now: 'backend-ort' },
      { key: 'optimizer.lr', then: 0.001, now: 0.002 },
    ]);
    expect(changedTrainingKeys('not a config', now)).toEqual([]);
  });

  it('the message: the changes, the --backend that continues an old-default run, and no raw control characters from the file', () => {
    const run = tempDir();
    mkdirSync(run, { recursive: true });
    const saved = { ...configOf({ backend: 'backend-tfjs' }), 'ev\u001b[2Jil': 'x'.repeat(500) };
    writeFileSync(join(run, 'config.json'), JSON.stringify(saved));
    const error = resumeMismatchError(run, join(run, 'checkpoints', 'step-000002'), configOf({ out: run }));
    expect(error.code).toBe('PA_RESUME_CONFIG_MISMATCH');
    expect(error.message).toContain('It differs in backend "backend-tfjs" then, "backend-ort" now; ev\\u001b[2Jil "xxx');
    expect(error.message).toContain('xxx... then, (unset) now.'); // 80 characters at most per value
    expect(error.message).toContain('pass --backend backend-tfjs');
    expect(error.message).not.toContain('\u001b');
    // Unreadable saved config: the refusal still stands, without the list.
    const bare = resumeMismatchError(join(run, 'missing'), 'ckpt', configOf({}));
    expect(bare.message).toMatch(/^The run in .* was trained with a different configuration \(checkpoint ckpt\); resuming would mix two experiments\. Use the same flags/);
  });
});
