import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readSamples, runOpenAiEval } from '../src/index.js';
import { realPlugins, tempDir } from './helpers/fixtures.js';

const closers: (() => void)[] = [];
afterEach(() => {
  for (const close of closers.splice(0)) close();
});

/** A loopback completions server that answers `\boxed{<prompt length>}` slowly, counting requests in flight. */
async function slowServer() {
  const stats = { requests: 0, inFlight: 0, peak: 0, prompts: [] as string[], bodies: [] as Record<string, unknown>[] };
  const server = createServer((req, res) => {
    let text = '';
    req.on('data', (c: Buffer) => (text += c.toString()));
    req.on('end', () => {
      const body = JSON.parse(text) as Record<string, unknown>;
      stats.requests++;
      stats.peak = Math.max(stats.peak, ++stats.inFlight);
      stats.prompts.push(String(body.prompt));
      stats.bodies.push(body);
      setTimeout(() => {
        stats.inFlight--;
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ choices: [{ index: 0, text: `so \\boxed{${String(body.prompt).length}}`, finish_reason: 'stop' }], usage: { completion_tokens: 3 } }));
      }, 15);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(() => server.close());
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`, stats };
}

describe('runOpenAiEval', () => {
  it('generates through the server with bounded concurrency, writes every output, and resumes without new requests', async () => {
    const { url, stats } = await slowServer();
    const out = tempDir('pa-eval-openai-');
    const options = {
      baseUrl: url,
      modelName: 'remote-model',
      concurrency: 3,
      outDir: out,
      benchmarks: { names: ['math500', 'amc'], limit: 4 },
      plugins: await realPlugins(),
      generation: { maxNewTokens: 16 },
      progress: false,
    };
    const first = await runOpenAiEval(options);
    for (const file of ['samples.jsonl', 'results.json', 'report.html']) expect(existsSync(join(out, file)), file).toBe(true);
    expect(stats.requests).toBe(8);
    expect(stats.peak).toBeLessThanOrEqual(3);
    expect(stats.peak).toBeGreaterThan(1);
    // Greedy (temperature 0) and max_tokens = --max-new-tokens, the prompt is the rendered template text.
    expect(stats.bodies[0]).toMatchObject({ model: 'remote-model', max_tokens: 16, temperature: 0, top_p: 1 });
    const { samples } = await readSamples(join(out, 'samples.jsonl'));
    expect(samples).toHaveLength(8);
    for (const s of samples) {
      expect(stats.prompts).toContain(s.prompt);
      expect(s.response).toBe(`so \\boxed{${s.prompt.length}}`);
      expect(s.extracted).toBe(String(s.prompt.length));
      expect(s.tokens).toBe(3);
      expect(s.finishReason).toBe('eos');
    }
    expect(first.results.config.model).toBe(`remote-model @ ${url}`);
    expect(JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')).versions.backend).toBe(`openai remote-model @ ${url}`);

    const again = await runOpenAiEval({ ...options, resume: true });
    expect(stats.requests).toBe(8);
    expect(again.results.perQuestionAccuracy).toBe(first.results.perQuestionAccuracy);
    expect(again.results.timings.resumedSamples).toBe(8);
  });

  it('refuses a concurrency below 1, naming the flag', async () => {
    await expect(runOpenAiEval({ baseUrl: 'http://127.0.0.1:9/v1', modelName: 'm', concurrency: 0, outDir: tempDir(), benchmarks: [] })).rejects.toThrow(/--concurrency must be a whole number of at least 1; got 0/);
  });
});
