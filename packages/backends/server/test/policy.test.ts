import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Policy } from '@prompt-aug/plugin-api';
import { writeTinyModel } from '@prompt-aug/core/model';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import serverBackend from '../src/index.js';
import { echoCompletion, json, startScriptedEngine, type ScriptedEngine } from './helpers/scripted-engine.js';

const modelDir = mkdtempSync(join(tmpdir(), 'pa-server-model-'));
const tiny = await writeTinyModel(modelDir, { hiddenSize: 16, numAttentionHeads: 2, numKeyValueHeads: 1 });
afterAll(() => rmSync(modelDir, { recursive: true, force: true }));

const opened: Array<ScriptedEngine | Policy> = [];
afterEach(async () => {
  for (const x of opened.splice(0)) await ('kill' in x ? x.kill() : x.dispose());
});

describe('backend-server Policy', () => {
  it('turns a left-padded batch into one request per prompt group and lays the answers out like a local backend', async () => {
    const engine = await startScriptedEngine((r, res) => (r.path === '/v1/models' ? json(res, 200, { data: [{ id: 'served-tiny' }] }) : json(res, 200, echoCompletion(r.body, tiny.eosTokenIds[0]))));
    opened.push(engine);
    const policy = await serverBackend.load({ modelDir, servers: [engine.url], serverKind: 'vllm', onNotice: () => undefined });
    opened.push(policy);
    const pad = policy.info.padTokenId;
    // Rows 0-1 share prompt [3, 4, 5]; rows 2-4 share the shorter prompt [7, 9].
    const out = await policy.generate({
      inputIds: [[3, 4, 5], [3, 4, 5], [pad, 7, 9], [pad, 7, 9], [pad, 7, 9]],
      attentionMask: [[1, 1, 1], [1, 1, 1], [0, 1, 1], [0, 1, 1], [0, 1, 1]],
      maxNewTokens: 3,
      temperature: 1,
      seed: 5,
      returnLogprobs: true,
    });
    const requests = engine.seen.filter((r) => r.path === '/v1/completions').map((r) => r.body);
    expect(requests.map((b) => [b.prompt, b.n, b.model])).toEqual([[[3, 4, 5], 2, 'served-tiny'], [[7, 9], 3, 'served-tiny']]);
    // The first group keeps the batch seed (so one group per batch samples as an in-process engine would); the others get their own.
    expect(requests[0].seed).toBe(5);
    expect(requests[1].seed).not.toBe(5);
    const eos = tiny.eosTokenIds[0]!;
    expect(out.tokens).toEqual([[6, eos, pad], [7, eos, pad], [10, eos, pad], [11, eos, pad], [12, eos, pad]]);
    expect(out.lengths).toEqual([2, 2, 2, 2, 2]);
    expect(out.finishReasons).toEqual(['eos', 'eos', 'eos', 'eos', 'eos']);
    expect(out.logprobs).toEqual([[-0.25, -0.5, 0], [-0.5, -0.5, 0], [-0.25, -0.5, 0], [-0.5, -0.5, 0], [-0.75, -0.5, 0]]);
    expect(policy.info).toMatchObject({ backend: 'backend-server (vllm)', vocabSize: tiny.vocabSize, numParameters: 0 });
  });

  it('cannot score or train, and says what to use instead', async () => {
    const policy = await serverBackend.load({ modelDir, servers: ['http://127.0.0.1:9'], onNotice: () => undefined });
    opened.push(policy);
    await expect(policy.logprobs({ promptIds: [[1]], promptMask: [[1]], responseIds: [[1]], responseMask: [[1]] })).rejects.toThrow(/cannot score.*--rollout-backend/);
    expect(serverBackend.capabilities).toEqual({ generate: true, score: false, train: false });
  });

  it('refuses bad server lists and kinds with the flag to fix', async () => {
    await expect(serverBackend.load({ modelDir })).rejects.toThrow(/--rollout-server http:\/\/HOST:PORT/);
    await expect(serverBackend.load({ modelDir, servers: ['127.0.0.1:8000'] })).rejects.toThrow(/not an http\(s\) URL/);
    await expect(serverBackend.load({ modelDir, servers: ['http://127.0.0.1:8000', 'http://127.0.0.1:8000/v1'] })).rejects.toThrow(/same server twice/);
    await expect(serverBackend.load({ modelDir, servers: ['http://127.0.0.1:8000'], serverKind: 'tgi' })).rejects.toThrow(/--rollout-server-kind "tgi" is not one of vllm, sglang, openai/);
  });

  it('a model mismatch (ids beyond the vocabulary) stops with a clear message', async () => {
    const engine = await startScriptedEngine((r, res) => json(res, 200, { choices: [{ index: 0, finish_reason: 'length', token_ids: [tiny.vocabSize + 5] }] }));
    opened.push(engine);
    const policy = await serverBackend.load({ modelDir, servers: [engine.url], serverKind: 'vllm', servedModel: 'x', onNotice: () => undefined });
    opened.push(policy);
    await expect(policy.generate({ inputIds: [[3]], attentionMask: [[1]], maxNewTokens: 2 })).rejects.toThrow(/serves a different model/);
  });
});

