/** Builds a graph for a tiny model and opens it as a DecoderSession, for tests of the step API. */
import type { TinyModel } from '@prompt-aug/core/model';
import { join } from 'node:path';
import { openDecoder } from '../../src/load/open-decoder.js';
import { buildDecoderOnnx } from '../../src/onnx/build-decoder.js';
import type { DecoderSession } from '../../src/session/decoder-session.js';
import { tempDir } from './tiny.js';

export async function decoderFor(model: TinyModel, fused: boolean): Promise<DecoderSession> {
  const built = await buildDecoderOnnx(model.config, model.weights, join(tempDir(), 'graph'), { fused });
  return openDecoder(built.modelPath, { device: 'cpu', intraOpNumThreads: 1 });
}

/** Largest |a - b| over a range of two arrays. */
export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i]! - b[i]!));
  return worst;
}

/** Left-pads token rows to one width; returns ids and mask. */
export function leftPad(rows: number[][], pad = 0): { inputIds: number[][]; attentionMask: number[][] } {
  const width = Math.max(...rows.map((r) => r.length));
  return {
    inputIds: rows.map((r) => [...new Array<number>(width - r.length).fill(pad), ...r]),
    attentionMask: rows.map((r) => [...new Array<number>(width - r.length).fill(0), ...r.map(() => 1)]),
  };
}

export function rightPad(rows: number[][], pad = 0): { ids: number[][]; mask: number[][] } {
  const width = Math.max(...rows.map((r) => r.length));
  return {
    ids: rows.map((r) => [...r, ...new Array<number>(width - r.length).fill(pad)]),
    mask: rows.map((r) => [...r.map(() => 1), ...new Array<number>(width - r.length).fill(0)]),
  };
}
