import { afterEach, describe, expect, it } from 'vitest';
import { ServerClient } from '@prompt-aug/core/http';
import { ServerFailure } from '@prompt-aug/core/http';
import { sglangDialect } from '../src/dialects/sglang.js';
import { vllmDialect } from '../src/dialects/vllm.js';
import { ServerPool } from '../src/pool/server-pool.js';
import type { GroupRequest } from '../src/dialects/dialect.js';
import { echoCompletion, json, sleep, startScriptedEngine, type ScriptedEngine } from './helpers/scripted-engine.js';

const started: ScriptedEngine[] = [];
const pools: ServerPool[] = [];
afterEach(async () => {
  pools.splice(0).forEach((p) => p.close());
  await Promise.all(started.splice(0).map((e) => e.kill()));
});

async function engine(...args: Parameters<typeof startScriptedEngine>) {
  const e = await startScriptedEngine(...args);
  started.push(e);
  return e;
}

function pool(urls: string[], kind: 'vllm' | 'sglang' = 'vllm', notices: string[] = []) {
  const p = new ServerPool(urls, kind === 'vllm' ? vllmDialect(async () => 'tiny') : sglangDialect(), { probeIntervalMs: 50, allDownTimeoutMs: 3000, onNotice: (m) => notices.push(m) });
  pools.push(p);
  return p;
}

const group = (last: number, n: number): GroupRequest => ({ promptIds: [1, last], n, maxTokens: 8, temperature: 1, topP: 1, topK: 0, seed: last, stopTokenIds: [2], stop: [], logprobs: true });

const completions = (e: ScriptedEngine) => e.seen.filter((r) => r.path === '/v1/completions');

