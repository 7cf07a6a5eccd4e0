import { UserError } from '@prompt-aug/core';

/**
 * wasm32 addresses at most 4 GiB. When tfjs-wasm's allocator runs out, it hands back a null
 * pointer and the next kernel traps with "memory access out of bounds" (or emscripten aborts);
 * after that the engine is dead for the rest of the process. Those traps are WebAssembly
 * RuntimeErrors (name "RuntimeError"); a bug of ours would be a plain Error.
 */
export function isWasmOutOfMemory(error: unknown): boolean {
  return error instanceof Error && error.name === 'RuntimeError' && /memory access out of bounds|Aborted\(|OOM|Cannot enlarge memory/i.test(error.message);
}

/** The paragraph a user sees instead of the trap: what ran out, for which batch, and what to change. */
export function wasmOutOfMemoryError(operation: string, sequences: number, tokens: number): UserError {
  return new UserError(
    `The wasm engine ran out of memory in ${operation} on ${sequences} sequences of ${tokens} tokens: wasm can address at most 4 GiB, and activations grow with sequences × tokens (attention with tokens²). ` +
      `Lower --micro-batch-size (sequences per forward/backward), rollout.batchSize or --max-response-tokens, or install @tensorflow/tfjs-node / @tensorflow/tfjs-node-gpu, which have no such limit. ` +
      `The engine cannot continue in this process; checkpoints already written are intact, so rerun with --resume after changing the setting.`,
    'PA_WASM_OUT_OF_MEMORY',
  );
}
