import { createHash } from 'node:crypto';
import type { MathRecord } from '../data/math-record.js';
import { resolveDataset } from '../data/resolve-dataset.js';
import type { ModelTokenizer } from '../model/model-tokenizer.js';
import { loadPlugin } from '../plugin/load.js';
import type { ResolveOptions } from '../plugin/resolve.js';
import type { TemplatesPlugin } from '@prompt-aug/plugin-api';
import { renderPrompt } from '../templates/render-prompt.js';
import { UserError } from '../util/user-error.js';
import { boundedTokenCount } from './prompt-token-count.js';
import type { TrainConfig } from './train-config.js';

/** The plugins a run uses, found by name like any third-party plugin. */
export async function loadRunPlugins(config: TrainConfig, resolve: ResolveOptions) {
  const [templates, verifier, backend] = await Promise.all([
    loadPlugin(config.plugin, { ...resolve, kind: 'templates' }),
    loadPlugin(config.verifier, { ...resolve, kind: 'verifier' }),
    loadPlugin(config.backend, { ...resolve, kind: 'backend' }),
  ]);
  if (!backend.plugin.capabilities.train) {
    throw new UserError(`Backend "${backend.plugin.name}" cannot train (its capabilities: ${JSON.stringify(backend.plugin.capabilities)}). Use a training backend: backend-ort (the default; leave --backend out) or backend-tfjs; a generate-only backend can serve as the rollout engine (--rollout-backend).`, 'PA_BACKEND_CANNOT_TRAIN');
  }
  const rollout = config.rollout.backend ? await loadPlugin(config.rollout.backend, { ...resolve, kind: 'backend' }) : undefined;
  return { templates: templates.plugin, verifier: verifier.plugin, backend: backend.plugin, rolloutBackend: rollout?.plugin };
}

/**
 * The training rows: every record must have a problem and at least one answer, and prompts
 * longer than the limit under the set's longest template are filtered out up front (as verl
 * filters overlong prompts before training), so steps are never short of prompts.
 */
export async function loadTrainingRecords(config: TrainConfig, tokenizer: ModelTokenizer, templates: TemplatesPlugin): Promise<{ records: MathRecord[]; filtered: number; warnings: string[] }> {
  const { problemField, answerField, idField, onBadRow } = config;
  const dataset = await resolveDataset(config.data, { dataDir: config.dataDir, problemField, answerField, idField, onBadRow });
  if (dataset.records.length === 0) {
    throw new UserError(`The dataset ${config.data} has no rows. Point --data at a file with at least ${config.promptsPerStep} problems (fields "problem"/"question" and "answer").`, 'PA_DATASET_EMPTY');
  }
  const overhead = Math.max(...templates.templates.map((t) => tokenizer.encode(renderPrompt(t, ''), { addSpecialTokens: false }).length));
  const budget = config.maxPromptTokens - overhead;
  const records = dataset.records.filter((r) => budget >= 0 && boundedTokenCount(tokenizer, r.problem, budget, `row "${r.id}" of ${config.data}`) <= budget);
  if (records.length < config.promptsPerStep) {
    throw new UserError(`Only ${records.length} of ${dataset.records.length} rows of ${config.data} fit in --max-prompt-tokens ${config.maxPromptTokens}, fewer than one step's ${config.promptsPerStep} prompts. Lower --prompts-per-step or raise --max-prompt-tokens.`, 'PA_DATASET_TOO_SMALL');
  }
  return { records, filtered: dataset.records.length - records.length, warnings: dataset.warnings.map((w) => w.message) };
}

/** Keys whose change alters what is trained; a resumed run must agree on all of them. */
const BOOKKEEPING_KEYS = new Set(['out', 'maxSteps', 'saveEvery', 'keepLast', 'evalEvery', 'device', 'rollout', 'entropyCollapseThreshold', 'dataDir']);

/** The config without its bookkeeping keys, sorted by key: what the config hash covers. */
export function trainingRelevantConfig(config: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(config).filter(([key]) => !BOOKKEEPING_KEYS.has(key)).sort(([a], [b]) => a.localeCompare(b)));
}

export function trainingConfigHash(config: TrainConfig): string {
  return createHash('sha256').update(JSON.stringify(trainingRelevantConfig(config))).digest('hex').slice(0, 16);
}
