import { type LoadOptions } from '@prompt-aug/plugin-api';
import { UserError } from '@prompt-aug/core';
import { SERVER_KINDS, type ServerKind } from './dialects/dialect.js';

/** What `load()` reads beside `modelDir` (the trainer passes the `rollout.*` config keys). */
export interface ServerLoadOptions {
  /** Server roots, e.g. http://127.0.0.1:8000 (a trailing /v1 is fine). */
  servers: string[];
  kind: ServerKind;
  /** Requests in flight per server (default 16). */
  maxConcurrent: number;
  /** One request's time limit in ms (default 10 minutes). */
  timeoutMs: number;
  apiKey?: string;
  /** The served model name; default: the first of the server's GET /v1/models. */
  servedModel?: string;
}

export function readServerLoadOptions(options: LoadOptions): ServerLoadOptions {
  const raw = options.servers;
  const servers = typeof raw === 'string' ? [raw] : raw;
  if (!Array.isArray(servers) || servers.length === 0 || !servers.every((s) => typeof s === 'string')) {
    throw new UserError('backend-server needs at least one server: pass --rollout-server http://HOST:PORT (once per server), or `rollout.servers` in the config file.', 'PA_SERVER_NONE_GIVEN');
  }
  for (const url of servers) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(url);
    } catch {
      parsed = undefined;
    }
    if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) {
      throw new UserError(`--rollout-server ${JSON.stringify(url)} is not an http(s) URL; give the server root, e.g. --rollout-server http://127.0.0.1:8000.`, 'PA_SERVER_BAD_URL');
    }
  }
  if (new Set(servers.map((s) => s.replace(/\/+$/, '').replace(/\/v1$/, ''))).size !== servers.length) {
    throw new UserError(`--rollout-server lists the same server twice (${servers.join(', ')}); each server is given once.`, 'PA_SERVER_DUPLICATE_URL');
  }
  const kind = options.serverKind ?? 'vllm';
  if (typeof kind !== 'string' || !SERVER_KINDS.includes(kind as ServerKind)) {
    throw new UserError(`--rollout-server-kind ${JSON.stringify(kind)} is not one of ${SERVER_KINDS.join(', ')} (pa serve speaks vllm and sglang).`, 'PA_SERVER_BAD_KIND');
  }
  return {
    servers,
    kind: kind as ServerKind,
    maxConcurrent: positiveInteger(options.maxConcurrentPerServer, 16, 'maxConcurrentPerServer'),
    timeoutMs: positiveInteger(options.requestTimeoutMs, 600_000, 'requestTimeoutMs'),
    ...(typeof options.apiKey === 'string' && options.apiKey ? { apiKey: options.apiKey } : {}),
    ...(typeof options.servedModel === 'string' && options.servedModel ? { servedModel: options.servedModel } : {}),
  };
}

function positiveInteger(value: unknown, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) throw new UserError(`backend-server option ${name} must be a whole number of at least 1; got ${JSON.stringify(value)}.`, 'PA_SERVER_BAD_OPTION');
  return value;
}
