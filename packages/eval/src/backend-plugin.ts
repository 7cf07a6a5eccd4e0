import type { BackendPlugin } from '@prompt-aug/plugin-api';
import { loadPlugin, type ResolveOptions } from '@prompt-aug/core';

/** The backend as given, or loaded by name (default `backend-ort`): the one place that tells the two apart. */
export async function ensureBackend(backend: BackendPlugin | string | undefined, resolve?: ResolveOptions): Promise<BackendPlugin> {
  if (typeof backend === 'object') return backend;
  return (await loadPlugin(backend ?? 'backend-ort', { ...resolve, kind: 'backend' })).plugin;
}
