import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type Template } from '@prompt-aug/plugin-api';
import { atomicWriteJson, UserError } from '@prompt-aug/core';
import type { GenerationSettings } from '../generate/generation-settings.js';
import type { GraderMode } from '../grading/grade-response.js';
import { fingerprintModelFiles, type ModelFileFingerprint } from './model-files.js';

/** The sidecar of samples.jsonl: which model files and settings made its samples. */
export const SAMPLES_META_FILE = 'samples.meta.json';
const SCHEMA = 'prompt-aug/samples-meta@1';
/** Bumped when the way a sample's random stream is derived changes (old samples would not replay). */
const SEEDING = 'per-sample-v1';

/** Every setting that changes the text or the grade of one sample (not how many samples there are). */
export interface SampleSettings {
  seeding: string;
  template: { id: string; sha256: string };
  grader: GraderMode;
  maxNewTokens: number;
  temperature: number;
  topP: number;
  topK: number;
  seed: number;
  stopStrings: string[];
}

export interface SamplesMeta {
  schema: typeof SCHEMA;
  /** sha256 over `model` and `settings`: equal fingerprints, equal samples. */
  fingerprint: string;
  model: { source: string | null; files: ModelFileFingerprint[] };
  settings: SampleSettings;
}

export interface FingerprintInput {
  /** A local model folder whose weights, config and tokenizer files are hashed. */
  modelDir?: string;
  /** The model's name or path as given (all there is to record for a remote model). */
  model: string | null;
  template: Pick<Template, 'id' | 'chatTemplate' | 'prefill'>;
  grader: GraderMode;
  generation: GenerationSettings;
}

export async function readSamplesMeta(outDir: string): Promise<SamplesMeta | undefined> {
  const text = await readFile(join(outDir, SAMPLES_META_FILE), 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  try {
    const meta = JSON.parse(text) as SamplesMeta;
    return meta?.schema === SCHEMA ? meta : undefined;
  } catch {
    return undefined;
  }
}

export async function computeSamplesMeta(input: FingerprintInput, previous?: SamplesMeta): Promise<SamplesMeta> {
  const files = input.modelDir ? await fingerprintModelFiles(input.modelDir, previous?.model.files) : [];
  const g = input.generation;
  const settings: SampleSettings = {
    seeding: SEEDING,
    template: { id: input.template.id, sha256: sha256(JSON.stringify([input.template.chatTemplate, input.template.prefill ?? ''])) },
    grader: input.grader,
    maxNewTokens: g.maxNewTokens,
    temperature: g.temperature,
    topP: g.topP,
    topK: g.topK,
    seed: g.seed,
    stopStrings: g.stopStrings,
  };
  // A local folder is identified by its contents (it may move); a remote model only by its name.
  const identity = { model: files.length > 0 ? files.map((f) => [f.name, f.size, f.sha256]) : input.model, settings };
  return { schema: SCHEMA, fingerprint: sha256(JSON.stringify(identity)), model: { source: input.model, files }, settings };
}

export async function writeSamplesMeta(outDir: string, meta: SamplesMeta): Promise<void> {
  await atomicWriteJson(join(outDir, SAMPLES_META_FILE), meta);
}

/**
 * Refuse samples that a different model or different settings made: with or without --resume,
 * they must never be mixed into (or reported as) this evaluation.
 */
export function assertSameFingerprint(samplesPath: string, previous: SamplesMeta | undefined, current: SamplesMeta): void {
  const fix = `Evaluate into a new --out folder, or delete ${samplesPath} and its ${SAMPLES_META_FILE} to start this folder over.`;
  if (!previous) {
    throw new UserError(
      `${samplesPath} holds samples but no ${SAMPLES_META_FILE} says which model files and settings made them (an older prompt-aug wrote it, or it was copied from elsewhere), so they cannot be checked against this evaluation and are not used. ${fix}`,
      'PA_EVAL_SAMPLES_UNFINGERPRINTED',
    );
  }
  if (previous.fingerprint === current.fingerprint) return;
  const diffs = [...modelDiffs(previous, current), ...settingDiffs(previous.settings, current.settings)];
  throw new UserError(
    `The samples in ${samplesPath} were made by a different model or with different settings than this evaluation (${diffs.join('; ') || 'fingerprint differs'}), so they are not used: mixing them would report the results of neither. ${fix}`,
    'PA_EVAL_SAMPLES_FINGERPRINT_MISMATCH',
  );
}

function modelDiffs(previous: SamplesMeta, current: SamplesMeta): string[] {
  const before = new Map(previous.model.files.map((f) => [f.name, f]));
  const after = new Map(current.model.files.map((f) => [f.name, f]));
  const diffs: string[] = [];
  if (before.size === 0 || after.size === 0) {
    if (JSON.stringify(previous.model.source) !== JSON.stringify(current.model.source) || before.size !== after.size) {
      diffs.push(`model ${JSON.stringify(previous.model.source)} → ${JSON.stringify(current.model.source)}`);
    }
    return diffs;
  }
  for (const [name, f] of after) {
    const old = before.get(name);
    if (!old) diffs.push(`model file ${name} is new`);
    else if (old.sha256 !== f.sha256) diffs.push(`model file ${name} changed (sha256 ${old.sha256.slice(0, 12)}… → ${f.sha256.slice(0, 12)}…)`);
  }
  for (const name of before.keys()) if (!after.has(name)) diffs.push(`model file ${name} is gone`);
  return diffs;
}

function settingDiffs(before: SampleSettings, after: SampleSettings): string[] {
  return (Object.keys(after) as (keyof SampleSettings)[])
    .filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]))
    .map((key) => (key === 'template' ? `template ${before.template?.id} → ${after.template.id}${before.template?.id === after.template.id ? ' (its text changed)' : ''}` : `${key} ${JSON.stringify(before[key])} → ${JSON.stringify(after[key])}`));
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
