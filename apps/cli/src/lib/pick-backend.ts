import { loadPlugin, type ResolveOptions } from '@prompt-aug/core';

/** Generation backends from fastest to slowest: ONNX Runtime, then TensorFlow.js. */
const BY_SPEED = ['backend-ort', 'backend-tfjs'];

/** `--backend ort`, `tfjs` and `server` name the built-in backends; any other name resolves as a plugin. */
export function backendPluginName(name: string): string {
  return name === 'ort' || name === 'tfjs' || name === 'server' ? `backend-${name}` : name;
}

/** The named backend, or the fastest one that loads and can generate. */
export async function pickGenerationBackend(name: string | undefined, resolve: ResolveOptions): Promise<string> {
  if (name) return backendPluginName(name);
  for (const candidate of BY_SPEED) {
    try {
      const { plugin } = await loadPlugin(candidate, { ...resolve, kind: 'backend' });
      if (plugin.capabilities.generate) return candidate;
    } catch {
      // not installed or broken: try the next one
    }
  }
  return BY_SPEED.at(-1)!;
}
