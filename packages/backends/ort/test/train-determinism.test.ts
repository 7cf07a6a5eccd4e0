/**
 * With more than one intra-op thread, a training step must still give the same gradients
 * every time: a resumed run replays an uninterrupted one only if each step is a function of
 * its inputs. The batch repeats a handful of token ids many times, which is where an
 * embedding gradient summed by racing threads (ORT's CPU ScatterND with reduction "add")
 * differs from run to run.
 */
import { DEFAULT_LOSS, type TrainStepInput } from '@prompt-aug/plugin-api';
import { randomModelWeights, tinyModelConfig, type ModelConfig } from '@prompt-aug/core/model';
import { Tensor } from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { CheckpointedGradients } from '../src/train/checkpointed-gradients.js';
import { GradientSessions, type GradientEngine } from '../src/train/gradient-sessions.js';
import { graphParameters, toGraphLayout } from '../src/train/graph-parameters.js';

const settings = { device: 'cpu', intraOpNumThreads: 2 };

function repetitiveBatch(rows: number, prompt: number, response: number): TrainStepInput {
  const ids = (n: number, salt: number) => Array.from({ length: rows }, (_, b) => Array.from({ length: n }, (_, t) => 2 + ((b * 7 + t * 3 + salt) % 9)));
  const ones = (n: number) => Array.from({ length: rows }, () => Array.from({ length: n }, () => 1));
  return {
    promptIds: ids(prompt, 0),
    promptMask: ones(prompt),
    responseIds: ids(response, 5),
    responseMask: ones(response),
    oldLogprobs: Array.from({ length: rows }, () => Array.from({ length: response }, () => -2.5)),
    advantages: Array.from({ length: rows }, (_, b) => (b % 3) - 1),
    microBatchSize: rows,
  };
}

async function gradientBits(engine: GradientEngine, config: ModelConfig, input: TrainStepInput): Promise<Map<string, Uint32Array>> {
  const weights = randomModelWeights(config, 3, 0.2);
  const params = new Map(graphParameters(config).map((p) => [p.name, new Tensor('float32', toGraphLayout(p, weights.get(p.hfName)!.data), p.dims)]));
  const { grads } = await engine.gradients(params, input, DEFAULT_LOSS);
  return new Map([...grads].map(([name, t]) => [name, new Uint32Array(Float32Array.from(t.data as Float32Array).buffer)]));
}

describe('training gradients are bit-identical from run to run with 2 threads', () => {
  for (const tieWordEmbeddings of [false, true]) {
    const config = { ...tinyModelConfig({ architecture: 'qwen2', hiddenSize: 64, intermediateSize: 96, numAttentionHeads: 4, numKeyValueHeads: 2, tieWordEmbeddings }) };
    const input = repetitiveBatch(64, 48, 32);
    for (const [name, make] of [
      ['whole-step graph', () => new GradientSessions(config, settings)],
      ['checkpointed layers', () => new CheckpointedGradients(config, settings)],
    ] as const) {
      it(`${tieWordEmbeddings ? 'tied' : 'untied'} head, ${name}`, async () => {
        const engine = make();
        const first = await gradientBits(engine, config, input);
        for (let run = 0; run < 5; run++) {
          const again = await gradientBits(engine, config, input);
          for (const [param, bits] of first) expect(Buffer.compare(Buffer.from(again.get(param)!.buffer), Buffer.from(bits.buffer)), `${param}, run ${run + 2}`).toBe(0);
        }
        await engine.dispose();
      });
    }
  }
});
