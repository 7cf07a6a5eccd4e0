import type { BackendPlugin } from '@prompt-aug/plugin-api';
import { loadPlugin, type ResolveOptions } from '@prompt-aug/core';

/** Generation backends from fastest to slowest: ONNX Runtime, then TensorFlow.js. */
const BY_SPEED = ['backend-ort', 'backend-tfjs'];

/** `--backend ort`, `tfjs` and `server` name the built-in backends; any other name resolves as a plugin. */
export function backendPluginName(name: string): string {
  return name === 'ort' || name === 'tfjs' || name === 'server' ? `backend-${name}` : name;
}

/** The named backend, or the fastest one that loads and can generate; loaded once and handed on as it is. */
export async function pickGenerationBackend(name: string | undefined, resolve: ResolveOptions): Promise<BackendPlugin> {
  if (name) return (await loadPlugin(backendPluginName(name), { ...resolve, kind: 'backend' })).plugin;
  for (const candidate of BY_SPEED.slice(0, -1)) {
    try {
      const { plugin } = await loadPlugin(candidate, { ...resolve, kind: 'backend' });
      if (plugin.capabilities.generate) return plugin;
    } catch {
      // not installed or broken: try the next one
    }
  }
  return (await loadPlugin(BY_SPEED.at(-1)!, { ...resolve, kind: 'backend' })).plugin;
}
