/** Opens an ONNX decoder file as a DecoderSession, with a clear error for unusable files. */
import { UserError } from '@prompt-aug/core';
import { InferenceSession } from 'onnxruntime-node';
import { DecoderSession } from '../session/decoder-session.js';
import { readDecoderLayout } from '../session/decoder-layout.js';
import { sessionOptions, type SessionSettings } from '../session/session-options.js';
import { graphPadding } from './graph-padding.js';

export async function openDecoder(modelPath: string, settings: SessionSettings): Promise<DecoderSession> {
  let session: InferenceSession;
  try {
    session = await InferenceSession.create(modelPath, sessionOptions(settings));
  } catch (error) {
    throw new UserError(
      `ONNX Runtime could not load ${modelPath}: ${(error as Error).message}. If it uses external data, keep its data file next to it under the name it was exported with; otherwise re-export the model.`,
      'PA_ORT_LOAD_FAILED',
      { cause: error },
    );
  }
  return new DecoderSession(session, readDecoderLayout(session, await graphPadding(modelPath), modelPath));
}
