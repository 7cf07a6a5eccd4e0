import { UserError } from '@prompt-aug/core';
import { ProtocolError, type Dialect } from '../dialects/dialect.js';
import { ServerFailure } from '@prompt-aug/core/http';
import { ServerClient, type ServerClientOptions } from '@prompt-aug/core/http';
import { leastLoaded, type PoolServer } from './pool-server.js';

export interface ServerPoolOptions extends ServerClientOptions {
  /** How often a server taken out of rotation is asked whether it answers again (default 2 s). */
  probeIntervalMs?: number;
  /** How long work waits when every server is down before the run stops (default 5 minutes). */
  allDownTimeoutMs?: number;
  /** Told once per event: a server left or rejoined the rotation. */
  onNotice?: (message: string) => void;
  /** What the servers were started on: where a failed first sync puts them back (never loaded on rejoin). */
  startingWeights?: Weights;
}

export interface Weights {
  dir: string;
  version: string;
}

function isDown(error: unknown): boolean {
  return error instanceof ServerFailure && error.kind === 'down';
}

/**
 * Inference servers as one rollout engine. Each job (all rollouts of one prompt) goes to the
 * alive server with the fewest outstanding jobs; a server that stops answering is taken out
 * and its jobs are re-sent to the others (a job's result is taken from exactly one answer, so
 * nothing is lost or counted twice); a probe brings it back once it answers `/health`, after
 * loading the pool's current weights.
 */
export class ServerPool {
  readonly servers: PoolServer[];
  private current: Weights | undefined;
  /** The sync in progress, if any (a rejoining server waits for it). */
  private syncing: Promise<void> | undefined;
  /** During a reload, answers may still come from the weights being replaced. */
  private replacing: Weights | undefined;
  private readonly probes = new Map<PoolServer, NodeJS.Timeout>();
  private readonly rejoined = new Set<() => void>();
  private closed = false;

  constructor(
    urls: readonly string[],
    readonly dialect: Dialect,
    private readonly options: ServerPoolOptions = {},
  ) {
    this.servers = urls.map((url) => ({ client: new ServerClient(url, options), outstanding: 0, alive: true }));
  }

  get weights(): Weights | undefined {
    return this.current;
  }

  /** Run `job` on one server; on a server failure, again on another, until one answers. */
  async run<T>(job: (server: PoolServer) => Promise<T>): Promise<T> {
    for (;;) {
      const server = leastLoaded(this.servers) ?? (await this.waitForAServer());
      server.outstanding++;
      try {
        return await job(server);
      } catch (error) {
        if (error instanceof ProtocolError) throw this.protocolError(server, error);
        if (!(error instanceof ServerFailure) || error.kind === 'rejected') throw error;
        this.takeOut(server, error.message);
      } finally {
        server.outstanding--;
      }
    }
  }

  /**
   * Load `weights` on every alive server. All or nothing: if one fails, those already
   * switched are switched back to the previous weights, and the error says which failed.
   */
  async reloadAll(weights: Weights): Promise<void> {
    const run = this.reloadAlive(weights);
    this.syncing = run;
    try {
      await run;
    } finally {
      if (this.syncing === run) this.syncing = undefined;
    }
  }

  private async reloadAlive(weights: Weights): Promise<void> {
    const alive = this.servers.filter((s) => s.alive);
    this.replacing = this.current;
    const results = await Promise.allSettled(alive.map((s) => this.reloadOne(s, weights))).finally(() => (this.replacing = undefined));
    // A server that does not answer at all leaves the pool; it loads the current weights when it rejoins.
    results.forEach((r, i) => {
      if (r.status === 'rejected' && isDown(r.reason)) this.takeOut(alive[i]!, (r.reason as Error).message);
    });
    const failed = results.flatMap((r, i) => (r.status === 'rejected' && !isDown(r.reason) ? [{ server: alive[i]!, reason: r.reason as Error }] : []));
    if (failed.length === 0 && this.servers.some((s) => s.alive)) {
      this.current = weights;
      return;
    }
    if (failed.length === 0) throw this.allDownError(0);
    const previous = this.current ?? this.options.startingWeights;
    const switched = alive.filter((_, i) => results[i]!.status === 'fulfilled');
    const rollback = previous ? await Promise.allSettled(switched.map((s) => this.reloadOne(s, previous, false))) : switched.map(() => ({ status: 'rejected' as const }));
    const stuck = switched.filter((_, i) => rollback[i]!.status === 'rejected').map((s) => s.client.root);
    const first = failed[0]!;
    const state = stuck.length === 0
      ? `The servers were left on (or put back to) ${previous ? `version ${previous.version}` : 'their previous weights'}.`
      : `${stuck.join(', ')} already loaded the new weights and could not be put back; restart ${stuck.length > 1 ? 'them' : 'it'} on the last checkpoint.`;
    throw new UserError(
      `Weight sync failed: ${first.server.client.root} could not load ${weights.dir} (version ${weights.version}): ${first.reason.message}. ${state} Check that every server can read --sync-dir at the same path as the trainer, that it runs with the reload endpoint enabled (vLLM: VLLM_SERVER_DEV_MODE=1), and the server's log; then continue with --resume.`,
      'PA_SERVER_WEIGHT_SYNC_FAILED',
    );
  }

