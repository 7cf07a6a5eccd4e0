import { existsSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Policy } from '@prompt-aug/plugin-api';
import type { GenerationQueue } from './generation-queue.js';

/** What a weight route answers: a status and a JSON body. */
export interface RouteAnswer {
  status: number;
  body: unknown;
}

/**
 * The rollout engines' reload endpoints over `Policy.updateWeights`, and the weight version:
 * - SGLang: `POST /update_weights_from_disk {model_path, weight_version?}` → `{success, message}` (400 on failure)
 * - vLLM: `POST /pause`, `POST /collective_rpc {"method": "reload_weights", "kwargs": {"weights_path"}}`, `POST /resume`
 * - `GET /get_weight_version` → `{weight_version}` (SGLang's route)
 * The version is the one the client names, else the folder's name. A failed load keeps the previous
 * weights and version (the Policy swaps only once the new weights are ready).
 */
export class WeightRoutes {
  version = 'base';

  constructor(
    private readonly policy: Policy,
    private readonly queue: GenerationQueue,
  ) {}

  /** The answer for `method path`, or undefined when it is not a weight route. */
  async handle(method: string, path: string, body: () => Promise<unknown>): Promise<RouteAnswer | undefined> {
    if (method === 'GET' && path === '/get_weight_version') return { status: 200, body: { weight_version: this.version } };
    if (method !== 'POST') return undefined;
    if (path === '/pause') {
      this.queue.pause();
      return { status: 200, body: {} };
    }
    if (path === '/resume') {
      this.queue.resume();
      return { status: 200, body: {} };
    }
    if (path === '/update_weights_from_disk') {
      const b = (await body()) as { model_path?: unknown; weight_version?: unknown } | null;
      const answer = await this.load(b?.model_path, b?.weight_version);
      return { status: answer.ok ? 200 : 400, body: { success: answer.ok, message: answer.message } };
    }
    if (path === '/collective_rpc') {
      const b = (await body()) as { method?: unknown; kwargs?: { weights_path?: unknown } } | null;
      if (b?.method !== 'reload_weights') return { status: 400, body: error(`collective_rpc supports only "reload_weights" here; got ${JSON.stringify(b?.method)}.`) };
      const answer = await this.load(b.kwargs?.weights_path, undefined);
      return answer.ok ? { status: 200, body: { results: [null] } } : { status: 400, body: error(answer.message) };
    }
    return undefined;
  }

  private async load(path: unknown, version: unknown): Promise<{ ok: boolean; message: string }> {
    if (!this.policy.updateWeights) return { ok: false, message: `The backend ${this.policy.info.backend} cannot replace its weights while serving.` };
    if (typeof path !== 'string' || path === '') return { ok: false, message: 'Name the Hugging Face folder to load (`model_path` / `weights_path`).' };
    if (!existsSync(join(path, 'config.json')) || !statSync(path).isDirectory()) return { ok: false, message: `${path} is not a Hugging Face model folder (no config.json) on this server's disk.` };
    if (version !== undefined && version !== null && typeof version !== 'string' && typeof version !== 'number') return { ok: false, message: '`weight_version` must be a string.' };
    const next = version === undefined || version === null ? basename(path) : String(version);
    try {
      await this.queue.exclusive(() => this.policy.updateWeights!(path));
    } catch (e) {
      return { ok: false, message: `Failed to load ${path}: ${(e as Error).message}. The server keeps weight version ${this.version}.` };
    }
    this.version = next;
    return { ok: true, message: `Succeeded to update model weights (version ${next}).` };
  }
}

function error(message: string) {
  return { error: { message, type: 'BadRequestError', param: null, code: 400 } };
}
