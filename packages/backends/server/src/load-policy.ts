import { type LoadOptions, type Policy } from '@prompt-aug/plugin-api';
import { loadTokenizer, readModelConfig, type TextTokenizer } from '@prompt-aug/core/model';
import { basename } from 'node:path';
import type { Dialect, ServedModel } from './dialects/dialect.js';
import { openaiDialect } from './dialects/openai.js';
import { sglangDialect } from './dialects/sglang.js';
import { vllmDialect } from './dialects/vllm.js';
import type { ServerClient } from '@prompt-aug/core/http';
import { readServerLoadOptions, type ServerLoadOptions } from './load-options.js';
import { ServerPolicy } from './policy/server-policy.js';
import { ServerPool } from './pool/server-pool.js';

/**
 * A Policy over inference servers. Only the model's config.json and tokenizer are read from
 * `modelDir` (ids, vocabulary, EOS); the weights stay on the servers.
 */
export async function loadServerPolicy(options: LoadOptions): Promise<Policy> {
  const settings = readServerLoadOptions(options);
  const config = await readModelConfig(options.modelDir);
  const tokenizer = await loadTokenizer(options.modelDir);
  const onNotice = typeof options.onNotice === 'function' ? (options.onNotice as (m: string) => void) : (m: string) => process.emitWarning(m);
  const models = new Map<ServerClient, Promise<string | undefined>>();
  // vLLM and OpenAI servers want `model` to be a served name; ask each server once.
  const model = (client: ServerClient) => {
    if (settings.servedModel) return Promise.resolve(settings.servedModel);
    if (!models.has(client)) models.set(client, servedModelName(client));
    return models.get(client)!;
  };
  const dialect = makeDialect(settings, model, tokenizer);
  const pool = new ServerPool(settings.servers, dialect, {
    maxConcurrent: settings.maxConcurrent,
    timeoutMs: settings.timeoutMs,
    ...(settings.apiKey ? { apiKey: settings.apiKey } : {}),
    onNotice,
    startingWeights: { dir: options.modelDir, version: basename(options.modelDir) },
  });
  await Promise.allSettled(pool.servers.map((s) => dialect.prepare?.(s.client)));
  if (!dialect.tokenIdsNative) onNotice('rollout servers of kind "openai" take text and give text: prompts are decoded and completions re-tokenized with the model\'s tokenizer, and engine log-probs are not available (the trainer recomputes them).');
  return new ServerPolicy(
    {
      backend: `backend-server (${settings.kind})`,
      device: `${settings.servers.length} server${settings.servers.length > 1 ? 's' : ''}`,
      architecture: config.architecture,
      numParameters: 0,
      vocabSize: config.vocabSize,
      padTokenId: tokenizer.padTokenId ?? config.padTokenId ?? config.eosTokenIds[0] ?? 0,
      eosTokenIds: tokenizer.eosTokenIds.length > 0 ? tokenizer.eosTokenIds : config.eosTokenIds,
    },
    pool,
  );
}

function makeDialect(settings: ServerLoadOptions, model: ServedModel, tokenizer: TextTokenizer): Dialect {
  if (settings.kind === 'sglang') return sglangDialect();
  return settings.kind === 'vllm' ? vllmDialect(model) : openaiDialect(model, tokenizer);
}

async function servedModelName(client: ServerClient): Promise<string | undefined> {
  const json = (await client.request('GET', '/v1/models', undefined, { timeoutMs: 30_000 })) as { data?: { id?: unknown }[] } | null;
  const id = json?.data?.[0]?.id;
  return typeof id === 'string' ? id : undefined;
}
