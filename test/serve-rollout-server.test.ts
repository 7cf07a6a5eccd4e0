import { join } from 'node:path';
import backendOrt from '@prompt-aug/backend-ort';
import { type Policy } from '@prompt-aug/plugin-api';
import { loadTokenizer, writeTinyModel } from '@prompt-aug/core/model';
import { afterAll, describe, expect, it } from 'vitest';
import { killChildren, postJson, startServe } from './helpers/pa-processes.js';
import { tempDir } from './helpers/run-pa.js';

afterAll(killChildren);

const root = tempDir('pa-serve-rollout-');
const base = join(root, 'base');
const next = join(root, 'sync', 'step-000001');
await writeTinyModel(base, { seed: 5, maxPositionEmbeddings: 64, initStd: 0.2 });
await writeTinyModel(next, { seed: 9, maxPositionEmbeddings: 64, initStd: 0.2 });

/** Score `response` after `prompt` on a fresh in-process ORT policy: an independent path (the scorer graph, not the decode loop). */
async function scoreLocally(modelDir: string, prompt: number[], response: number[], temperature: number): Promise<number[]> {
  const policy: Policy = await backendOrt.load({ modelDir });
  try {
    const out = await policy.logprobs({ promptIds: [prompt], promptMask: [prompt.map(() => 1)], responseIds: [response], responseMask: [response.map(() => 1)], temperature });
    return out.logprobs[0]!;
  } finally {
    await policy.dispose();
  }
}

async function greedyLocally(modelDir: string, prompt: number[], maxNewTokens: number): Promise<number[]> {
  const policy: Policy = await backendOrt.load({ modelDir });
  try {
    const out = await policy.generate({ inputIds: [prompt], attentionMask: [prompt.map(() => 1)], maxNewTokens, eosTokenIds: policy.info.eosTokenIds });
    return out.tokens[0]!.slice(0, out.lengths[0]);
  } finally {
    await policy.dispose();
  }
}

