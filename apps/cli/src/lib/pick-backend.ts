import { loadPlugin, type ResolveOptions } from '@prompt-aug/core';

/** Generation backends from fastest to slowest: ONNX Runtime, then TensorFlow.js. */
const BY_SPEED = ['backend-ort', 'backend-tfjs'];

/** The named backend, or the fastest one that loads and can generate. */
export async function pickGenerationBackend(name: string | undefined, resolve: ResolveOptions): Promise<string> {
  if (name) return name;
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
