import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeTinyModel } from '@prompt-aug/core/model';
import { afterEach, describe, expect, it } from 'vitest';
import { killChildren, runPaAsync, startServe } from './helpers/pa-processes.js';
import { runPa, tempDir } from './helpers/run-pa.js';

afterEach(killChildren);

interface Sample { benchmark: string; id: string; prompt: string; response: string }
const readSamplesFile = (dir: string): Sample[] => readFileSync(join(dir, 'samples.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Sample);
const byKey = (samples: Sample[]) => Object.fromEntries(samples.map((s) => [`${s.benchmark}/${s.id}`, { prompt: s.prompt, response: s.response }]));

describe('pa serve + pa eval --backend openai', () => {
  it('evaluates through the OpenAI API of pa serve exactly as the local ORT backend does (greedy)', async () => {
    const root = tempDir('pa-serve-e2e-');
    const model = join(root, 'model');
    await writeTinyModel(model, { seed: 5, maxPositionEmbeddings: 4096 });
    const common = ['--limit', '1', '--max-new-tokens', '4', '--json'];

    const { child, url, output } = await startServe(model, ['--model-name', 'tiny-served']);
    const models = (await (await fetch(`${url}/models`)).json()) as { data: { id: string }[] };
    expect(models.data.map((m) => m.id)).toEqual(['tiny-served']);
    const bad = await fetch(`${url}/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ model: 'tiny-served', prompt: 3 }) });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string; type: string } }).error).toMatchObject({ type: 'invalid_request_error', message: expect.stringContaining('`prompt`') });

    const remoteOut = join(root, 'eval-openai');
    const remote = await runPaAsync(['eval', '--backend', 'openai', '--base-url', url, '--model', 'tiny-served', '--out', remoteOut, ...common]);
    expect(remote.status, remote.stderr).toBe(0);
    for (const file of ['samples.jsonl', 'results.json', 'report.html', 'eval-config.json']) expect(existsSync(join(remoteOut, file)), file).toBe(true);
    const resumed = await runPaAsync(['eval', '--backend', 'openai', '--base-url', url, '--model', 'tiny-served', '--out', remoteOut, '--resume', ...common]);
    expect(resumed.status, resumed.stderr).toBe(0);
    expect(readSamplesFile(remoteOut)).toHaveLength(5);
    // One request, two prompts, n = 2: one batch, choices in prompt-major order, usage summed.
    const batch = await fetch(`${url}/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ model: 'tiny-served', prompt: ['1 + 1 =', 'Hello'], max_tokens: 3, temperature: 0, n: 2 }) });
    const completion = (await batch.json()) as { object: string; choices: { index: number; text: string; finish_reason: string }[]; usage: { completion_tokens: number } };
    expect(completion.object).toBe('text_completion');
    expect(completion.choices.map((c) => c.index)).toEqual([0, 1, 2, 3]);
    expect(completion.choices[0]!.text).toBe(completion.choices[1]!.text);
    expect(completion.choices.every((c) => c.finish_reason === 'stop' || c.finish_reason === 'length')).toBe(true);
    expect(completion.usage.completion_tokens).toBeGreaterThan(0);
    const unknown = await runPaAsync(['eval', '--backend', 'openai', '--base-url', url, '--model', 'other', '--out', join(root, 'eval-unknown'), ...common]);
    expect(unknown.status).toBe(1);
    expect(unknown.stdout + unknown.stderr).toContain('It serves: tiny-served');

    child.kill('SIGTERM');
    const code = await new Promise<number | null>((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.on('exit', resolve)));
    expect(code, output()).toBe(0);

    const localOut = join(root, 'eval-local');
    const local = runPa(['eval', model, '--backend', 'backend-ort', '--out', localOut, ...common], { timeoutMs: 240_000 });
    expect(local.status, local.stderr).toBe(0);
    const remoteSamples = readSamplesFile(remoteOut);
    expect(remoteSamples).toHaveLength(5);
    expect(byKey(remoteSamples)).toEqual(byKey(readSamplesFile(localOut)));
    expect(remoteSamples.some((s) => s.response.length > 0)).toBe(true);
  }, 300_000);
});
