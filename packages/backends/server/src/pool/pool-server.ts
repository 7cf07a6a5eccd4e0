import type { ServerClient } from '@prompt-aug/core/http';

/** One server of a pool, with what the pool knows about it. */
export interface PoolServer {
  readonly client: ServerClient;
  /** Group requests sent and not yet answered. */
  outstanding: number;
  alive: boolean;
  /** Why it was last taken out of the rotation. */
  lastFailure?: string;
  /** The served model name (from GET /v1/models), once asked. */
  model?: Promise<string | undefined>;
}

/** The alive server with the fewest outstanding requests (ties: the first listed). */
export function leastLoaded(servers: readonly PoolServer[]): PoolServer | undefined {
  let best: PoolServer | undefined;
  for (const server of servers) {
    if (server.alive && (best === undefined || server.outstanding < best.outstanding)) best = server;
  }
  return best;
}