describe('ServerPool', () => {
  it('sends each prompt group as one request with n and spreads groups by fewest outstanding requests', async () => {
    let release: (() => void) | undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const answer = (hold: boolean) => async (r: { path: string; body: any }, res: any) => {
      if (hold) await held;
      json(res, 200, echoCompletion(r.body));
    };
    const a = await engine(answer(true));
    const b = await engine(answer(false));
    const p = pool([a.url, b.url]);
    const run = (last: number) => p.run((s) => p.dialect.generate(s.client, group(last, 4)));
    // Group 10 goes to A (a tie goes to the first listed) and stays outstanding there,
    // so 20, 30 and 40 each find B with fewer outstanding requests; then 50 and 60 run together.
    const first = run(10);
    const rest = [await run(20), await run(30), await run(40)];
    const pair = Promise.all([run(50), run(60)]);
    release!();
    const results = [await first, ...rest, ...(await pair)];
    expect(completions(a).map((r) => r.body.prompt[1])).toEqual([10, 60]);
    expect(completions(b).map((r) => r.body.prompt[1])).toEqual([20, 30, 40, 50]);
    expect([...completions(a), ...completions(b)].every((r) => r.body.n === 4 && r.body.return_token_ids === true && r.body.logprobs === 0)).toBe(true);
    // Each group got its own answer: choice k of prompt [1, z] is [z + k + 1, EOS].
    const order = [10, 20, 30, 40, 50, 60];
    results.forEach((choices, i) => expect(choices.map((c) => c.tokenIds)).toEqual([0, 1, 2, 3].map((k) => [order[i]! + k + 1, 2])));
    expect(results[0]![1]!.logprobs).toEqual([-0.5, -0.5]);
  });

  it('re-sends the work of a server that dies mid-request to the other, exactly once each, and takes it back when it answers again', async () => {
    let killNow: (() => void) | undefined;
    const dying = await engine(async (r, res) => {
      if (r.path === '/v1/completions') {
        await sleep(30);
        killNow?.(); // dies holding the request, as a SIGKILLed server would
        return;
      }
      json(res, 200, {});
    });
    killNow = () => void dying.kill();
    const healthy = await engine(async (r, res) => json(res, 200, r.path === '/v1/completions' ? echoCompletion(r.body) : {}));
    const notices: string[] = [];
    const p = pool([dying.url, healthy.url], 'vllm', notices);
    const lasts = [10, 20, 30, 40, 50, 60];
    const results = await Promise.all(lasts.map((last) => p.run((s) => p.dialect.generate(s.client, group(last, 2)))));
    results.forEach((choices, i) => expect(choices.map((c) => c.tokenIds[0])).toEqual([lasts[i]! + 1, lasts[i]! + 2]));
    // Every group was answered by the healthy server exactly once; none is missing or repeated.
    expect(completions(healthy).map((r) => r.body.prompt[1]).sort((x, y) => x - y)).toEqual(lasts);
    expect(p.servers[0]!.alive).toBe(false);
    expect(notices[0]).toMatch(/left the pool/);

    // Back on the same port: the probe finds it and it gets work again.
    const back = await engine(async (r, res) => json(res, 200, r.path === '/v1/completions' ? echoCompletion(r.body) : {}), dying.port);
    for (let i = 0; i < 100 && !p.servers[0]!.alive; i++) await sleep(20);
    expect(p.servers[0]!.alive).toBe(true);
    expect(notices.at(-1)).toMatch(/rejoined/);
    await Promise.all([70, 80].map((last) => p.run((s) => p.dialect.generate(s.client, group(last, 1)))));
    expect(completions(back).length).toBeGreaterThan(0);
  });

  it('a rejected request (HTTP 400) is the caller\'s mistake: no failover, the engine\'s message is kept', async () => {
    const a = await engine((r, res) => json(res, 400, { error: { message: "This model's maximum context length is 32 tokens.", type: 'BadRequestError', param: null, code: 400 } }));
    const b = await engine((r, res) => json(res, 200, echoCompletion(r.body)));
    const p = pool([a.url, b.url]);
    const error = await p.run((s) => p.dialect.generate(s.client, group(10, 1))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServerFailure);
    expect((error as ServerFailure).kind).toBe('rejected');
    expect((error as Error).message).toMatch(/HTTP 400: This model's maximum context length is 32 tokens\./);
    expect(completions(b)).toHaveLength(0);
  });

  it('stops with one paragraph naming the servers when none answers', async () => {
    const a = await engine((r, res) => json(res, 200, {}));
    await a.kill();
    const p = new ServerPool([a.url], vllmDialect(async () => 'tiny'), { probeIntervalMs: 50, allDownTimeoutMs: 300, onNotice: () => undefined });
    pools.push(p);
    await expect(p.run((s) => p.dialect.generate(s.client, group(10, 1)))).rejects.toThrow(/No rollout server answered for 0 s: http:\/\/127\.0\.0\.1:\d+ \(.*ECONNREFUSED/);
  });

  it('a failed reload puts the servers that switched back on the previous weights, and says so', async () => {
    const loads: Record<'a' | 'b', string[]> = { a: [], b: [] };
    const control = (name: 'a' | 'b', failOn: string | undefined) => (r: { path: string; body: any }, res: any) => {
      if (r.path === '/update_weights_from_disk') {
        if (r.body.model_path === failOn) return json(res, 400, { success: false, message: `Failed to get weights iterator: ${failOn}` });
        loads[name].push(r.body.weight_version);
        return json(res, 200, { success: true, message: 'Succeeded to update model weights.' });
      }
      if (r.path === '/get_weight_version') return json(res, 200, { weight_version: loads[name].at(-1) ?? 'base' });
      json(res, 404, { error: { message: 'no route' } });
    };
    const a = await engine(control('a', undefined));
    const b = await engine(control('b', '/sync/step-000002'));
    const p = pool([a.url, b.url], 'sglang');
    await p.reloadAll({ dir: '/sync/step-000001', version: 'step-000001' });
    expect(p.weights?.version).toBe('step-000001');
    await expect(p.reloadAll({ dir: '/sync/step-000002', version: 'step-000002' })).rejects.toThrow(
      /Weight sync failed: http:\/\/127\.0\.0\.1:\d+ could not load \/sync\/step-000002 .*Failed to get weights iterator.*left on \(or put back to\) version step-000001/,
    );
    expect(loads.a).toEqual(['step-000001', 'step-000002', 'step-000001']);
    expect(loads.b).toEqual(['step-000001']);
    expect(p.weights?.version).toBe('step-000001');
  });

  it('a server that reports another version than it was told to load is a failed sync (stale weights)', async () => {
    const a = await engine((r, res) => (r.path === '/get_weight_version' ? json(res, 200, { weight_version: 'step-000001' }) : json(res, 200, { success: true })));
    const p = pool([a.url], 'sglang');
    await expect(p.reloadAll({ dir: '/sync/step-000003', version: 'step-000003' })).rejects.toThrow(/reports weight version "step-000001" after loading version "step-000003"/);
  });
});

describe('ServerClient', () => {
  it('waits out 429 and 503 with backoff that honours Retry-After, then succeeds', async () => {
    let calls = 0;
    const e = await engine((r, res) => {
      calls++;
      if (calls === 1) return json(res, 429, { error: { message: 'queue full' } }, { 'retry-after': '2' });
      if (calls === 2) return json(res, 503, { error: { message: 'starting' } });
      json(res, 200, { ok: true });
    });
    const waits: number[] = [];
    const client = new ServerClient(e.url, { retry: { baseDelayMs: 100, maxDelayMs: 10_000, random: () => 0, sleep: async (ms) => void waits.push(ms) } });
    await expect(client.request('POST', '/x', {})).resolves.toEqual({ ok: true });
    // 1st wait: Retry-After 2 s beats the 50 ms jittered step; 2nd: 200 ms step, jitter 0 → 100 ms.
    expect(waits).toEqual([2000, 100]);
  });

  it('keeps at most maxConcurrent requests in flight to one server', async () => {
    let inFlight = 0;
    let most = 0;
    const e = await engine(async (r, res) => {
      most = Math.max(most, ++inFlight);
      await sleep(30);
      inFlight--;
      json(res, 200, {});
    });
    const client = new ServerClient(e.url, { maxConcurrent: 2 });
    await Promise.all(Array.from({ length: 6 }, () => client.request('POST', '/x', {})));
    expect(most).toBe(2);
  });

  it('a request that outlives its timeout is reported as a down server, not retried', async () => {
    const e = await engine(async () => undefined); // never answers
    const client = new ServerClient(e.url, { timeoutMs: 100 });
    const error = (await client.request('POST', '/x', {}).catch((x: unknown) => x)) as ServerFailure;
    expect(error.kind).toBe('down');
    expect(error.message).toMatch(/got no answer \(timed out\)/);
    expect(e.seen).toHaveLength(1);
  });
});

describe('ServerPool reload with a dead server', () => {
  it('a server that does not answer a reload leaves the pool instead of failing the sync; it loads the current weights before it rejoins', async () => {
    const versions: string[] = [];
    const live = await engine((r, res) => {
      if (r.path === '/update_weights_from_disk') {
        versions.push(r.body.weight_version);
        return json(res, 200, { success: true });
      }
      json(res, r.path === '/get_weight_version' ? 200 : 404, r.path === '/get_weight_version' ? { weight_version: versions.at(-1) } : {});
    });
    const dead = await engine((r, res) => json(res, 200, {}));
    const deadPort = dead.port;
    await dead.kill();
    const notices: string[] = [];
    const p = pool([dead.url, live.url], 'sglang', notices);
    await p.reloadAll({ dir: '/sync/step-000001', version: 'step-000001' });
    expect(p.weights?.version).toBe('step-000001');
    expect(p.servers.map((s) => s.alive)).toEqual([false, true]);
    const loadedOnReturn: string[] = [];
    await engine((r, res) => {
      if (r.path === '/update_weights_from_disk') loadedOnReturn.push(r.body.weight_version);
      json(res, 200, r.path === '/get_weight_version' ? { weight_version: loadedOnReturn.at(-1) } : { success: true });
    }, deadPort);
    for (let i = 0; i < 100 && !p.servers[0]!.alive; i++) await sleep(20);
    expect(loadedOnReturn).toEqual(['step-000001']);
    expect(notices.at(-1)).toMatch(/rejoined the pool with weight version step-000001/);
  });
});
