/**
 * Session options for the training graphs: as for inference, but without ORT's CPU memory
 * arena, which would keep each session's largest run (gradients of the whole model) reserved
 * between steps on top of the tensors JavaScript holds.
 */
import type { InferenceSession } from 'onnxruntime-node';
import { sessionOptions, type SessionSettings } from '../session/session-options.js';

export function trainingSessionOptions(settings: SessionSettings): InferenceSession.SessionOptions {
  return { ...sessionOptions(settings), enableCpuMemArena: false };
}
