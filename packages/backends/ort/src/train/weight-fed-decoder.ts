/**
 * The standard decoder graph with its weights as graph inputs, so generation and scoring
 * read the same live tensors the trainer updates: no graph rebuild and no session swap per
 * step. Building it also yields the weights in graph layout, the trainer's parameters.
 */
import { UserError } from '@prompt-aug/core';
import { InferenceSession, Tensor } from 'onnxruntime-node';
import type { DecoderConfig, WeightMap } from '../onnx/decoder-config.js';
import { GraphBuilder } from '../onnx/graph-builder.js';
import { encodeModel } from '../onnx/proto.js';
import { buildStandardDecoder } from '../onnx/standard-decoder.js';
import { DecoderSession } from '../session/decoder-session.js';
import { readDecoderLayout } from '../session/decoder-layout.js';
import { sessionOptions, type SessionSettings } from '../session/session-options.js';
import { graphParameters } from './graph-parameters.js';

/** Checkpoint weights → graph-layout parameter tensors, plus the decoder graph that reads them. */
export function buildWeightFedDecoder(config: DecoderConfig, weights: WeightMap): { graph: Uint8Array; params: Map<string, Tensor> } {
  const g = new GraphBuilder(null);
  const collected = g.weightsAsInputs();
  buildStandardDecoder(g, config, weights);
  const params = new Map<string, Tensor>();
  for (const p of graphParameters(config)) {
    const w = collected.get(p.name);
    if (!w || w.dims.join() !== p.dims.join()) throw new Error(`weight-fed decoder: parameter ${p.name} [${p.dims.join(', ')}] not built as expected`);
    params.set(p.name, new Tensor('float32', w.data, p.dims));
  }
  if (collected.size !== params.size) throw new Error('weight-fed decoder: the graph reads weights the trainer does not hold');
  return { graph: encodeModel(g.model('prompt-aug backend-ort (weights as inputs)')), params };
}

export async function openWeightFedDecoder(graph: Uint8Array, settings: SessionSettings, params: () => ReadonlyMap<string, Tensor>): Promise<DecoderSession> {
  let session: InferenceSession;
  try {
    session = await InferenceSession.create(graph, sessionOptions(settings));
  } catch (error) {
    throw new UserError(`ONNX Runtime could not open the training decoder graph: ${(error as Error).message}.`, 'PA_ORT_TRAIN_GRAPH_FAILED', { cause: error });
  }
  return new DecoderSession(session, readDecoderLayout(session, 'left', 'the training decoder'), () => Object.fromEntries(params()));
}