  /**
   * Whether an answer tagged with weight version `version` comes from the weights the pool
   * synced (or, during a reload, the ones being replaced). A server that restarted between two
   * requests answers from its launch weights: the caller treats it as down (it is reloaded
   * before it rejoins) and re-sends the work. Untagged answers (vLLM) cannot be checked.
   */
  acceptsVersion(version: string | undefined): boolean {
    if (version === undefined || this.current === undefined) return true;
    return version === this.current.version || (this.replacing !== undefined && version === this.replacing.version);
  }

  /** Stop probing; no more work is accepted. */
  close(): void {
    this.closed = true;
    for (const timer of this.probes.values()) clearTimeout(timer);
    this.probes.clear();
    for (const wake of [...this.rejoined]) wake();
  }

  private async reloadOne(server: PoolServer, weights: Weights, checkVersion = true): Promise<void> {
    const reported = await this.dialect.reload(server.client, weights.dir, weights.version);
    if (checkVersion && reported !== undefined && reported !== weights.version) {
      throw new Error(`it reports weight version ${JSON.stringify(reported)} after loading version ${JSON.stringify(weights.version)} (stale weights)`);
    }
  }

  private takeOut(server: PoolServer, reason: string): void {
    if (!server.alive) return;
    server.alive = false;
    server.lastFailure = reason;
    this.options.onNotice?.(`rollout server ${server.client.root} left the pool (${reason}); its work goes to the others until it answers again.`);
    this.scheduleProbe(server);
  }

  private scheduleProbe(server: PoolServer): void {
    if (this.closed || this.probes.has(server)) return;
    const timer = setTimeout(() => {
      this.probes.delete(server);
      void this.probe(server);
    }, this.options.probeIntervalMs ?? 2000);
    timer.unref();
    this.probes.set(server, timer);
  }

  private async probe(server: PoolServer): Promise<void> {
    try {
      await server.client.request('GET', '/health', undefined, { timeoutMs: 10_000 });
      // A sync that runs while this server loads does not include it (it is not alive yet): load
      // again until no sync is running and the weights loaded are the pool's current ones.
      let loaded: Weights | undefined;
      do {
        await this.syncing?.catch(() => undefined);
        loaded = this.current;
        if (loaded) await this.reloadOne(server, loaded);
      } while (this.syncing !== undefined || this.current !== loaded);
    } catch (error) {
      server.lastFailure = (error as Error).message;
      this.scheduleProbe(server);
      return;
    }
    if (this.closed) return;
    server.alive = true;
    this.options.onNotice?.(`rollout server ${server.client.root} rejoined the pool${this.current ? ` with weight version ${this.current.version}` : ''}.`);
    for (const wake of [...this.rejoined]) wake();
  }

  private async waitForAServer(): Promise<PoolServer> {
    const limit = this.options.allDownTimeoutMs ?? 300_000;
    const deadline = Date.now() + limit;
    for (;;) {
      if (this.closed) throw new UserError('The rollout server pool was closed while work was waiting for a server.', 'PA_SERVER_POOL_CLOSED');
      const server = leastLoaded(this.servers);
      if (server) return server;
      const left = deadline - Date.now();
      if (left <= 0) throw this.allDownError(limit);
      await new Promise<void>((resolve) => {
        let timer: NodeJS.Timeout | undefined;
        const done = () => {
          clearTimeout(timer);
          this.rejoined.delete(done);
          resolve();
        };
        timer = setTimeout(done, Math.min(left, 1000));
        this.rejoined.add(done);
      });
    }
  }

  private allDownError(limit: number): UserError {
    const lines = this.servers.map((s) => `${s.client.root} (${s.lastFailure ?? 'down'})`).join('; ');
    return new UserError(
      `No rollout server answered${limit > 0 ? ` for ${Math.round(limit / 1000)} s` : ''}: ${lines}. Start the servers (e.g. \`pa serve <checkpoint> --port 8000\`, \`vllm serve …\`) or fix --rollout-server; then continue with --resume.`,
      'PA_SERVER_POOL_ALL_DOWN',
    );
  }

  private protocolError(server: PoolServer, error: ProtocolError): UserError {
    return new UserError(
      `The rollout server ${server.client.root} answered in a shape a ${this.dialect.kind} server does not use: ${error.message}. Check --rollout-server-kind (vllm, sglang or openai) and the server's version (vLLM ≥ 0.10 for return_token_ids).`,
      'PA_SERVER_PROTOCOL_MISMATCH',
    );
  }
}
