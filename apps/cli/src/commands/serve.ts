import { existsSync } from 'node:fs';
import { Args, Flags } from '@oclif/core';
import { loadPlugin, UserError } from '@prompt-aug/core';
import { loadTokenizer, readModelConfig, resolveModel } from '@prompt-aug/core/model';
import { BaseCommand } from '../lib/base-command.js';
import { backendPluginName } from '../lib/pick-backend.js';
import { checkListenHost } from '../lib/serve/check-host.js';
import { startCompletionServer } from '../lib/serve/completion-server.js';
import { exposedWarning, isLoopbackHost } from '../lib/serve/loopback.js';

export default class Serve extends BaseCommand {
  static override summary = 'Serve a checkpoint as an OpenAI-compatible completions API and a rollout server for pa train (vLLM/SGLang-style token ids, log-probs, weight reloads).';
  static override description =
    'Runs the checkpoint on a local backend (ONNX Runtime by default) behind the OpenAI completions API, so `pa eval --backend openai`, and any OpenAI client, can use it. Listens on loopback (127.0.0.1) unless --host says otherwise; prints the API URL and stops on Ctrl-C (SIGINT) or SIGTERM. As a rollout server (`pa train --rollout-backend server --rollout-server URL`) it takes token-id prompts, returns `token_ids` and the sampled tokens\' log-probs (temperature applied), and loads new weights on POST /update_weights_from_disk (SGLang) or /collective_rpc reload_weights (vLLM), reporting the version on GET /get_weight_version.';
  static override examples = [
    '<%= config.bin %> serve runs/demo/run/checkpoints/step-000060',
    '<%= config.bin %> serve ckpt/ --port 8001 --model-name my-model',
    '<%= config.bin %> eval --backend openai --base-url http://127.0.0.1:8000/v1 --model ckpt/ --limit 2',
  ];
  static override args = { checkpoint: Args.string({ description: 'Hugging Face model folder or hub id', required: true }) };
  static override flags = {
    backend: Flags.string({ char: 'b', description: 'generation backend plugin: ort (ONNX Runtime) or tfjs, or a plugin name', default: 'backend-ort' }),
    device: Flags.string({ description: 'backend device (ort: cpu, cuda, webgpu; pa doctor lists them)' }),
    host: Flags.string({ description: 'interface to listen on (loopback by default; 0.0.0.0 exposes it to the network)', default: '127.0.0.1' }),
    port: Flags.integer({ description: 'TCP port (0 picks a free one)', default: 8000 }),
    'model-name': Flags.string({ description: 'the name clients pass as `model` (default: the checkpoint argument)' }),
    'api-key': Flags.string({ description: 'clients must send `Authorization: Bearer <key>` (also from PA_SERVE_API_KEY)', env: 'PA_SERVE_API_KEY' }),
    'max-n': Flags.integer({ description: 'most completions per prompt (`n`) in one request', default: 64, min: 1 }),
    'max-batch': Flags.integer({ description: 'most sequences (prompts × n) in one request', default: 512, min: 1 }),
    'max-queue': Flags.integer({ description: 'requests that may wait while one generates; more get 429 with Retry-After', default: 32, min: 1 }),
  };

  async run(): Promise<Record<string, unknown>> {
    const { args, flags } = await this.parse(Serve);
    if (flags.port < 0 || flags.port > 65535) throw new UserError(`--port must be between 0 and 65535; got ${flags.port}.`, 'PA_SERVE_BAD_FLAG');
    await checkListenHost(flags.host); // before the model loads: a typo'd host should not cost a load
    const modelDir = existsSync(args.checkpoint) ? args.checkpoint : await resolveModel(args.checkpoint, { argumentName: 'the checkpoint argument' });
    const { plugin } = await loadPlugin(backendPluginName(flags.backend), { ...this.resolveOptions(), kind: 'backend' });
    if (!plugin.capabilities.generate) throw new UserError(`The backend ${flags.backend} cannot generate text; serve with --backend backend-ort or backend-tfjs.`, 'PA_SERVE_BAD_FLAG');
    const tokenizer = await loadTokenizer(modelDir);
    const policy = await plugin.load({ modelDir, ...(flags.device ? { device: flags.device } : {}) });
    const modelName = flags['model-name'] ?? args.checkpoint;
    let server;
    try {
      const limits = { maxN: flags['max-n'], maxBatch: flags['max-batch'], maxQueue: flags['max-queue'], contextLength: (await readModelConfig(modelDir)).maxPositionEmbeddings };
      server = await startCompletionServer({ policy, tokenizer, host: flags.host, port: flags.port, modelName, limits, ...(flags['api-key'] ? { apiKey: flags['api-key'] } : {}) });
    } catch (error) {
      await policy.dispose();
      const code = (error as { code?: string }).code;
      if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL') {
        throw new UserError(`Cannot listen on ${flags.host}:${flags.port} (${code}). Pick another --port (0 picks a free one) or --host.`, 'PA_SERVE_LISTEN');
      }
      throw error;
    }
    // The URL line is what scripts and tests wait for; keep its shape stable.
    this.log(`Serving ${modelName} (${policy.info.backend}) at ${server.url}`);
    if (!isLoopbackHost(flags.host)) this.warn(exposedWarning(flags.host, Boolean(flags['api-key'])));
    const signal = await new Promise<NodeJS.Signals>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    await server.close(); // drops open connections, so clients see the stop at once
    this.logToStderr(`Stopped on ${signal}.`);
    // A generation in flight runs on to its token limit and would keep the process alive (it waited
    // 15 s and more): give the --json output a moment to flush, then exit whatever is still running.
    setTimeout(() => process.exit(), 250).unref();
    await policy.dispose();
    return { url: server.url, model: modelName, stoppedBy: signal };
  }
}
