/** Session options for decoder and scorer sessions. */
import type { InferenceSession } from 'onnxruntime-node';
import { executionProvidersFor } from './execution-providers.js';

export interface SessionSettings {
  device: string;
  /** Threads for one operator (default: ORT's choice, the number of physical cores). */
  intraOpNumThreads?: number;
}

export function sessionOptions(settings: SessionSettings): InferenceSession.SessionOptions {
  const options: InferenceSession.SessionOptions = {
    executionProviders: executionProvidersFor(settings.device),
    graphOptimizationLevel: 'all',
    // Ops run one after another in a decoder; a second pool would only steal cores.
    executionMode: 'sequential',
    logSeverityLevel: 3,
  };
  if (settings.intraOpNumThreads !== undefined) options.intraOpNumThreads = settings.intraOpNumThreads;
  return options;
}