describe('backend-server Policy errors', () => {
  it('an engine that refuses a request (HTTP 400) stops the run with its message and the flags to fix', async () => {
    const engine = await startScriptedEngine((r, res) => json(res, 400, { object: 'error', message: "This model's maximum context length is 16 tokens.", type: 'BadRequestError', param: null, code: 400 }));
    opened.push(engine);
    const policy = await serverBackend.load({ modelDir, servers: [engine.url], servedModel: 'x', onNotice: () => undefined });
    opened.push(policy);
    await expect(policy.generate({ inputIds: [[3, 4]], attentionMask: [[1, 1]], maxNewTokens: 20 })).rejects.toThrow(
      /refused a request \(2 prompt tokens, max_tokens 20, n 1\): POST .* answered HTTP 400: This model's maximum context length is 16 tokens\. Make --max-prompt-tokens/,
    );
  });
});

describe('backend-server start-up', () => {
  it('resumes vLLM servers a dead trainer may have left paused (POST /resume), and starts even when one is down', async () => {
    const engine = await startScriptedEngine((r, res) => json(res, 200, {}));
    opened.push(engine);
    const policy = await serverBackend.load({ modelDir, servers: [engine.url, 'http://127.0.0.1:9'], serverKind: 'vllm', servedModel: 'x', onNotice: () => undefined });
    opened.push(policy);
    expect(engine.seen.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /resume']);
  });
});

describe('backend-server stale servers', () => {
  it('a server that restarted since the last sync (it reports its launch weights) is reloaded and its work re-sent, not used stale', async () => {
    const make = (name: string) => {
      const state = { version: 'base', loads: [] as string[], answered: 0 };
      return {
        state,
        start: () =>
          startScriptedEngine((r, res) => {
            if (r.path === '/collective_rpc') {
              state.version = r.body.kwargs.weights_path.split('/').pop();
              state.loads.push(state.version);
              return json(res, 200, { results: [null] });
            }
            if (r.path === '/get_weight_version') return json(res, 200, { weight_version: state.version });
            if (r.path === '/v1/completions') {
              state.answered++;
              return json(res, 200, { ...(echoCompletion(r.body, tiny.eosTokenIds[0]) as object), weight_version: state.version });
            }
            json(res, 200, {});
          }).then((e) => (opened.push(e), e)),
        name,
      };
    };
    const a = make('a');
    const b = make('b');
    const [ea, eb] = [await a.start(), await b.start()];
    const notices: string[] = [];
    const policy = await serverBackend.load({ modelDir, servers: [ea.url, eb.url], serverKind: 'vllm', servedModel: 'x', onNotice: (m: string) => notices.push(m) });
    opened.push(policy);
    await policy.updateWeights!('/sync/step-000001');
    a.state.version = 'base'; // A restarted on its launch weights between two requests
    const out = await policy.generate({ inputIds: [[3], [3], [5], [5]], attentionMask: [[1], [1], [1], [1]], maxNewTokens: 2 });
    expect(out.tokens.map((row) => row[0])).toEqual([4, 5, 6, 7]);
    expect(out.weightVersion).toBe('step-000001');
    expect(notices[0]).toMatch(/left the pool \(answered with weight version "base", not the synced "step-000001"/);
    for (let i = 0; i < 200 && a.state.loads.length < 2; i++) await new Promise((r) => setTimeout(r, 20));
    expect(a.state.loads).toEqual(['step-000001', 'step-000001']); // reloaded by the probe before it rejoins
  });
});

