/**
 * Tensor-by-tensor access to a whole model folder (single file or shards), so a backend can
 * convert or upload one weight at a time instead of holding every float32 copy at once.
 */
import { join } from 'node:path';
import { UserError } from '../util/user-error.js';
import { modelWeightFiles } from './model-weights.js';
import type { SafetensorsEntry, NamedTensor } from './safetensors-format.js';
import { openSafetensors, type SafetensorsReader } from './safetensors-read.js';

export interface ModelWeightsReader {
  readonly dir: string;
  /** Every tensor name, sorted. */
  readonly names: string[];
  /** dtype/shape/offsets of a tensor as stored, and the file that holds it. */
  entry(name: string): (SafetensorsEntry & { file: string }) | undefined;
  /** The tensor widened to float32. */
  read(name: string): Promise<NamedTensor>;
  close(): Promise<void>;
}

export async function openModelWeights(dir: string): Promise<ModelWeightsReader> {
  const readers: SafetensorsReader[] = [];
  const owner = new Map<string, SafetensorsReader>();
  try {
    for (const file of await modelWeightFiles(dir)) {
      const reader = await openSafetensors(join(dir, file));
      readers.push(reader);
      for (const name of reader.header.tensors.keys()) {
        if (owner.has(name)) throw new UserError(`Tensor "${name}" is stored twice in ${dir} (in ${owner.get(name)!.path} and ${reader.path}); the folder mixes two saves. Save or download it again.`, 'PA_BAD_INDEX');
        owner.set(name, reader);
      }
    }
  } catch (error) {
    await Promise.all(readers.map((r) => r.close()));
    throw error;
  }
  return {
    dir,
    names: [...owner.keys()].sort(),
    entry: (name) => {
      const reader = owner.get(name);
      const entry = reader?.header.tensors.get(name);
      return reader && entry ? { ...entry, file: reader.path } : undefined;
    },
    read: async (name) => {
      const reader = owner.get(name);
      if (!reader) throw new UserError(`The model in ${dir} has no tensor "${name}"; it does not match the architecture in its config.json.`, 'PA_NO_TENSOR');
      return reader.read(name);
    },
    close: async () => {
      await Promise.all(readers.map((r) => r.close()));
    },
  };
}
