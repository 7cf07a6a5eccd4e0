import { type ForwardOutput, type GenerateInput, type GenerateOutput, type Policy, type PolicyInfo, type ScoreOutput } from '@prompt-aug/plugin-api';
import { UserError } from '@prompt-aug/core';
import { basename } from 'node:path';
import type { EngineChoice, GroupRequest } from '../dialects/dialect.js';
import { ServerFailure } from '@prompt-aug/core/http';
import type { ServerPool } from '../pool/server-pool.js';
import { groupSeed, promptGroups } from './prompt-groups.js';

/**
 * A Policy whose generation runs on a pool of inference servers. It holds no weights: it
 * cannot score or train (the trainer recomputes log-probs on its own backend), and
 * `updateWeights(dir)` tells every server to load the HF folder `dir` (which the trainer wrote
 * where the servers can read it), with the folder's name as the weight version.
 */
export class ServerPolicy implements Policy {
  /** The weight version the servers hold (the synced folder's name), once synced. */
  weightVersion: string | undefined;

  constructor(
    readonly info: PolicyInfo,
    private readonly pool: ServerPool,
  ) {}

  async generate(input: GenerateInput): Promise<GenerateOutput> {
    const groups = promptGroups(input.inputIds, input.attentionMask);
    const B = input.inputIds.length;
    const out: GenerateOutput = {
      tokens: Array.from({ length: B }, () => new Array<number>(input.maxNewTokens).fill(this.info.padTokenId)),
      lengths: new Array<number>(B).fill(0),
      finishReasons: new Array(B).fill('length'),
      ...(input.returnLogprobs && this.pool.dialect.tokenIdsNative ? { logprobs: Array.from({ length: B }, () => new Array<number>(input.maxNewTokens).fill(0)) } : {}),
    };
    if (this.weightVersion !== undefined) out.weightVersion = this.weightVersion;
    let reportedAny = false;
    await Promise.all(
      groups.map(async (group, g) => {
        const request: GroupRequest = {
          promptIds: group.promptIds,
          n: group.rows.length,
          maxTokens: input.maxNewTokens,
          temperature: input.temperature ?? 0,
          topP: input.topP ?? 1,
          topK: input.topK ?? 0,
          seed: groupSeed(input.seed ?? 0, g),
          stopTokenIds: input.eosTokenIds ?? this.info.eosTokenIds,
          stop: input.stopStrings ?? [],
          logprobs: Boolean(out.logprobs),
        };
        const choices = await this.pool.run(async (server) => {
          const answer = await this.pool.dialect.generate(server.client, request);
          const stale = answer.find((c) => !this.pool.acceptsVersion(c.weightVersion));
          if (stale) {
            // Restarted since the last sync (it holds its launch weights): reload it before it rejoins, and re-send.
            throw new ServerFailure('down', server.client.root, `answered with weight version ${JSON.stringify(stale.weightVersion)}, not the synced ${JSON.stringify(this.pool.weights?.version)} (it restarted?)`);
          }
          return answer;
        }).catch((error: unknown) => {
          throw error instanceof ServerFailure ? rejectedError(error, request) : error;
        });
        choices.forEach((choice, k) => this.place(out, group.rows[k]!, choice, input.maxNewTokens));
        // The oldest weights that answered (names sort by step: "base" < "step-000001" < …).
        for (const choice of choices) {
          if (choice.weightVersion !== undefined && (reportedAny === false || choice.weightVersion < out.weightVersion!)) out.weightVersion = choice.weightVersion;
          if (choice.weightVersion !== undefined) reportedAny = true;
        }
      }),
    );
    return out;
  }

  private place(out: GenerateOutput, row: number, choice: EngineChoice, maxNewTokens: number): void {
    if (choice.tokenIds.length > maxNewTokens || choice.tokenIds.some((t) => t >= this.info.vocabSize)) {
      throw new UserError(
        `A rollout server returned ${choice.tokenIds.length} tokens (asked for at most ${maxNewTokens}) or ids beyond the model's vocabulary (${this.info.vocabSize}): it serves a different model than --model. Start the servers on the same checkpoint as the trainer.`,
        'PA_SERVER_MODEL_MISMATCH',
      );
    }
    choice.tokenIds.forEach((t, k) => (out.tokens[row]![k] = t));
    out.lengths[row] = choice.tokenIds.length;
    out.finishReasons[row] = choice.finishReason;
    if (out.logprobs && choice.logprobs) choice.logprobs.forEach((v, k) => (out.logprobs![row]![k] = v));
  }

  forward(): Promise<ForwardOutput> {
    return Promise.reject(cannot('forward'));
  }

  logprobs(): Promise<ScoreOutput> {
    return Promise.reject(cannot('score'));
  }

  async updateWeights(source: string | Map<string, Float32Array>): Promise<void> {
    if (typeof source !== 'string') {
      throw new UserError('backend-server loads weights from a folder the servers can read; write the model to --sync-dir and pass that folder.', 'PA_SERVER_WEIGHTS_NEED_FOLDER');
    }
    const version = basename(source);
    await this.pool.reloadAll({ dir: source, version });
    this.weightVersion = version;
  }

  dispose(): void {
    this.pool.close();
  }
}

/** An engine's 4xx: the same request would fail on every server, so the run stops and says why. */
function rejectedError(error: ServerFailure, request: GroupRequest): UserError {
  return new UserError(
    `The rollout server ${error.server} refused a request (${request.promptIds.length} prompt tokens, max_tokens ${request.maxTokens}, n ${request.n}): ${error.message.replace(/\.$/, '')}. Make --max-prompt-tokens plus --max-response-tokens fit the served model's context (vLLM --max-model-len, SGLang --context-length), check the served model name and the server's API key.`,
    'PA_SERVER_REQUEST_REJECTED',
  );
}

function cannot(what: string): UserError {
  return new UserError(`backend-server cannot ${what}: it only generates on inference servers. Score and train with a local backend (backend-ort, the default training backend, or backend-tfjs); use backend-server as --rollout-backend.`, 'PA_SERVER_CANNOT_SCORE');
}
