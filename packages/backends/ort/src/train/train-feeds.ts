/** The training graph's batch inputs for rows [start, end) of a step's TrainStepInput. */
import type { TrainStepInput } from '@prompt-aug/plugin-api';
import { Tensor } from 'onnxruntime-node';
import { int64Matrix } from '../session/tensors.js';
import { TRAIN_IO as IO } from './graph/train-io.js';

function float32Matrix(rows: readonly (readonly number[])[]): Tensor {
  const width = rows[0]?.length ?? 0;
  const data = new Float32Array(rows.length * width);
  rows.forEach((row, r) => data.set(row, r * width));
  return new Tensor('float32', data, [rows.length, width]);
}

/** Hugging Face positions: cumsum(mask) − 1, clamped at 0 on the left pads. */
function positions(mask: number[][]): number[][] {
  return mask.map((row) => {
    let seen = 0;
    return row.map((m) => {
      seen += m;
      return Math.max(seen - 1, 0);
    });
  });
}

export function batchFeeds(input: TrainStepInput, weights: number[][], start: number, end: number, withRef: boolean): Record<string, Tensor> {
  const rows = <T>(xs: T[]) => xs.slice(start, end);
  const ids = rows(input.promptIds).map((p, i) => [...p, ...input.responseIds[start + i]!]);
  const mask = rows(input.promptMask).map((p, i) => [...p, ...input.responseMask[start + i]!]);
  const feeds: Record<string, Tensor> = {
    [IO.inputIds]: int64Matrix(ids),
    [IO.attentionMask]: int64Matrix(mask),
    [IO.positionIds]: int64Matrix(positions(mask)),
    [IO.targets]: int64Matrix(rows(input.responseIds)),
    [IO.responseMask]: float32Matrix(rows(input.responseMask)),
    [IO.oldLogprobs]: float32Matrix(rows(input.oldLogprobs)),
    [IO.lossWeights]: float32Matrix(rows(weights)),
    [IO.advantages]: new Tensor('float32', Float32Array.from(rows(input.advantages)), [end - start, 1]),
    [IO.invTemperature]: new Tensor('float32', Float32Array.of(1 / (input.temperature ?? 1)), []),
  };
  if (withRef) feeds[IO.refLogprobs] = float32Matrix(rows(input.refLogprobs!));
  return feeds;
}
