import { activateDevice } from '../../src/engine/select-engine.js';

/** Every numeric test runs on wasm: the engine CI has and the one with the missing kernels. */
export async function useWasm(): Promise<void> {
  await activateDevice('wasm');
}

/** Max |a − b| over positions where `keep` is true. */
export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>, keep: (i: number) => boolean = () => true): number {
  let worst = 0;
  for (let i = 0; i < a.length; i++) if (keep(i)) worst = Math.max(worst, Math.abs(a[i]! - b[i]!));
  return worst;
}
