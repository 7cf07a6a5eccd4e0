import type { FinishReason } from '@prompt-aug/plugin-api';
import { isLogprobList, isTokenIdList, ProtocolError, type Dialect, type EngineChoice, type GroupRequest } from './dialect.js';
import { readWeightVersion } from './weight-version.js';

/** SGLang's native `POST /generate` with `input_ids` (all `n` rollouts in `sampling_params.n`). */
export function sglangBody(request: GroupRequest): Record<string, unknown> {
  return {
    input_ids: request.promptIds,
    sampling_params: {
      n: request.n,
      max_new_tokens: request.maxTokens,
      temperature: request.temperature,
      top_p: request.topP,
      ...(request.topK > 0 ? { top_k: request.topK } : {}),
      sampling_seed: request.seed,
      ...(request.stopTokenIds.length > 0 ? { stop_token_ids: request.stopTokenIds } : {}),
      ...(request.stop.length > 0 ? { stop: request.stop } : {}),
    },
    ...(request.logprobs ? { return_logprob: true, logprob_start_len: -1 } : {}),
  };
}

interface SglangItem {
  output_ids?: unknown;
  meta_info?: {
    finish_reason?: { type?: unknown; matched?: unknown; message?: unknown } | null;
    output_token_logprobs?: unknown;
    weight_version?: unknown;
  };
}

/**
 * The answer of `/generate`: one object for n = 1, a list of n objects otherwise. Tokens come
 * from `output_ids`, or from the `[logprob, token_id, text]` triples of
 * `meta_info.output_token_logprobs` when `output_ids` is absent (older servers).
 */
export function parseSglangGenerate(json: unknown, request: Pick<GroupRequest, 'n' | 'logprobs'>): EngineChoice[] {
  const items = (Array.isArray(json) ? json : [json]) as SglangItem[];
  if (items.length !== request.n) throw new ProtocolError(`asked for n=${request.n} completions, got ${items.length}`);
  return items.map((item, i) => {
    if (typeof item !== 'object' || item === null || typeof item.meta_info !== 'object') throw new ProtocolError(`item ${i} has no \`meta_info\``);
    const triples = item.meta_info.output_token_logprobs;
    const fromTriples = Array.isArray(triples) ? (triples as unknown[][]).map((t) => (Array.isArray(t) ? t[1] : undefined)) : undefined;
    const tokenIds = isTokenIdList(item.output_ids) ? item.output_ids : fromTriples;
    if (!isTokenIdList(tokenIds)) throw new ProtocolError(`item ${i} has neither \`output_ids\` nor \`meta_info.output_token_logprobs\` token ids`);
    const finishReason = sglangFinishReason(item.meta_info.finish_reason, i);
    const version = item.meta_info.weight_version;
    const weightVersion = typeof version === 'string' || typeof version === 'number' ? { weightVersion: String(version) } : {};
    if (!request.logprobs) return { tokenIds, finishReason, ...weightVersion };
    const logprobs = Array.isArray(triples) ? (triples as unknown[][]).map((t) => (Array.isArray(t) ? t[0] : undefined)) : undefined;
    if (!isLogprobList(logprobs, tokenIds.length)) throw new ProtocolError(`item ${i} has no \`meta_info.output_token_logprobs\` with one [logprob, id, text] per output token`);
    if (fromTriples && fromTriples.some((id, k) => id !== tokenIds[k])) throw new ProtocolError(`item ${i}: \`output_ids\` and \`output_token_logprobs\` name different tokens`);
    return { tokenIds, logprobs, finishReason, ...weightVersion };
  });
}

/** `{type: "stop", matched: <id>}` is an end token, `matched: "<text>"` a stop string; `{type: "abort"}` an engine-side failure. */
function sglangFinishReason(reason: { type?: unknown; matched?: unknown; message?: unknown } | null | undefined, index: number): FinishReason {
  const type = reason?.type;
  if (type === 'length') return 'length';
  if (type === 'stop') return typeof reason?.matched === 'string' ? 'stop' : 'eos';
  if (type === 'abort') throw new ProtocolError(`item ${index} was aborted by the server: ${String(reason?.message ?? '')}`);
  throw new ProtocolError(`item ${index} has finish_reason ${JSON.stringify(reason)}`);
}

export const sglangDialect = (): Dialect => ({
  kind: 'sglang',
  tokenIdsNative: true,
  async generate(client, request, signal) {
    return parseSglangGenerate(await client.request('POST', '/generate', sglangBody(request), { signal }), request);
  },
  async reload(client, dir, version) {
    const json = (await client.request('POST', '/update_weights_from_disk', { model_path: dir, flush_cache: true, weight_version: version })) as { success?: unknown; message?: unknown } | null;
    if (json?.success !== true) throw new ProtocolError(`the server did not load ${dir}: ${String(json?.message ?? JSON.stringify(json))}`);
    return readWeightVersion(client);
  },
  weightVersion: (client) => readWeightVersion(client),
});
