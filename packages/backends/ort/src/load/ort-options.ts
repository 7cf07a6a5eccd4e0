/** backend-ort's extra load options (LoadOptions allows backend-specific keys), checked. */
import { type LoadOptions } from '@prompt-aug/plugin-api';
import { UserError } from '@prompt-aug/core';

export interface OrtLoadOptions {
  /** Build the graph with ORT's fused contrib ops (default false: standard ONNX ops). */
  fused: boolean;
  /** An explicit .onnx decoder to run instead of finding or building one. */
  onnxModel?: string;
  /** Use an export found in the model folder (default true). */
  useExistingExport: boolean;
  /** Threads per ORT operator (default: all cores, os.availableParallelism()). */
  intraOpNumThreads?: number;
  /** Cap on the logits held at once by forward/logprobs (default 512 MiB). */
  logitsBudgetBytes?: number;
  /** trainStep recomputes each layer's activations in the backward pass instead of keeping them. */
  checkpointLayers: boolean;
}

export function readOrtOptions(options: LoadOptions): OrtLoadOptions {
  const bool = (key: string, fallback: boolean): boolean => {
    const v = options[key];
    if (v === undefined) return fallback;
    if (typeof v !== 'boolean') throw bad(key, 'true or false', v);
    return v;
  };
  const positiveInt = (key: string): number | undefined => {
    const v = options[key];
    if (v === undefined) return undefined;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) throw bad(key, 'a whole number >= 1', v);
    return v;
  };
  const onnxModel = options.onnxModel;
  if (onnxModel !== undefined && typeof onnxModel !== 'string') throw bad('onnxModel', 'a path to a .onnx file', onnxModel);
  return {
    fused: bool('fused', false),
    onnxModel,
    useExistingExport: bool('useExistingExport', true),
    intraOpNumThreads: positiveInt('intraOpNumThreads') ?? positiveInt('threads'),
    logitsBudgetBytes: positiveInt('logitsBudgetBytes'),
    checkpointLayers: bool('checkpointLayers', false),
  };
}

function bad(key: string, expected: string, got: unknown): UserError {
  return new UserError(`backend-ort load option "${key}" must be ${expected}; got ${JSON.stringify(got)}.`, 'PA_ORT_BAD_OPTION');
}
