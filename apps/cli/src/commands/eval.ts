import { existsSync } from 'node:fs';
import { Args, Flags } from '@oclif/core';
import { UserError } from '@prompt-aug/core';
import { resolveModel } from '@prompt-aug/core/model';
import { classifyFolder } from '@prompt-aug/core/train';
import { evaluateCheckpoint, evaluateMany, formatComparisonTable, formatResultsTable, runOpenAiEval, scoreResponses, type GraderMode } from '@prompt-aug/eval';
import { BaseCommand } from '../lib/base-command.js';
import { pickGenerationBackend } from '../lib/pick-backend.js';

export default class Eval extends BaseCommand {
  static override summary = 'Score a checkpoint on AIME24, AMC, MATH500, Minerva and OlympiadBench.';
  static override description = `The paper's protocol by default: the qwen-math prompt, greedy decoding, up to 3,000 new tokens, the
last-\\boxed{} grader. Reports the accuracy per benchmark, their mean (per-benchmark accuracy) and all 1,560
questions pooled (per-question accuracy), in percent, under two graders side by side: prompt-aug's corrected grader
and the paper's own protocol (understand-r1-zero boxed_reward_fn, the numbers papers print), plus every response
they score differently with a reason code (docs/grading.md). Every generation is appended to <out>/samples.jsonl as it
finishes; --resume generates only what is missing and re-grades what it keeps. samples.meta.json records a
fingerprint of the model files and of every setting that changes a sample: samples made by other weights or
settings are refused. One eval writes a folder at a time (eval.lock). Writes results.json and report.html (charts, per-sample
drill-down). Several checkpoints, or a training run folder, give one comparison table and accuracy-over-steps curves.`;
  static override examples = [
    { description: 'A checkpoint, all five benchmarks', command: '<%= config.bin %> eval runs/demo/run/checkpoints/step-000060' },
    { description: 'Two questions per benchmark, local benchmark files', command: '<%= config.bin %> eval ckpt/ --limit 2 --data-dir ../shared/data/benchmarks' },
    { description: 'Every checkpoint of a training run, compared', command: '<%= config.bin %> eval runs/paper --out runs/paper/eval' },
    { description: 'Score generations made elsewhere (e.g. by vLLM)', command: '<%= config.bin %> eval --responses outputs.jsonl --out eval-vllm' },
    { description: "Headline numbers under the paper's protocol (the corrected grader beside them)", command: '<%= config.bin %> eval --responses outputs.jsonl --grader paper' },
    { description: 'Generate through an OpenAI-compatible server (vLLM, SGLang, llama.cpp, pa serve)', command: '<%= config.bin %> eval --backend openai --base-url http://127.0.0.1:8000/v1 --model Qwen/Qwen2.5-Math-1.5B --out eval-remote' },
    { description: 'avg@8, pass@8 and maj@8 with sampling', command: '<%= config.bin %> eval ckpt/ --samples 8 --temperature 0.6 --top-p 0.95' },
  ];
  static override strict = false;
  static override args = { checkpoint: Args.string({ description: 'checkpoint folder, training run folder or hub id (several allowed)' }) };
  static override flags = {
    responses: Flags.string({ description: 'score this JSONL of {benchmark, id|problem, response} instead of generating' }),
    benchmarks: Flags.string({ description: 'comma-separated subset of aime24,amc,math500,minerva,olympiadbench' }),
    backend: Flags.string({ char: 'b', description: 'generation backend (default: the fastest available: backend-ort, else backend-tfjs); openai: a remote OpenAI-compatible server' }),
    'base-url': Flags.string({ description: 'with --backend openai: the server, e.g. http://127.0.0.1:8000/v1' }),
    model: Flags.string({ description: 'with --backend openai: the served model name' }),
    concurrency: Flags.integer({ description: 'with --backend openai: requests in flight', default: 8 }),
    device: Flags.string({ description: 'backend device (ort: cpu, cuda, webgpu; pa doctor lists them)' }),
    template: Flags.string({ description: 'template id of the prompt (default qwen-math)' }),
    templates: Flags.string({ description: 'template-set plugin holding --template', default: 'templates-qwen-math' }),
    verifier: Flags.string({ description: 'verifier plugin', default: 'verifier-math' }),
    grader: Flags.string({ description: "eval: prompt-aug's corrected last-\\boxed{} grader; paper: the paper's own eval protocol, quirks included; train: the lenient training extraction. The other of eval/paper is always reported next to it, with the questions they differ on", options: ['eval', 'paper', 'train'], default: 'eval' }),
    'max-new-tokens': Flags.integer({ description: 'generation limit', default: 3000 }),
    temperature: Flags.string({ description: '0 = greedy', default: '0' }),
    'top-p': Flags.string({ description: 'nucleus sampling', default: '1' }),
    samples: Flags.integer({ char: 'k', description: 'samples per question (avg@k, pass@k, maj@k)', default: 1 }),
    runs: Flags.integer({ description: 'repeat the whole eval (the paper averages 5 runs)', default: 1 }),
    seed: Flags.integer({ description: 'sampling seed', default: 42 }),
    limit: Flags.integer({ description: 'first n questions of each benchmark' }),
    'batch-size': Flags.integer({ description: 'sequences per generate call' }),
    'data-dir': Flags.string({ description: 'folder with local benchmark files (else downloaded and cached)' }),
    out: Flags.string({ char: 'o', description: 'output folder (default <checkpoint>/eval)' }),
    resume: Flags.boolean({ description: 'continue an interrupted eval in --out (its samples must come from the same model files and settings)', default: false }),
  };

