import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isUserError } from '@prompt-aug/core';
import { afterEach, describe, expect, it } from 'vitest';
import { backoffDelayMs, completionsBaseUrl, createCompletionsClient } from '../src/index.js';
import { mapConcurrent } from '../src/openai/map-concurrent.js';

type Reply = (body: Record<string, unknown>, req: IncomingMessage, res: ServerResponse) => void;

const servers: { close: () => void }[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) s.close();
});

/** A loopback server answering the n-th request with replies[n] (the last one repeats); records the bodies. */
async function fakeServer(replies: Reply[]): Promise<{ url: string; bodies: Record<string, unknown>[]; paths: string[] }> {
  const bodies: Record<string, unknown>[] = [];
  const paths: string[] = [];
  const server = createServer((req, res) => {
    let text = '';
    req.on('data', (c: Buffer) => (text += c.toString()));
    req.on('end', () => {
      paths.push(`${req.method} ${req.url}`);
      const body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
      if (req.method === 'POST') bodies.push(body);
      const reply = replies[Math.min(bodies.length - 1, replies.length - 1)]!;
      if (req.method === 'GET' && req.url === '/v1/models') return json(res, 200, { object: 'list', data: [{ id: 'served-model' }] });
      reply(body, req, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push({ close: () => server.close() });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`, bodies, paths };
}

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

const ok: Reply = (body, _req, res) => json(res, 200, { choices: [{ index: 0, text: `echo:${String(body.prompt)}`, finish_reason: 'length' }], usage: { completion_tokens: 4 } });
const status = (code: number, headers: Record<string, string> = {}): Reply => (_b, _r, res) => json(res, code, { error: { message: `status ${code}`, type: 'x' } }, headers);

/** Records the waits instead of sleeping; random fixed at 0.5 so jitter is deterministic. */
function recordingRetry(maxRetries = 3) {
  const waits: number[] = [];
  return { waits, retry: { maxRetries, baseDelayMs: 100, maxDelayMs: 1000, random: () => 0.5, sleep: async (ms: number) => void waits.push(ms) } };
}

const request = { prompt: 'p', maxTokens: 4, temperature: 0, topP: 1, seed: 7 };

async function userErrorOf(promise: Promise<unknown>): Promise<Error> {
  const error = await promise.then(() => undefined, (e: unknown) => e as Error);
  expect(error, 'expected a rejection').toBeDefined();
  expect(isUserError(error), String(error)).toBe(true);
  return error!;
}

describe('completions client', () => {
  it('sends an OpenAI completions body and reads text, finish reason and token count', async () => {
    const server = await fakeServer([ok]);
    const client = createCompletionsClient({ baseUrl: server.url, model: 'm' });
    expect(await client.complete({ ...request, stop: ['###'] })).toEqual({ text: 'echo:p', finishReason: 'length', completionTokens: 4 });
    expect(server.bodies[0]).toEqual({ model: 'm', prompt: 'p', max_tokens: 4, temperature: 0, top_p: 1, n: 1, seed: 7, stop: ['###'] });
  });

  it('retries 429 and 5xx with doubling, jittered waits, then succeeds', async () => {
    const server = await fakeServer([status(503), status(429), status(500), ok]);
    const { waits, retry } = recordingRetry();
    const client = createCompletionsClient({ baseUrl: server.url, model: 'm', retry });
    expect((await client.complete(request)).text).toBe('echo:p');
    expect(server.bodies).toHaveLength(4);
    // step = 100·2^attempt; wait = step/2 + step/2·0.5
    expect(waits).toEqual([75, 150, 300]);
  });

  it('honours Retry-After when the server asks for longer, capped at maxDelayMs', async () => {
    const server = await fakeServer([status(429, { 'retry-after': '0.4' }), status(429, { 'retry-after': '60' }), ok]);
    const { waits, retry } = recordingRetry();
    await createCompletionsClient({ baseUrl: server.url, model: 'm', retry }).complete(request);
    expect(waits).toEqual([400, 1000]);
  });

  it('gives up after maxRetries + 1 attempts with a UserError naming the URL', async () => {
    const server = await fakeServer([status(502)]);
    const { waits, retry } = recordingRetry(2);
    const error = await userErrorOf(createCompletionsClient({ baseUrl: server.url, model: 'm', retry }).complete(request));
    expect(server.bodies).toHaveLength(3);
    expect(waits).toHaveLength(2);
    expect(error.message).toContain(server.url);
    expect(error.message).toContain('3 attempts');
    expect(error.message).toContain('HTTP 502: status 502');
  });

  it('explains a refused connection, after retrying it', async () => {
    const server = await fakeServer([ok]);
    for (const s of servers.splice(0)) s.close();
    await new Promise((r) => setTimeout(r, 50));
    const { waits, retry } = recordingRetry(1);
    const error = await userErrorOf(createCompletionsClient({ baseUrl: server.url, model: 'm', retry }).complete(request));
    expect(waits).toHaveLength(1);
    expect(error.message).toMatch(/Nothing is listening at http:\/\/127\.0\.0\.1:\d+\/v1 \(connection refused/);
    expect(error.message).toContain('--base-url');
  });

  it('names the served models when the model is unknown (404), without retrying', async () => {
    const server = await fakeServer([status(404)]);
    const { waits, retry } = recordingRetry();
    const error = await userErrorOf(createCompletionsClient({ baseUrl: server.url, model: 'nope', retry }).complete(request));
    expect(waits).toEqual([]);
    expect(error.message).toContain(`${server.url} does not serve model "nope"`);
    expect(error.message).toContain('It serves: served-model');
  });

  it('rejects a body that is not completions JSON, naming the URL and showing the body', async () => {
    const server = await fakeServer([(_b, _r, res) => { res.writeHead(200); res.end('<html>proxy login</html>'); }]);
    const error = await userErrorOf(createCompletionsClient({ baseUrl: server.url, model: 'm' }).complete(request));
    expect(error.message).toContain(server.url);
    expect(error.message).toContain('proxy login');
    const missing = await fakeServer([(_b, _r, res) => json(res, 200, { choices: [] })]);
    expect((await userErrorOf(createCompletionsClient({ baseUrl: missing.url, model: 'm' }).complete(request))).message).toContain('not OpenAI completions JSON');
  });

  it('reports a 400 with the server message and does not retry it', async () => {
    const server = await fakeServer([status(400)]);
    const { waits, retry } = recordingRetry();
    const error = await userErrorOf(createCompletionsClient({ baseUrl: server.url, model: 'm', retry }).complete(request));
    expect(waits).toEqual([]);
    expect(error.message).toContain('HTTP 400: status 400');
  });

  it('accepts the server root with or without /v1, and refuses a non-URL', () => {
    expect(completionsBaseUrl('http://127.0.0.1:8000')).toBe('http://127.0.0.1:8000/v1');
    expect(completionsBaseUrl('http://127.0.0.1:8000/v1/')).toBe('http://127.0.0.1:8000/v1');
    expect(completionsBaseUrl('http://h/proxy')).toBe('http://h/proxy/v1');
    expect(() => completionsBaseUrl('localhost 8000')).toThrow(/--base-url "localhost 8000" is not a URL/);
  });

  it('backoff grows exponentially between half and the full step, and stays under the cap', () => {
    const at = (random: number, attempt: number) => backoffDelayMs({ baseDelayMs: 100, maxDelayMs: 1000, random: () => random }, attempt);
    expect([0, 1, 2, 3].map((a) => at(0, a))).toEqual([50, 100, 200, 400]);
    expect([0, 1, 2, 3].map((a) => at(0.999999, a))).toEqual([100, 200, 400, 800]);
    expect(at(0.999999, 10)).toBe(1000);
  });
});

describe('mapConcurrent', () => {
  it('keeps at most `limit` calls in flight and returns results in input order', async () => {
    let inFlight = 0;
    let peak = 0;
    const out = await mapConcurrent([5, 1, 4, 2, 3, 0, 6], 3, async (ms, i) => {
      peak = Math.max(peak, ++inFlight);
      await new Promise((r) => setTimeout(r, ms * 3));
      inFlight--;
      return i * 10;
    });
    expect(out).toEqual([0, 10, 20, 30, 40, 50, 60]);
    expect(peak).toBe(3);
  });

  it('stops starting new calls after a failure and rejects with it', async () => {
    const started: number[] = [];
    await expect(mapConcurrent([0, 1, 2, 3, 4], 2, async (i) => {
      started.push(i);
      if (i === 0) throw new Error('boom');
      await new Promise((r) => setTimeout(r, 20));
      return i;
    })).rejects.toThrow('boom');
    expect(started.length).toBeLessThan(5);
  });
});
