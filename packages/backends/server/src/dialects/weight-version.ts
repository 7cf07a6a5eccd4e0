import { ServerFailure } from '@prompt-aug/core/http';
import type { ServerClient } from '@prompt-aug/core/http';

/**
 * SGLang's `GET /get_weight_version` → `{"weight_version": "…"}` (pa serve answers it too).
 * vLLM has no such route: a 404 means "this server does not report versions".
 */
export async function readWeightVersion(client: ServerClient): Promise<string | undefined> {
  try {
    const json = (await client.request('GET', '/get_weight_version', undefined, { timeoutMs: 30_000 })) as { weight_version?: unknown } | null;
    const version = json?.weight_version;
    return typeof version === 'string' || typeof version === 'number' ? String(version) : undefined;
  } catch (error) {
    if (error instanceof ServerFailure && error.kind === 'rejected' && (error.status === 404 || error.status === 405)) return undefined;
    throw error;
  }
}
