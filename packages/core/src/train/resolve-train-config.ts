import type { ConfigIssue } from '../config/config-issue.js';
import { throwIfConfigErrors } from '../config/format-config.js';
import { loadConfig } from '../config/load-config.js';
import { UserError } from '../util/user-error.js';
import { PRESETS } from './presets.js';
import { PRESET_NAMES, trainConfigSchema, type TrainConfig } from './train-config.js';

export interface ResolveTrainConfigInput {
  /** `--config run.yaml` (or .json). */
  file?: string;
  /** Flag values by dotted key (`optimizer.lr`); undefined means "not given". */
  flags?: Record<string, unknown>;
}

/**
 * The run's config, in increasing priority: schema defaults (the paper), the preset's patch,
 * the config file, the flags. The preset is named by a flag or by the file.
 */
export function resolveTrainConfig(input: ResolveTrainConfigInput): { config: TrainConfig; warnings: ConfigIssue[] } {
  const result = loadConfig(trainConfigSchema, { file: input.file, overrides: input.flags, defaults: presetLayer });
  return { config: throwIfConfigErrors(result), warnings: result.warnings };
}

function presetLayer(chosen: Record<string, unknown>): Record<string, unknown> {
  const name = typeof chosen.preset === 'string' ? chosen.preset : 'paper';
  const preset = PRESETS[name];
  if (!preset) {
    throw new UserError(`Unknown preset "${name}". The presets are: ${PRESET_NAMES.map((n) => `${n} (${PRESETS[n]!.description})`).join('; ')}.`, 'PA_CONFIG_INVALID');
  }
  return preset.patch as Record<string, unknown>;
}
