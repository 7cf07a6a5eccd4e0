/** Session options for decoder and scorer sessions. */
import type { InferenceSession } from 'onnxruntime-node';
import { defaultIntraOpThreads, executionProvidersFor } from './execution-providers.js';

export interface SessionSettings {
  device: string;
  /** Threads for one operator (default: every core Node may use, os.availableParallelism()). */
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
  options.intraOpNumThreads = settings.intraOpNumThreads ?? defaultIntraOpThreads();
  return options;
}
