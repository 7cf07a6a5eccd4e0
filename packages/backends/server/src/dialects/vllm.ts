import type { FinishReason } from '@prompt-aug/plugin-api';
import { isLogprobList, isTokenIdList, ProtocolError, type Dialect, type EngineChoice, type GroupRequest, type ServedModel } from './dialect.js';
import { readWeightVersion } from './weight-version.js';

/**
 * vLLM's OpenAI-compatible `POST /v1/completions` with a token-id prompt (vLLM ≥ 0.10 for
 * `return_token_ids`, PR #22587). `logprobs: 0` returns the sampled token's log-prob only; serve
 * with `--logprobs-mode processed_logprobs` so it has the temperature applied.
 */
export function vllmBody(request: GroupRequest, model: string | undefined): Record<string, unknown> {
  return {
    ...(model !== undefined ? { model } : {}),
    prompt: request.promptIds,
    n: request.n,
    max_tokens: request.maxTokens,
    temperature: request.temperature,
    top_p: request.topP,
    ...(request.topK > 0 ? { top_k: request.topK } : {}),
    seed: request.seed,
    ...(request.stopTokenIds.length > 0 ? { stop_token_ids: request.stopTokenIds } : {}),
    ...(request.stop.length > 0 ? { stop: request.stop } : {}),
    ...(request.logprobs ? { logprobs: 0 } : {}),
    return_token_ids: true,
  };
}

interface VllmChoice {
  index?: unknown;
  token_ids?: unknown;
  finish_reason?: unknown;
  stop_reason?: unknown;
  logprobs?: { token_logprobs?: unknown } | null;
}

/** The choices of a vLLM completions answer, in `index` order, as EngineChoices. */
export function parseVllmCompletion(json: unknown, request: Pick<GroupRequest, 'n' | 'logprobs'>): EngineChoice[] {
  const choices = (json as { choices?: unknown })?.choices;
  if (!Array.isArray(choices)) throw new ProtocolError('the answer has no `choices` list');
  if (choices.length !== request.n) throw new ProtocolError(`asked for n=${request.n} completions, got ${choices.length}`);
  const ordered = [...(choices as VllmChoice[])].sort((a, b) => Number(a.index ?? 0) - Number(b.index ?? 0));
  // pa serve names the weights that answered (vLLM does not): keep it as the rollouts' tag.
  const version = (json as { weight_version?: unknown }).weight_version;
  const tag = typeof version === 'string' ? { weightVersion: version } : {};
  return ordered.map((choice, i) => {
    if (!isTokenIdList(choice.token_ids)) {
      throw new ProtocolError(`choice ${i} has no \`token_ids\` list: the server ignored return_token_ids (vLLM older than 0.10?)`);
    }
    const tokenIds = choice.token_ids;
    const finishReason = vllmFinishReason(choice.finish_reason, choice.stop_reason, i);
    if (!request.logprobs) return { tokenIds, finishReason, ...tag };
    const logprobs = choice.logprobs?.token_logprobs;
    if (!isLogprobList(logprobs, tokenIds.length)) throw new ProtocolError(`choice ${i} has no \`logprobs.token_logprobs\` list with one number per token`);
    return { tokenIds, logprobs, finishReason, ...tag };
  });
}

/** finish_reason "stop" with a string stop_reason is a stop string; with null or an id it is an end-of-sequence token. */
function vllmFinishReason(finish: unknown, stopReason: unknown, index: number): FinishReason {
  if (finish === 'length') return 'length';
  if (finish === 'stop') return typeof stopReason === 'string' ? 'stop' : 'eos';
  if (finish === 'abort') throw new ProtocolError(`choice ${index} was aborted by the server`);
  throw new ProtocolError(`choice ${index} has finish_reason ${JSON.stringify(finish)}`);
}

export const vllmDialect = (model: ServedModel): Dialect => ({
  kind: 'vllm',
  tokenIdsNative: true,
  async generate(client, request, signal) {
    const json = await client.request('POST', '/v1/completions', vllmBody(request, await model(client)), { signal });
    return parseVllmCompletion(json, request);
  },
  async reload(client, dir) {
    // vLLM ≥ 0.11 (PR #23075, needs VLLM_SERVER_DEV_MODE=1): pause keeping requests, reload, resume.
    await client.request('POST', '/pause?mode=keep', undefined);
    try {
      await client.request('POST', '/collective_rpc', { method: 'reload_weights', kwargs: { weights_path: dir } });
    } finally {
      await client.request('POST', '/resume', undefined).catch(() => undefined);
    }
    return readWeightVersion(client);
  },
  weightVersion: (client) => readWeightVersion(client),
  // A trainer killed between /pause and /resume leaves the server paused: every request would wait forever.
  async prepare(client) {
    await client.request('POST', '/resume', undefined, { timeoutMs: 10_000 });
  },
});