  async run(): Promise<Record<string, unknown>> {
    const { argv, flags } = await this.parse(Eval);
    const paths = argv as string[];
    const resolve = this.resolveOptions();
    const common = {
      benchmarks: { names: flags.benchmarks?.split(',').map((s) => s.trim()), dataDir: flags['data-dir'], limit: flags.limit },
      plugins: { verifier: flags.verifier, templates: flags.templates, template: flags.template, resolve },
      grader: flags.grader as GraderMode,
      progress: !this.jsonEnabled(),
    };
    if (flags.responses) {
      if (paths.length > 0) throw new UserError('Give either checkpoints to generate with, or --responses to score existing generations, not both.');
      const outcome = await scoreResponses({ ...common, responsesFile: flags.responses, outDir: flags.out ?? 'eval-responses' });
      this.log(outcome.table);
      return outcome.results as unknown as Record<string, unknown>;
    }
    if (flags.backend === 'openai') {
      // A remote OpenAI-compatible server generates; everything after (samples, results, report, --resume) is runEval's.
      if (!flags['base-url'] || !flags.model) {
        throw new UserError('--backend openai needs the server and the model it serves: add --base-url (e.g. http://127.0.0.1:8000/v1) and --model NAME (the name the server lists under /v1/models).');
      }
      if (paths.length > 0) throw new UserError(`--backend openai generates on the server at ${flags['base-url']}; drop the checkpoint argument (${paths[0]}) and name the served model with --model.`);
      const outDir = flags.out ?? `eval-${flags.model.replace(/[^\w.-]+/g, '_')}`;
      const outcome = await runOpenAiEval({ ...common, baseUrl: flags['base-url'], modelName: flags.model, concurrency: flags.concurrency, outDir, generation: generationOf(flags), resume: flags.resume });
      this.log(`${outcome.table}\nresults: ${outDir}/results.json  report: ${outDir}/report.html`);
      return outcome.results as unknown as Record<string, unknown>;
    }
    if (flags['base-url'] || flags.model) throw new UserError('--base-url and --model choose a remote server; they need --backend openai (e.g. `pa eval --backend openai --base-url http://127.0.0.1:8000/v1 --model NAME`).');
    if (paths.length === 0) throw new UserError('Name a checkpoint to evaluate (`pa eval runs/x/checkpoints/step-000020`), a training run folder, a hub id, or pass --responses file.jsonl.');
    const backend = await pickGenerationBackend(flags.backend, resolve);
    const generation = generationOf(flags);
    const loadOptions = flags.device ? { device: flags.device } : {};
    // Local folders (checkpoints or run folders) are used as they are; anything else is a hub id.
    const dirs = await Promise.all(paths.map((p) => (existsSync(p) ? p : resolveModel(p, { argumentName: 'the checkpoint argument' }))));
    // One model folder is evaluated alone; run folders (and anything unclear, which evaluateMany explains) go to evaluateMany.
    if (dirs.length === 1 && classifyFolder(dirs[0]!).kind === 'model') {
      const score = await evaluateCheckpoint({ ...common, checkpointDir: dirs[0]!, backend, loadOptions, generation, resume: flags.resume, resolve, ...(flags.out ? { outDir: flags.out } : {}) });
      this.log(`${formatResultsTable(score.results)}\nresults: ${score.outDir}/results.json  report: ${score.outDir}/report.html`);
      return score.results as unknown as Record<string, unknown>;
    }
    const many = await evaluateMany({ ...common, paths: dirs, backend, loadOptions, generation, resume: flags.resume, resolve, ...(flags.out ? { outDir: flags.out } : {}) });
    this.log(formatComparisonTable(many.comparison.evaluations));
    return { checkpoints: many.scores.map((s) => ({ outDir: s.outDir, perBenchmarkAccuracy: s.perBenchmarkAccuracy, perQuestionAccuracy: s.perQuestionAccuracy, benchmarks: s.benchmarks })) };
  }
}

/** The generation settings of the flags, shared by the local and the openai backends. */
function generationOf(flags: { 'max-new-tokens': number; temperature: string; 'top-p': string; samples: number; runs: number; seed: number; 'batch-size'?: number | undefined }) {
  return {
    maxNewTokens: flags['max-new-tokens'],
    temperature: Number(flags.temperature),
    topP: Number(flags['top-p']),
    samples: flags.samples,
    runs: flags.runs,
    seed: flags.seed,
    ...(flags['batch-size'] ? { batchSize: flags['batch-size'] } : {}),
  };
}
