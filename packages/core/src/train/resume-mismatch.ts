import { readFileSync } from 'node:fs';
import { UserError } from '../util/user-error.js';
import { runFolderPaths } from './run-folder.js';
import { trainingRelevantConfig } from './run-setup.js';
import type { TrainConfig } from './train-config.js';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Nested objects as dotted keys (optimizer.lr); arrays, scalars and anything deeper than the config nests are leaves. */
function leaves(value: Record<string, unknown>, prefix = '', depth = 0): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, v] of Object.entries(value)) {
    // The saved file is the user's: a key is shown JSON-escaped, never with its raw control characters.
    const name = `${prefix}${JSON.stringify(key).slice(1, -1)}`;
    if (isRecord(v) && depth < 3) for (const [k, leaf] of leaves(v, `${name}.`, depth + 1)) out.set(k, leaf);
    else out.set(name, v);
  }
  return out;
}

/** The training keys (dotted) whose values differ between the run folder's saved config and this one (none if it is unreadable). */
export function changedTrainingKeys(saved: unknown, config: TrainConfig): Array<{ key: string; then: unknown; now: unknown }> {
  if (!isRecord(saved)) return [];
  const before = leaves(trainingRelevantConfig(saved));
  const after = leaves(trainingRelevantConfig(config));
  const keys = [...new Set([...before.keys(), ...after.keys()])].sort();
  return keys.filter((key) => JSON.stringify(before.get(key)) !== JSON.stringify(after.get(key))).map((key) => ({ key, then: before.get(key), now: after.get(key) }));
}

/**
 * The refusal to resume with another recipe, naming what changed. The run folder's config.json
 * still holds the original run's config here (it is rewritten only after this check). A run
 * started when backend-tfjs was the default and resumed without --backend lands here too, so a
 * changed backend gets its own fix.
 */
export function resumeMismatchError(runDir: string, checkpointDir: string, config: TrainConfig): UserError {
  const configFile = runFolderPaths(runDir).config;
  let saved: unknown;
  try {
    saved = JSON.parse(readFileSync(configFile, 'utf8'));
  } catch {
    saved = undefined;
  }
  const changes = changedTrainingKeys(saved, config);
  const show = (v: unknown) => {
    const text = v === undefined ? '(unset)' : JSON.stringify(v);
    return text.length > 80 ? `${text.slice(0, 77)}...` : text;
  };
  const listed = changes.slice(0, 5).map((c) => `${c.key} ${show(c.then)} then, ${show(c.now)} now`).join('; ');
  const what = changes.length > 0 ? ` It differs in ${listed}${changes.length > 5 ? `; and ${changes.length - 5} more` : ''}.` : '';
  const backend = changes.find((c) => c.key === 'backend');
  const backendFix = backend && typeof backend.then === 'string' ? ` To continue on the backend it was trained with, pass --backend ${show(backend.then).slice(1, -1)} (runs started before backend-ort became the default trained on backend-tfjs).` : '';
  return new UserError(
    `The run in ${runDir} was trained with a different configuration (checkpoint ${checkpointDir}); resuming would mix two experiments.${what}${backendFix} Use the same flags and config file as the original run (see ${configFile}), or start a new run with another --out.`,
    'PA_RESUME_CONFIG_MISMATCH',
  );
}
