import { formatConfig, ProgressBar } from '@prompt-aug/core';
import { DEFAULT_TRAINING_BACKEND, resolveTrainConfig, train, type MetricsRow } from '@prompt-aug/core/train';
import { checkpointEvalHook } from '@prompt-aug/eval';
import { backendPluginName, pickGenerationBackend } from '../lib/pick-backend.js';
import { BaseCommand } from '../lib/base-command.js';
import { demoOverrides, demoReport } from '../lib/demo.js';
import { trainFlagOverrides, trainFlags } from '../lib/train-flags.js';

export default class Train extends BaseCommand {
  static override summary = 'Train a model with GRPO and prompt augmentation (templates-diverse by default).';
  static override description = `Each step draws prompts, renders each under a template picked from the --plugin set (one template per
prompt, shared by its rollout group), generates --rollouts-per-prompt responses, rewards them with the verifier
(+ the template's format reward), computes group-relative advantages and updates the policy with the clipped
policy-gradient loss (no KL by default). Defaults are the paper's recipe (--preset paper); values come from
the preset, then --config, then flags. The run folder gets checkpoints (Hugging Face folders + trainer_state/),
metrics.jsonl and TensorBoard event files; --resume continues from the newest checkpoint.`;
  static override examples = [
    { description: 'The built-in demo: no download, a tiny model learns arithmetic on the CPU (ONNX Runtime, the default backend)', command: '<%= config.bin %> train --demo' },
    { description: 'The same on the TensorFlow.js backend', command: '<%= config.bin %> train --demo --backend tfjs' },
    { description: 'The paper', command: '<%= config.bin %> train --plugin templates-diverse --model Qwen/Qwen2.5-Math-1.5B --data math-level3to5 --out runs/paper' },
    { description: 'The single-template GRPO baseline from a config file', command: '<%= config.bin %> train --preset grpo --config run.yaml' },
    {
      description: 'Rollouts on two vLLM servers (or pa serve) that read new weights from a shared folder',
      command: '<%= config.bin %> train --model Qwen/Qwen2.5-Math-1.5B --data math-level3to5 --rollout-backend server --rollout-server http://gpu1:8000 --rollout-server http://gpu2:8000 --rollout-server-kind vllm --sync-dir /shared/pa-sync',
    },
    { description: 'Continue a stopped run', command: '<%= config.bin %> train --config run.yaml --resume' },
    { description: 'Show the merged config without training', command: '<%= config.bin %> train --config run.yaml --lr 2e-6 --print-config' },
  ];
  static override flags = trainFlags;

  async run(): Promise<Record<string, unknown>> {
    const { flags } = await this.parse(Train);
    const log = (message: string) => (this.jsonEnabled() ? undefined : this.logToStderr(message));
    const demo = flags.demo ? await demoOverrides(flags.out ?? 'runs/demo', { name: backendPluginName(flags.backend ?? DEFAULT_TRAINING_BACKEND), device: flags.device }, this.resolveOptions(), log) : {};
    const overrides = trainFlagOverrides({ ...flags, backend: flags.backend && backendPluginName(flags.backend), 'rollout-backend': flags['rollout-backend'] && backendPluginName(flags['rollout-backend']) });
    // With --demo, --out names the demo folder; the run itself goes to <out>/run.
    if (flags.demo) delete overrides.out;
    const { config, warnings } = resolveTrainConfig({ file: flags.config, flags: { ...demo, ...overrides } });
    for (const w of warnings) this.warn(`config ${w.path}: ${w.message}`);
    if (flags['print-config']) {
      this.log(formatConfig(config, this.jsonEnabled() ? 'json' : 'yaml').trimEnd());
      return { config };
    }
    const progress = new ProgressBar({ label: 'train', unit: 'step', enabled: !this.jsonEnabled() });
    // Periodic eval runs the same code as `pa eval`, on each evaluated checkpoint.
    const evaluate = config.evalEvery > 0
      ? checkpointEvalHook({
          backend: await pickGenerationBackend(flags['eval-backend'], this.resolveOptions()),
          benchmarks: { dataDir: flags['eval-data-dir'] ?? config.dataDir, limit: flags['eval-limit'] },
          generation: flags['eval-max-new-tokens'] ? { maxNewTokens: flags['eval-max-new-tokens'] } : {},
          resolve: this.resolveOptions(),
          progress: false,
        })
      : undefined;
    const summary = await train(config, {
      resume: flags.resume,
      resolve: this.resolveOptions(),
      hooks: {
        onStart: (info) => {
          progress.setTotal(info.totalSteps);
          progress.update(info.startStep);
          if (!this.jsonEnabled()) {
            this.logToStderr(`${info.records} prompts (${info.filtered} too long, filtered), ${info.stepsPerEpoch} steps/epoch, training on ${info.backend} (device ${info.device})${info.resumedFrom ? `, resumed from ${info.resumedFrom}` : ''}`);
          }
        },
        onStep: (row) => progress.update(row.step, stepFields(row)),
        onWarning: (message) => this.warn(message),
        ...(evaluate ? { evaluate } : {}),
      },
    });
    progress.finish();
    const report = flags.demo ? demoReport(summary.metrics) : undefined;
    const result = { out: config.out, steps: summary.steps, lastCheckpoint: summary.lastCheckpoint?.dir ?? null, ...report };
    if (!this.jsonEnabled()) {
      if (report) this.log(`demo: mean accuracy ${report.firstStepsAccuracy.toFixed(3)} in the first 5 steps -> ${report.lastStepsAccuracy.toFixed(3)} in the last 5`);
      this.log(`checkpoint: ${result.lastCheckpoint ?? '(none)'}\nmetrics:    ${config.out}/metrics.jsonl\ntensorboard: ${config.out}/tensorboard`);
    }
    return result;
  }
}

function stepFields(row: MetricsRow): Record<string, string> {
  const n = (v: unknown, d = 3) => (typeof v === 'number' && Number.isFinite(v) ? v.toFixed(d) : '-');
  const tps = (row.tokensPerSecond as Record<string, number> | undefined)?.step;
  return { epoch: String(row.epoch), reward: n(row.reward), acc: n(row.accuracy), entropy: n(row.entropy), 'tok/s': n(tps, 0) };
}
