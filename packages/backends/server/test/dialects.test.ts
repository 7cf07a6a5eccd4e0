import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { errorBodyMessage } from '@prompt-aug/core/http';
import { parseRetryAfter, backoffDelayMs } from '@prompt-aug/core/http';
import { ProtocolError, type GroupRequest } from '../src/dialects/dialect.js';
import { parseVllmCompletion, vllmBody } from '../src/dialects/vllm.js';
import { parseSglangGenerate, sglangBody } from '../src/dialects/sglang.js';
import { openaiBody, parseOpenaiCompletion } from '../src/dialects/openai.js';

const fixture = (path: string) => readFileSync(join(import.meta.dirname, 'fixtures', path), 'utf8');
const json = (path: string) => JSON.parse(fixture(path)) as unknown;

const request: GroupRequest = { promptIds: [5, 6, 7], n: 2, maxTokens: 4, temperature: 1, topP: 0.9, topK: 0, seed: 11, stopTokenIds: [2], stop: [], logprobs: true };

describe('vLLM /v1/completions', () => {
  it('asks for token ids and the sampled log-prob with a token-id prompt', () => {
    expect(vllmBody(request, 'tiny')).toEqual({ model: 'tiny', prompt: [5, 6, 7], n: 2, max_tokens: 4, temperature: 1, top_p: 0.9, seed: 11, stop_token_ids: [2], logprobs: 0, return_token_ids: true });
    expect(vllmBody({ ...request, topK: 5, logprobs: false, stop: ['\n\n'] }, undefined)).toMatchObject({ top_k: 5, stop: ['\n\n'] });
    expect(vllmBody({ ...request, logprobs: false }, undefined)).not.toHaveProperty('logprobs');
  });

  it('reads choices in index order: tokens, log-probs, and EOS vs length', () => {
    const choices = parseVllmCompletion(json('vllm/completion-n2-logprobs.json'), request);
    expect(choices).toEqual([
      { tokenIds: [38, 12, 39, 12], logprobs: [-0.5, -0.25, -2.0, -1.0], finishReason: 'length' },
      { tokenIds: [12, 40, 2], logprobs: [-0.75, -1.5, -0.125], finishReason: 'eos' },
    ]);
  });

  it('tells a stop string (string stop_reason) from an end token', () => {
    const body = { choices: [{ index: 0, token_ids: [1], finish_reason: 'stop', stop_reason: '\n\n' }] };
    expect(parseVllmCompletion(body, { n: 1, logprobs: false })[0]!.finishReason).toBe('stop');
  });

  it('refuses answers without token ids, with the wrong n, or with short log-prob lists', () => {
    const body = json('vllm/completion-n2-logprobs.json') as { choices: Record<string, unknown>[] };
    expect(() => parseVllmCompletion(body, { n: 3, logprobs: true })).toThrow(/n=3.*got 2/);
    const noIds = structuredClone(body);
    delete noIds.choices[0]!.token_ids;
    expect(() => parseVllmCompletion(noIds, request)).toThrow(/return_token_ids/);
    const short = structuredClone(body);
    (short.choices[0]!.logprobs as { token_logprobs: number[] }).token_logprobs.pop();
    expect(() => parseVllmCompletion(short, request)).toThrow(ProtocolError);
    expect(() => parseVllmCompletion({ error: 'x' }, request)).toThrow(/no `choices`/);
  });

  it('reads both of its error body shapes', () => {
    expect(errorBodyMessage(fixture('vllm/error-context-length.json'))).toMatch(/^This model's maximum context length is 2048 tokens/);
    expect(errorBodyMessage(fixture('vllm/error-legacy.json'))).toBe('The model `qwen` does not exist.');
  });
});

describe('SGLang /generate', () => {
  it('sends input_ids with n inside sampling_params and asks for log-probs', () => {
    expect(sglangBody(request)).toEqual({
      input_ids: [5, 6, 7],
      sampling_params: { n: 2, max_new_tokens: 4, temperature: 1, top_p: 0.9, sampling_seed: 11, stop_token_ids: [2] },
      return_logprob: true,
      logprob_start_len: -1,
    });
  });

  it('reads a list of n answers with [logprob, id, text] triples and the weight version', () => {
    expect(parseSglangGenerate(json('sglang/generate-n2-logprobs.json'), request)).toEqual([
      { tokenIds: [38, 12, 39, 12], logprobs: [-0.5, -0.25, -2.0, -1.0], finishReason: 'length', weightVersion: 'step-000004' },
      { tokenIds: [12, 40, 2], logprobs: [-0.75, -1.5, -0.125], finishReason: 'eos', weightVersion: 'step-000004' },
    ]);
  });

  it('reads a single answer (n = 1) whose tokens are only in the log-prob triples; a matched string is a stop string', () => {
    expect(parseSglangGenerate(json('sglang/generate-n1.json'), { n: 1, logprobs: true })).toEqual([{ tokenIds: [41, 9], logprobs: [-0.0625, -0.5], finishReason: 'stop' }]);
  });

  it('refuses disagreeing ids, aborted requests and missing meta_info', () => {
    const list = json('sglang/generate-n2-logprobs.json') as { output_ids: number[]; meta_info: { finish_reason: unknown } }[];
    const bad = structuredClone(list);
    bad[0]!.output_ids[1] = 13;
    expect(() => parseSglangGenerate(bad, request)).toThrow(/different tokens/);
    const aborted = structuredClone(list);
    aborted[1]!.meta_info.finish_reason = { type: 'abort', message: 'out of memory' };
    expect(() => parseSglangGenerate(aborted, request)).toThrow(/aborted by the server: out of memory/);
    expect(() => parseSglangGenerate([{ text: 'x' }, { text: 'y' }], request)).toThrow(/meta_info/);
  });

  it('reads its error and control bodies', () => {
    expect(errorBodyMessage(fixture('sglang/error-bad-request.json'))).toBe("The input (2100 tokens) is longer than the model's context length (2048 tokens).");
    expect(errorBodyMessage(fixture('sglang/update-weights-failed.json'))).toBe('Failed to get weights iterator: /sync/step-000004 (repository not found).');
    expect(errorBodyMessage('{"detail":[{"loc":["body","n"],"msg":"Input should be greater than 0"}]}')).toBe('body.n: Input should be greater than 0');
    expect(errorBodyMessage('<html>Bad Gateway</html>')).toBe('"<html>Bad Gateway</html>"');
    expect(errorBodyMessage('')).toBe('(empty body)');
  });
});

describe('plain OpenAI-compatible /v1/completions', () => {
  // A toy tokenizer: each character is its char code. Decoding and re-encoding are the point here.
  const tokenizer = {
    decode: (ids: readonly number[]) => String.fromCharCode(...ids),
    encode: (text: string) => [...text].map((c) => c.charCodeAt(0)),
  };

  it('sends the prompt as text and re-tokenizes the completions, putting back the EOS the text leaves out', () => {
    expect(openaiBody({ ...request, promptIds: [104, 105] }, 'm', tokenizer)).toEqual({ model: 'm', prompt: 'hi', n: 2, max_tokens: 4, temperature: 1, top_p: 0.9, seed: 11 });
    const answer = { choices: [{ index: 1, text: 'b', finish_reason: 'length' }, { index: 0, text: 'a!', finish_reason: 'stop' }] };
    expect(parseOpenaiCompletion(answer, request, tokenizer)).toEqual([
      { tokenIds: [97, 33, 2], finishReason: 'eos' },
      { tokenIds: [98], finishReason: 'length' },
    ]);
  });
});

describe('backoff', () => {
  it('reads Retry-After as seconds or an HTTP date and lets it lengthen the wait', () => {
    expect(parseRetryAfter('3')).toBe(3);
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:10 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT'))).toBe(10);
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
    const retry = { baseDelayMs: 100, maxDelayMs: 10_000, random: () => 0.5 };
    // attempt 2: step 400 ms, equal jitter 200 + 200 × 0.5 = 300 ms; Retry-After 2 s wins; capped at maxDelayMs.
    expect(backoffDelayMs(retry, 2)).toBe(300);
    expect(backoffDelayMs(retry, 2, 2)).toBe(2000);
    expect(backoffDelayMs(retry, 2, 60)).toBe(10_000);
  });
});
