import { join } from 'node:path';
import type { LoadOptions } from '@prompt-aug/plugin-api';
import type { TrainConfig } from './train-config.js';

/** What a separate rollout engine's `load()` gets beside modelDir and device (backend-server reads these). */
export function rolloutEngineOptions(config: TrainConfig, hooks: { onWarning?(message: string): void }): Partial<LoadOptions> {
  const { servers, serverKind } = config.rollout;
  return {
    ...(servers ? { servers } : {}),
    ...(serverKind ? { serverKind } : {}),
    onNotice: (message: string) => hooks.onWarning?.(message),
  };
}

/** Where synced weights go: --sync-dir, else a folder inside the run (enough for engines on this machine). */
export function syncDirOf(config: TrainConfig): string {
  return config.rollout.syncDir ?? join(config.out, '.rollout-sync');
}
