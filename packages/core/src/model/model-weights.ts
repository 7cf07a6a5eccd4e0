/**
 * A model folder's weights as Hugging Face lays them out: one `model.safetensors`, or shards
 * `model-00001-of-0000N.safetensors` plus `model.safetensors.index.json` whose `weight_map`
 * says which shard holds each tensor.
 */
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { atomicWriteJson } from '../util/atomic-write.js';
import { UserError } from '../util/user-error.js';
import type { FloatStorageDtype, NamedTensor } from './safetensors-format.js';
import { readSafetensors } from './safetensors-read.js';
import { sortedEntries, storageBytes, writeSafetensors, type WeightsInput } from './safetensors-write.js';

export const SINGLE_WEIGHTS_FILE = 'model.safetensors';
export const WEIGHTS_INDEX_FILE = 'model.safetensors.index.json';
const SHARD_PATTERN = /^model-\d{5}-of-\d{5}\.safetensors$/;
/** A plain file name in the same folder (no path separators, so an index cannot point elsewhere). */
const SHARD_NAME = /^[^/\\]+\.safetensors$/;

/** The safetensors files of a model folder: the shards its index names, or `model.safetensors`. */
export async function modelWeightFiles(dir: string): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  if (names.includes(WEIGHTS_INDEX_FILE)) return [...new Set(Object.values(await readWeightMap(join(dir, WEIGHTS_INDEX_FILE))))].sort();
  if (names.includes(SINGLE_WEIGHTS_FILE)) return [SINGLE_WEIGHTS_FILE];
  throw new UserError(
    `The model folder ${dir} has no ${SINGLE_WEIGHTS_FILE} or ${WEIGHTS_INDEX_FILE} (found: ${names.join(', ') || 'nothing'}). ` +
      `Point --model at a Hugging Face model folder with safetensors weights (PyTorch .bin files are not supported).`,
    'PA_NO_WEIGHTS',
  );
}

async function readWeightMap(indexPath: string): Promise<Record<string, string>> {
  let weightMap: unknown;
  try {
    weightMap = (JSON.parse(await readFile(indexPath, 'utf8')) as { weight_map?: unknown }).weight_map;
  } catch (error) {
    throw new UserError(`The weight index ${indexPath} is not valid JSON (${(error as Error).message}); download or save the model again.`, 'PA_BAD_INDEX', { cause: error });
  }
  const valid = typeof weightMap === 'object' && weightMap !== null && Object.values(weightMap).every((f) => typeof f === 'string' && SHARD_NAME.test(f));
  if (!valid) {
    throw new UserError(`The weight index ${indexPath} needs a "weight_map" object from tensor name to a .safetensors file in the same folder; download or save the model again.`, 'PA_BAD_INDEX');
  }
  return weightMap as Record<string, string>;
}

/** Read every tensor (or those `select` keeps) of a model folder as float32. */
export async function readModelWeights(dir: string, select?: (name: string) => boolean): Promise<Map<string, NamedTensor>> {
  const weights = new Map<string, NamedTensor>();
  for (const file of await modelWeightFiles(dir)) {
    for (const [name, tensor] of (await readSafetensors(join(dir, file), select)).tensors) weights.set(name, tensor);
  }
  return weights;
}

export interface WriteModelWeightsOptions {
  dtype?: FloatStorageDtype;
  /** Shard when the weights exceed this many bytes (default 5 GB, as transformers' save_pretrained). */
  maxShardBytes?: number;
}

/** Write weights into `dir`, sharded when large, and remove weight files left over from an earlier save. */
export async function writeModelWeights(dir: string, tensors: WeightsInput, options: WriteModelWeightsOptions = {}): Promise<string[]> {
  const dtype = options.dtype ?? 'F32';
  const shards = planShards(sortedEntries(tensors), dtype, options.maxShardBytes ?? 5_000_000_000);
  const files = shards.length === 1 ? [SINGLE_WEIGHTS_FILE] : shards.map((_, i) => shardName(i + 1, shards.length));
  for (const [i, shard] of shards.entries()) await writeSafetensors(join(dir, files[i]!), new Map(shard), { dtype });
  if (shards.length > 1) {
    const weightMap: Record<string, string> = {};
    let totalSize = 0;
    for (const [i, shard] of shards.entries()) {
      for (const [name, tensor] of shard) {
        weightMap[name] = files[i]!;
        totalSize += storageBytes(tensor, dtype);
      }
    }
    await atomicWriteJson(join(dir, WEIGHTS_INDEX_FILE), { metadata: { total_size: totalSize }, weight_map: weightMap });
  }
  await removeStaleWeightFiles(dir, new Set(shards.length > 1 ? [...files, WEIGHTS_INDEX_FILE] : files));
  return files;
}

export function shardName(index: number, count: number): string {
  return `model-${String(index).padStart(5, '0')}-of-${String(count).padStart(5, '0')}.safetensors`;
}

/** Greedy in sorted order, like transformers: start a new shard when the next tensor would overflow this one. */
function planShards(entries: [string, NamedTensor][], dtype: FloatStorageDtype, maxBytes: number): [string, NamedTensor][][] {
  const shards: [string, NamedTensor][][] = [[]];
  let current = 0;
  for (const entry of entries) {
    const bytes = storageBytes(entry[1], dtype);
    if (current > 0 && current + bytes > maxBytes) {
      shards.push([]);
      current = 0;
    }
    shards[shards.length - 1]!.push(entry);
    current += bytes;
  }
  return shards;
}

async function removeStaleWeightFiles(dir: string, keep: Set<string>): Promise<void> {
  for (const name of await readdir(dir)) {
    const isWeightFile = name === SINGLE_WEIGHTS_FILE || name === WEIGHTS_INDEX_FILE || SHARD_PATTERN.test(name);
    if (isWeightFile && !keep.has(name)) await rm(join(dir, name), { force: true });
  }
}