describe('pa serve as a rollout server', () => {
  it('takes token-id prompts and returns token ids with the sampled tokens\' log-probs (temperature applied), seeded or random', async () => {
    const serve = await startServe(base, ['--model-name', 'tiny', '--max-n', '4', '--api-key', 'k3y']);
    const auth = { authorization: 'Bearer k3y' };
    const url = `${serve.url}/completions`;
    const prompt = [3, 7, 11, 5];
    const body = { model: 'tiny', prompt, n: 3, max_tokens: 6, temperature: 0.7, seed: 17, logprobs: 0, return_token_ids: true };
    const first = await postJson(url, body, auth);
    expect(first.status, first.text).toBe(200);
    const choices = first.json.choices as { token_ids: number[]; prompt_token_ids: number[]; logprobs: { token_logprobs: number[] }; finish_reason: string }[];
    expect(choices).toHaveLength(3);
    for (const choice of choices) {
      expect(choice.prompt_token_ids).toEqual(prompt);
      expect(choice.token_ids.length).toBeGreaterThan(0);
      const expected = await scoreLocally(base, prompt, choice.token_ids, 0.7);
      expect(choice.logprobs.token_logprobs).toHaveLength(choice.token_ids.length);
      choice.logprobs.token_logprobs.forEach((v, k) => expect(v).toBeCloseTo(expected[k]!, 4));
    }
    // The same seed samples the same tokens; no seed samples differently each time (as OpenAI does).
    expect((await postJson(url, body, auth)).json.choices.map((c: { token_ids: number[] }) => c.token_ids)).toEqual(choices.map((c) => c.token_ids));
    const unseeded = { ...body, seed: undefined, n: 1, max_tokens: 12, temperature: 1 };
    const a = (await postJson(url, unseeded, auth)).json.choices[0].token_ids;
    const b = (await postJson(url, unseeded, auth)).json.choices[0].token_ids;
    expect(a).not.toEqual(b);

    // Client mistakes are 400s that say what to change; no key is a 401.
    expect((await postJson(url, body)).status).toBe(401);
    const tooMany = await postJson(url, { ...body, n: 5 }, auth);
    expect([tooMany.status, tooMany.json.error.message]).toEqual([400, '`n` is 5; this server generates at most 4 completions per prompt.']);
    const tooLong = await postJson(url, { ...body, prompt: new Array(60).fill(3), max_tokens: 10 }, auth);
    expect(tooLong.status).toBe(400);
    expect(tooLong.json.error.message).toMatch(/maximum context length is 64 tokens; prompt 0 has 60 tokens and max_tokens is 10/);
    const badId = await postJson(url, { ...body, prompt: [3, 999999] }, auth);
    expect([badId.status, badId.json.error.message]).toEqual([400, expect.stringMatching(/token id 999999/)]);
    const huge = await postJson(url, { ...body, prompt: 'x'.repeat(5 * 1024 * 1024) }, auth).catch((e: Error) => ({ status: 413, error: e }));
    expect(huge.status).toBe(413);
    const card = await fetch(`${serve.url}/models/tiny`, { headers: auth });
    expect(await card.json()).toMatchObject({ id: 'tiny', object: 'model', max_model_len: 64 });
    expect((await fetch(`${serve.url}/models/other`, { headers: auth })).status).toBe(404);
  });

  it('loads new weights on the SGLang and vLLM reload routes, reports the version, and keeps the old ones when a load fails', async () => {
    const serve = await startServe(base, ['--model-name', 'tiny']);
    const prompt = [4, 9, 2];
    const greedy = async () => (await postJson(`${serve.url}/completions`, { prompt, max_tokens: 5, temperature: 0, return_token_ids: true })).json.choices[0].token_ids as number[];
    const version = async () => ((await (await fetch(`${serve.root}/get_weight_version`)).json()) as { weight_version: string }).weight_version;
    expect(await greedy()).toEqual(await greedyLocally(base, prompt, 5));
    expect(await version()).toBe('base');

    const failed = await postJson(`${serve.root}/update_weights_from_disk`, { model_path: join(root, 'missing'), weight_version: 'step-000009' });
    expect(failed.status).toBe(400);
    expect(failed.json).toMatchObject({ success: false, message: expect.stringMatching(/not a Hugging Face model folder/) });
    expect(await version()).toBe('base');

    const loaded = await postJson(`${serve.root}/update_weights_from_disk`, { model_path: next, weight_version: 'step-000001', flush_cache: true });
    expect(loaded.json).toMatchObject({ success: true });
    expect(await version()).toBe('step-000001');
    expect(await greedy()).toEqual(await greedyLocally(next, prompt, 5));

    // vLLM's sequence: pause (new work waits), reload, resume; the version is the folder's name.
    expect((await postJson(`${serve.root}/pause?mode=keep`, {})).status).toBe(200);
    const during = greedy();
    const rpc = await postJson(`${serve.root}/collective_rpc`, { method: 'reload_weights', kwargs: { weights_path: base } });
    expect(rpc.json).toEqual({ results: [null] });
    expect((await postJson(`${serve.root}/resume`, {})).status).toBe(200);
    expect(await during).toEqual(await greedyLocally(base, prompt, 5));
    expect(await version()).toBe('base');
  });

  it('streams server-sent events that end with [DONE], and answers 429 with Retry-After when its queue is full', async () => {
    const serve = await startServe(base, ['--model-name', 'tiny', '--max-queue', '1']);
    const response = await fetch(`${serve.url}/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ prompt: [3, 4], n: 2, max_tokens: 3, temperature: 0, stream: true }) });
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    const events = (await response.text()).split('\n\n').filter(Boolean).map((e) => e.replace(/^data: /, ''));
    expect(events.at(-1)).toBe('[DONE]');
    const chunks = events.slice(0, -1).map((e) => JSON.parse(e) as { choices: { index: number; text: string }[] });
    expect(chunks.flatMap((c) => c.choices.map((x) => x.index))).toEqual([0, 1]);

    const heavy = { prompt: [3, 4], n: 64, max_tokens: 48, temperature: 1 };
    const answers = await Promise.all(Array.from({ length: 5 }, () => postJson(`${serve.url}/completions`, heavy)));
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses.filter((s) => s === 429).length, JSON.stringify(statuses)).toBeGreaterThan(0);
    expect(statuses.every((s) => s === 200 || s === 429)).toBe(true);
    expect(answers.find((a) => a.status === 429)!.headers.get('retry-after')).toBe('1');
  });

  it('answers /v1/chat/completions with the model\'s chat template: the same tokens as /v1/completions on the rendered prompt', async () => {
    const serve = await startServe(base, ['--model-name', 'tiny']);
    const tokenizer = await loadTokenizer(base);
    const messages = [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'What is 2 + 3?' }];
    const ids = tokenizer.encode(tokenizer.applyChatTemplate(messages, { addGenerationPrompt: true }), { addSpecialTokens: false });
    const chat = await postJson(`${serve.url}/chat/completions`, { model: 'tiny', messages, max_completion_tokens: 6, temperature: 0, logprobs: true, return_token_ids: true });
    expect(chat.status, chat.text).toBe(200);
    expect(chat.json.object).toBe('chat.completion');
    const plain = await postJson(`${serve.url}/completions`, { prompt: ids, max_tokens: 6, temperature: 0, return_token_ids: true });
    expect(chat.json.choices[0].prompt_token_ids).toEqual(ids);
    expect(chat.json.choices[0].token_ids).toEqual(plain.json.choices[0].token_ids);
    expect(chat.json.choices[0].message).toEqual({ role: 'assistant', content: plain.json.choices[0].text });
    expect(chat.json.choices[0].logprobs.content).toHaveLength(plain.json.choices[0].token_ids.length);
    const bad = await postJson(`${serve.url}/chat/completions`, { messages: [{ role: 'wizard', content: 'x' }] });
    expect([bad.status, bad.json.error.message]).toEqual([400, '`messages[0].role` must be system, user, assistant or developer.']);
    const stream = await fetch(`${serve.url}/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ messages, max_tokens: 3, temperature: 0, stream: true }) });
    const events = (await stream.text()).split('\n\n').filter(Boolean).map((e) => e.replace(/^data: /, ''));
    expect(events.at(-1)).toBe('[DONE]');
    const deltas = events.slice(0, -1).map((e) => JSON.parse(e) as { object: string; choices: { delta: { content?: string }; finish_reason: string | null }[] });
    expect(deltas.every((d) => d.object === 'chat.completion.chunk')).toBe(true);
    expect(deltas.at(-1)!.choices[0]!.finish_reason).not.toBeNull();
  });
});

