import { existsSync } from 'node:fs';
import { appendFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { MetricsRow } from '../metrics/metric-types.js';
import { MetricsLog } from '../metrics/metrics-log.js';
import { TensorBoardWriter } from '../metrics/tensorboard-writer.js';
import { resolveModel } from '../model/resolve-model.js';
import { loadTokenizer } from '../model/tokenizer-load.js';
import type { Policy } from '../policy/types.js';
import type { ResolveOptions } from '../plugin/resolve.js';
import { atomicWriteJson } from '../util/atomic-write.js';
import { UserError } from '../util/user-error.js';
import { listCheckpoints, readTrainerState, saveCheckpoint, type CheckpointInfo } from './checkpoints.js';
import { EpochSampler } from './epoch-sampler.js';
import { loadRunPlugins, loadTrainingRecords, trainingConfigHash } from './run-setup.js';
import { stepMetrics } from './step-metrics.js';
import { NonFiniteModelError } from './rollout.js';
import { learningRateAt } from './lr-schedule.js';
import { MAX_REFILLS, runTrainStep } from './train-step.js';
import type { TrainConfig } from './train-config.js';

export interface TrainHooks {
  onStart?(info: { startStep: number; totalSteps: number; stepsPerEpoch: number; records: number; filtered: number; device: string; resumedFrom?: string }): void;
  onStep?(row: MetricsRow, totalSteps: number): void;
  onWarning?(message: string): void;
  onCheckpoint?(checkpoint: CheckpointInfo): void;
  /** Periodic eval of a checkpoint (the eval package provides it); its numbers join that step's metrics. */
  evaluate?(checkpointDir: string, step: number): Promise<Record<string, number>>;
}

export interface TrainOptions {
  /** Continue from the newest checkpoint in `config.out`. */
  resume?: boolean;
  resolve?: ResolveOptions;
  hooks?: TrainHooks;
}

export interface TrainSummary {
  steps: number;
  lastCheckpoint?: CheckpointInfo;
  metrics: MetricsRow[];
}

/** Run GRPO training as configured; resumable, with atomic checkpoints and per-step metrics. */
export async function train(config: TrainConfig, options: TrainOptions = {}): Promise<TrainSummary> {
  const hooks = options.hooks ?? {};
  const runDir = config.out;
  const configHash = trainingConfigHash(config);
  const resumeFrom = pickResumeCheckpoint(runDir, options.resume ?? false, configHash);
  if (!resumeFrom && options.resume) await rm(join(runDir, 'metrics.jsonl'), { force: true });
  await atomicWriteJson(join(runDir, 'config.json'), config);

  const plugins = await loadRunPlugins(config, options.resolve ?? {});
  const modelDir = await resolveModel(config.model);
  const tokenizer = await loadTokenizer(modelDir);
  const { records, filtered } = await loadTrainingRecords(config, tokenizer, plugins.templates);
  const { schedule, warmupSteps, minLrRatio, ...optimizer } = config.optimizer; // the schedule is the trainer's: backends get one lr at a time
  const scheduled = schedule !== 'constant' || warmupSteps > 0;
  const policy = await plugins.backend.load({ modelDir: resumeFrom?.dir ?? modelDir, device: config.device, loss: config.loss, optimizer });
  const rolloutPolicy = plugins.rolloutBackend ? await plugins.rolloutBackend.load({ modelDir: resumeFrom?.dir ?? modelDir, device: config.device }) : policy;
  const referencePolicy = config.loss.klCoef > 0 ? await plugins.backend.load({ modelDir, device: config.device }) : undefined;

  const sampler = new EpochSampler(records.length, config.promptsPerStep, config.seed);
  // Dynamic sampling draws replacement prompts from an independent, equally stateless stream.
  const refillSampler = new EpochSampler(records.length, config.promptsPerStep, config.seed ^ 0x5eed);
  const totalSteps = Math.min(config.maxSteps ?? Number.POSITIVE_INFINITY, sampler.totalSteps(config.epochs));
  const startStep = resumeFrom?.step ?? 0;
  const metricsLog = await MetricsLog.open(join(runDir, 'metrics.jsonl'), resumeFrom ? { checkpointStep: resumeFrom.step } : {});
  const tensorboard = await TensorBoardWriter.open(runDir, resumeFrom ? { checkpointStep: resumeFrom.step } : {});
  hooks.onStart?.({ startStep, totalSteps, stepsPerEpoch: sampler.stepsPerEpoch, records: records.length, filtered, device: policy.info.device, resumedFrom: resumeFrom?.dir });

  const ctx = { config, policy, rolloutPolicy, referencePolicy, tokenizer, templates: plugins.templates, verifier: plugins.verifier, records };
  const rows: MetricsRow[] = [];
  let lastCheckpoint: CheckpointInfo | undefined = resumeFrom;
  try {
    for (let index = startStep; index < totalSteps; index++) {
      const step = index + 1;
      const { epoch } = sampler.position(index);
      const nanError = () => new UserError(`The loss became NaN or infinite at step ${step}. ${lastCheckpoint ? `The last good checkpoint, ${lastCheckpoint.dir}, is intact.` : 'No checkpoint was written yet.'} Lower the learning rate (--lr) or check the data and model; then resume with --resume.`, 'PA_NAN_LOSS');
      const lr = learningRateAt(index, totalSteps, { lr: optimizer.lr, schedule, warmupSteps, minLrRatio });
      if (scheduled) policy.configure?.({ optimizer: { lr } });
      const result = await runTrainStep(ctx, index, epoch, sampler.batch(index), (attempt) => refillSampler.batch(index * MAX_REFILLS + attempt)).catch((error: unknown) => {
        throw error instanceof NonFiniteModelError ? nanError() : error;
      });
      if (result.updates.some((u) => !Number.isFinite(u.loss))) throw nanError();
      // The collapse warning is data too (1 on the steps it was raised), so `pa report` can draw it where it happened.
      const collapsed = result.entropy < config.entropyCollapseThreshold;
      const row = { ...stepMetrics(step, epoch, result, lr), entropyCollapse: collapsed ? 1 : 0 };
      if (collapsed) hooks.onWarning?.(`entropy collapse: token-mean entropy ${result.entropy.toFixed(4)} at step ${step} is below ${config.entropyCollapseThreshold}; GRPO training usually degrades from here.`);
      await metricsLog.append(row);
      await tensorboard.scalars(step, row);
      // The row is on disk before the checkpoint: a kill in between replays this step on resume.
      const isLast = step === totalSteps;
      const evalDue = config.evalEvery > 0 && hooks.evaluate !== undefined && step % config.evalEvery === 0;
      if (step % config.saveEvery === 0 || isLast || evalDue) {
        lastCheckpoint = await writeCheckpoint(runDir, policy, { step, epoch, seed: config.seed, configHash, savedAt: new Date().toISOString() }, config.keepLast);
        hooks.onCheckpoint?.(lastCheckpoint);
      }
      if (evalDue) await runEval(hooks.evaluate!, lastCheckpoint!, runDir, tensorboard);
      if (rolloutPolicy !== policy && step % config.rollout.syncEvery === 0 && rolloutPolicy.updateWeights) {
        await rolloutPolicy.updateWeights(lastCheckpoint?.step === step ? lastCheckpoint.dir : await saveForSync(runDir, policy));
      }
      rows.push(row);
      hooks.onStep?.(row, totalSteps);
    }
  } finally {
    await metricsLog.close();
    await tensorboard.close();
    for (const p of new Set([policy, rolloutPolicy, referencePolicy])) await p?.dispose();
  }
  return { steps: totalSteps - startStep, lastCheckpoint, metrics: rows };
}

function pickResumeCheckpoint(runDir: string, resume: boolean, configHash: string): CheckpointInfo | undefined {
  const checkpoints = listCheckpoints(runDir);
  if (!resume) {
    if (checkpoints.length > 0 || existsSync(join(runDir, 'metrics.jsonl'))) {
      throw new UserError(`The output folder ${runDir} already holds a run (${checkpoints.length} checkpoints). Pass --resume to continue it, or choose another --out.`, 'PA_RUN_EXISTS');
    }
    return undefined;
  }
  const newest = checkpoints.at(-1);
  if (!newest) return undefined;
  const state = readTrainerState(newest.dir);
  if (state.configHash !== configHash) {
    throw new UserError(`The run in ${runDir} was trained with a different configuration (checkpoint ${newest.dir}); resuming would mix two experiments. Use the same flags and config file as the original run (see ${join(runDir, 'config.json')}), or start a new run with another --out.`, 'PA_RESUME_CONFIG_MISMATCH');
  }
  return newest;
}

async function writeCheckpoint(runDir: string, policy: Policy, state: Parameters<typeof saveCheckpoint>[1], keepLast: number): Promise<CheckpointInfo> {
  try {
    return await saveCheckpoint(runDir, state, (dir) => policy.save!(dir), keepLast);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOSPC' || code === 'EDQUOT') {
      throw new UserError(`The disk is full: checkpoint step ${state.step} could not be written to ${runDir}. The previous checkpoints are intact. Free some space (or lower --keep-last), then continue with --resume.`, 'PA_DISK_FULL', { cause: error });
    }
    throw error;
  }
}

/** Periodic eval: results go to evals.jsonl (one line per checkpoint) and TensorBoard under eval/. */
async function runEval(evaluate: NonNullable<TrainHooks['evaluate']>, checkpoint: CheckpointInfo, runDir: string, tensorboard: TensorBoardWriter): Promise<void> {
  const results = await evaluate(checkpoint.dir, checkpoint.step);
  await appendFile(join(runDir, 'evals.jsonl'), `${JSON.stringify({ step: checkpoint.step, checkpoint: checkpoint.dir, ...results })}\n`);
  await tensorboard.scalars(checkpoint.step, { eval: results });
}

async function saveForSync(runDir: string, policy: Policy): Promise<string> {
  const dir = join(runDir, '.rollout-sync');
  await rm(dir, { recursive: true, force: true });
  await policy.save!(dir);
  return dir;
}
