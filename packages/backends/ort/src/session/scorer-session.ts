/** Runs the scorer graph (log p(target) and entropy per logits row) on its own small session. */
import { InferenceSession, Tensor } from 'onnxruntime-node';
import { SCORER_IO, buildScorerModel } from '../onnx/scorer-graph.js';
import { sessionOptions, type SessionSettings } from './session-options.js';
import { float32Of } from './tensors.js';

export class ScorerSession {
  private constructor(private readonly session: InferenceSession) {}

  static async create(settings: SessionSettings): Promise<ScorerSession> {
    return new ScorerSession(await InferenceSession.create(buildScorerModel(), sessionOptions(settings)));
  }

  /** `logits` is [rows, vocab]; returns one log-prob and one entropy per row. */
  async score(logits: Float32Array, vocab: number, targets: number[], temperature: number): Promise<{ logprobs: Float32Array; entropy: Float32Array }> {
    const rows = targets.length;
    const out = await this.session.run({
      [SCORER_IO.logits]: new Tensor('float32', logits, [rows, vocab]),
      [SCORER_IO.targets]: new Tensor('int64', BigInt64Array.from(targets, BigInt), [rows]),
      [SCORER_IO.invTemperature]: new Tensor('float32', Float32Array.of(1 / temperature), []),
    });
    return { logprobs: float32Of(out[SCORER_IO.logprobs]!), entropy: float32Of(out[SCORER_IO.entropy]!) };
  }

  async dispose(): Promise<void> {
    await this.session.release();
  }
}
