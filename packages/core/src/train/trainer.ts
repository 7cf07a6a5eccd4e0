import { existsSync } from 'node:fs';
import { appendFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { MetricsRow } from '../metrics/metric-types.js';
import { MetricsLog } from '../metrics/metrics-log.js';
import { TensorBoardWriter } from '../metrics/tensorboard-writer.js';
import { resolveModel } from '../model/resolve-model.js';
import { loadTokenizer } from '../model/tokenizer-load.js';
import type { Policy } from '@prompt-aug/plugin-api';
import type { ResolveOptions } from '../plugin/resolve.js';
import { atomicWriteJson } from '../util/atomic-write.js';
import { UserError } from '../util/user-error.js';
import { listCheckpoints, readTrainerState, saveCheckpoint, type CheckpointInfo } from './checkpoints.js';
import { runFolderPaths } from './run-folder.js';
import { EpochSampler } from './epoch-sampler.js';
import { loadRunPlugins, loadTrainingRecords, trainingConfigHash } from './run-setup.js';
import { newestIntactCheckpoint } from './resume-checkpoint.js';
import { resumeMismatchError } from './resume-mismatch.js';
import { stepMetrics } from './step-metrics.js';
import { NonFiniteModelError } from './rollout.js';
import { learningRateAt } from './lr-schedule.js';
import { generateStepRollouts, MAX_REFILLS, trainOnRollouts } from './train-step.js';
import { rolloutEngineOptions, syncDirOf } from './rollout-engine-options.js';
import { writeSyncFolder } from './rollout-sync.js';
import { mismatchJumped } from './off-policy.js';
import type { TrainConfig } from './train-config.js';

export interface TrainHooks {
  onStart?(info: { startStep: number; totalSteps: number; stepsPerEpoch: number; records: number; filtered: number; backend: string; device: string; resumedFrom?: string }): void;
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
  const resumeFrom = await pickResumeCheckpoint(config, options.resume ?? false, configHash, hooks);
  const files = runFolderPaths(runDir);
  if (!resumeFrom && options.resume) await rm(files.metrics, { force: true });
  await atomicWriteJson(files.config, config);

  const plugins = await loadRunPlugins(config, options.resolve ?? {});
  const modelDir = await resolveModel(config.model);
  const tokenizer = await loadTokenizer(modelDir);
  const { records, filtered, warnings: dataWarnings } = await loadTrainingRecords(config, tokenizer, plugins.templates);
  for (const warning of dataWarnings) hooks.onWarning?.(warning);
  const { schedule, warmupSteps, minLrRatio, ...optimizer } = config.optimizer; // the schedule is the trainer's: backends get one lr at a time
  const scheduled = schedule !== 'constant' || warmupSteps > 0;
  const policy = await plugins.backend.load({ modelDir: resumeFrom?.dir ?? modelDir, device: config.device, loss: config.loss, optimizer });
  const rolloutPolicy = plugins.rolloutBackend ? await plugins.rolloutBackend.load({ modelDir: resumeFrom?.dir ?? modelDir, device: config.device, ...rolloutEngineOptions(config, hooks) }) : policy;
  const referencePolicy = config.loss.klCoef > 0 ? await plugins.backend.load({ modelDir, device: config.device }) : undefined;

  const sampler = new EpochSampler(records.length, config.promptsPerStep, config.seed);
  // Dynamic sampling draws replacement prompts from an independent, equally stateless stream.
  const refillSampler = new EpochSampler(records.length, config.promptsPerStep, config.seed ^ 0x5eed);
  const totalSteps = Math.min(config.maxSteps ?? Number.POSITIVE_INFINITY, sampler.totalSteps(config.epochs));
  const startStep = resumeFrom?.step ?? 0;
  const metricsLog = await MetricsLog.open(files.metrics, resumeFrom ? { checkpointStep: resumeFrom.step } : {});
  const tensorboard = await TensorBoardWriter.open(runDir, resumeFrom ? { checkpointStep: resumeFrom.step } : {});
  hooks.onStart?.({ startStep, totalSteps, stepsPerEpoch: sampler.stepsPerEpoch, records: records.length, filtered, backend: policy.info.backend, device: policy.info.device, resumedFrom: resumeFrom?.dir });

  // Servers started on --model hold the starting weights; a resumed run's must first get the checkpoint's.
  if (resumeFrom && rolloutPolicy !== policy && rolloutPolicy.updateWeights && config.rollout.servers) {
    await rolloutPolicy.updateWeights(await writeSyncFolder(syncDirOf(config), resumeFrom.step, policy));
  }
  const ctx = { config, policy, rolloutPolicy, referencePolicy, tokenizer, templates: plugins.templates, verifier: plugins.verifier, records };
  const rows: MetricsRow[] = [];
  const generateFor = (index: number) => generateStepRollouts(ctx, index, sampler.position(index).epoch, sampler.batch(index), (attempt) => refillSampler.batch(index * MAX_REFILLS + attempt));
  const overlap = config.rollout.maxStaleness > 0 && rolloutPolicy !== policy;
  if (config.rollout.maxStaleness > 0 && !overlap) hooks.onWarning?.('--max-staleness has no effect without a separate rollout engine (--rollout-backend): the training policy cannot generate while it trains.');
  let prefetched: ReturnType<typeof generateFor> | undefined;
  let lastCheckpoint: CheckpointInfo | undefined = resumeFrom;
  const mismatchHistory: number[] = [];
  try {
    for (let index = startStep; index < totalSteps; index++) {
      const step = index + 1;
      const { epoch } = sampler.position(index);
      const nanError = () => new UserError(`The loss became NaN or infinite at step ${step}. ${lastCheckpoint ? `The last good checkpoint, ${lastCheckpoint.dir}, is intact.` : 'No checkpoint was written yet.'} Lower the learning rate (--lr) or check the data and model; then resume with --resume.`, 'PA_NAN_LOSS');
      const lr = learningRateAt(index, totalSteps, { lr: optimizer.lr, schedule, warmupSteps, minLrRatio });
      if (scheduled) policy.configure?.({ optimizer: { lr } });
      const generation = prefetched ?? generateFor(index);
      prefetched = undefined;
      const rollouts = await generation.catch((error: unknown) => {
        throw error instanceof NonFiniteModelError ? nanError() : error;
      });
      // --max-staleness ≥ 1: the next step generates on the engine's current (older) weights while this one trains.
      if (overlap && index + 1 < totalSteps) {
        prefetched = generateFor(index + 1);
        prefetched.catch(() => undefined); // awaited next iteration; a failure then stops the run
      }
      const result = await trainOnRollouts(ctx, rollouts).catch((error: unknown) => {
        throw error instanceof NonFiniteModelError ? nanError() : error;
      });
      if (result.updates.some((u) => !Number.isFinite(u.loss))) throw nanError();
      // The collapse warning is data too (1 on the steps it was raised), so `pa report` can draw it where it happened.
      const collapsed = result.entropy < config.entropyCollapseThreshold;
      const row = { ...stepMetrics(step, epoch, result, lr), entropyCollapse: collapsed ? 1 : 0 };
      if (result.mismatch) {
        if (mismatchJumped(mismatchHistory, result.mismatch.logpAbsDiff)) {
          hooks.onWarning?.(`rollout engine mismatch jumped at step ${step}: token-mean |Δ logp| ${result.mismatch.logpAbsDiff.toFixed(4)} against ${(mismatchHistory.reduce((a, v) => a + v, 0) / mismatchHistory.length).toFixed(4)} before (KL ${result.mismatch.kl.toFixed(4)}). The engine may not hold the trainer's weights: check the weight sync (--sync-dir readable by every server, the servers' logs).`);
        }
        mismatchHistory.push(result.mismatch.logpAbsDiff);
      }
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
        await rolloutPolicy.updateWeights(lastCheckpoint?.step === step && !config.rollout.syncDir ? lastCheckpoint.dir : await writeSyncFolder(syncDirOf(config), step, policy));
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

async function pickResumeCheckpoint(config: TrainConfig, resume: boolean, configHash: string, hooks: TrainHooks): Promise<CheckpointInfo | undefined> {
  const runDir = config.out;
  const checkpoints = listCheckpoints(runDir);
  if (!resume) {
    if (checkpoints.length > 0 || existsSync(runFolderPaths(runDir).metrics)) {
      throw new UserError(`The output folder ${runDir} already holds a run (${checkpoints.length} checkpoints). Pass --resume to continue it, or choose another --out.`, 'PA_RUN_EXISTS');
    }
    return undefined;
  }
  const newest = await newestIntactCheckpoint(checkpoints, (message) => hooks.onWarning?.(message));
  if (!newest) return undefined;
  const state = readTrainerState(newest.dir);
  if (state.configHash !== configHash) throw resumeMismatchError(runDir, newest.dir, config);
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
  await appendFile(runFolderPaths(runDir).evals, `${JSON.stringify({ step: checkpoint.step, checkpoint: checkpoint.dir, ...results })}\n`);
  await tensorboard.scalars(checkpoint.step, { eval: results });
}
