import type { FinishReason } from '@prompt-aug/plugin-api';
import type { ServerClient } from '@prompt-aug/core/http';

export type ServerKind = 'vllm' | 'sglang' | 'openai';
export const SERVER_KINDS: readonly ServerKind[] = ['vllm', 'sglang', 'openai'];

/** All `n` rollouts of one prompt: one request to one server. */
export interface GroupRequest {
  promptIds: number[];
  n: number;
  maxTokens: number;
  /** 0 = greedy. */
  temperature: number;
  topP: number;
  /** 0 = off. */
  topK: number;
  seed: number;
  /** Ids that end a rollout (the model's EOS ids); the engine includes the one it stopped on. */
  stopTokenIds: number[];
  stop: string[];
  /** Ask for the sampled tokens' log-probs (processed: temperature applied). */
  logprobs: boolean;
}

/** One rollout as the engine returned it. */
export interface EngineChoice {
  tokenIds: number[];
  /** The engine's log-prob of each token in `tokenIds`, when it gave them. */
  logprobs?: number[];
  finishReason: FinishReason;
  /** The weight version the engine reported for this answer, when it reports one. */
  weightVersion?: string;
}

/** How one kind of engine is spoken to. Parsers throw ProtocolError on bodies they cannot read. */
export interface Dialect {
  readonly kind: ServerKind;
  /** True when the engine returns token ids and log-probs itself (no re-tokenizing). */
  readonly tokenIdsNative: boolean;
  generate(client: ServerClient, request: GroupRequest, signal?: AbortSignal): Promise<EngineChoice[]>;
  /** Load the HF folder `dir` as weight version `version`; resolves with the version the server reports, if it reports one. */
  reload(client: ServerClient, dir: string, version: string): Promise<string | undefined>;
  /** The weight version the server serves now, if it can tell. */
  weightVersion(client: ServerClient): Promise<string | undefined>;
  /** Undo what a trainer that died mid-sync may have left behind (vLLM: a paused server). Best effort. */
  prepare?(client: ServerClient): Promise<void>;
}

/** The `model` to name in a request to this server (vLLM and OpenAI servers check it). */
export type ServedModel = (client: ServerClient) => Promise<string | undefined>;

/** An answer whose shape is not what the engine's documentation says. */
export class ProtocolError extends Error {
  override readonly name = 'ProtocolError';
}

export function isTokenIdList(value: unknown): value is number[] {
  return Array.isArray(value) && value.every((v) => Number.isInteger(v) && v >= 0);
}

export function isLogprobList(value: unknown, length: number): value is number[] {
  return Array.isArray(value) && value.length === length && value.every((v) => typeof v === 'number' && (Number.isFinite(v) || v === Number.NEGATIVE_INFINITY));
}
