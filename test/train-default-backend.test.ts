/**
 * ONNX Runtime is pa train's default training backend: a run that names no --backend trains on
 * backend-ort (the printed header, the run folder's config.json), and a run started on
 * backend-tfjs (the default before) is refused on resume without --backend, with the fix named.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPa } from './helpers/run-pa.js';
import { smallRunFlags, tinyTrainingSetup } from './helpers/train-fixtures.js';

const savedBackend = (out: string) => (JSON.parse(readFileSync(join(out, 'config.json'), 'utf8')) as { backend: string }).backend;
const oneLine = (text: string) => text.replace(/\s*\n\s*/g, ' ');

describe('pa train: the default training backend', () => {
  it('with no --backend, trains on backend-ort: the header names it, config.json records it, --help and --print-config say so', async () => {
    const setup = await tinyTrainingSetup();
    const out = join(setup.root, 'run');
    const result = runPa(smallRunFlags(setup, out, { 'max-steps': '2' }));
    expect(result.status, result.stderr).toBe(0);
    // The header names the policy that was loaded (its info.backend), not only the config value.
    expect(result.stderr).toContain('training on backend-ort (device cpu)');
    expect(savedBackend(out)).toBe('backend-ort');

    const printed = runPa([...smallRunFlags(setup, join(setup.root, 'printed')), '--print-config', '--json']);
    expect(printed.status, printed.stderr).toBe(0);
    expect((JSON.parse(printed.stdout) as { config: { backend: string } }).config.backend).toBe('backend-ort');
    expect(oneLine(runPa(['train', '--help']).stdout)).toMatch(/training backend plugin: ort \(default, ONNX Runtime\) or tfjs/);
  }, 120_000);

  it('--backend tfjs still trains on TensorFlow.js; resuming that run without --backend is refused naming the backend and the flag that continues it', async () => {
    const setup = await tinyTrainingSetup();
    const out = join(setup.root, 'run');
    const first = runPa(smallRunFlags(setup, out, { 'max-steps': '2', backend: 'tfjs' }));
    expect(first.status, first.stderr).toBe(0);
    expect(first.stderr).toContain('training on backend-tfjs (device wasm)');
    expect(savedBackend(out)).toBe('backend-tfjs');

    const refused = runPa([...smallRunFlags(setup, out, { 'max-steps': '4' }), '--resume']);
    expect(refused.status).toBe(1);
    const message = oneLine(refused.stderr);
    expect(message).toContain('It differs in backend "backend-tfjs" then, "backend-ort" now.');
    expect(message).toContain('pass --backend backend-tfjs');
    expect(message).toContain('[PA_RESUME_CONFIG_MISMATCH]');
    expect(refused.stderr).not.toMatch(/\n\s+at /);

    const resumed = runPa([...smallRunFlags(setup, out, { 'max-steps': '4', backend: 'backend-tfjs' }), '--resume']);
    expect(resumed.status, resumed.stderr).toBe(0);
    expect(resumed.stderr).toContain('training on backend-tfjs (device wasm), resumed from');
    expect(savedBackend(out)).toBe('backend-tfjs');
  }, 180_000);
});
