/**
 * Starting an execution provider for real: a GPU EP that is compiled in can still fail to start
 * (no adapter, no driver), and ONNX Runtime only says so when a session is created. A tiny graph
 * (the scorer) is opened on the EP alone, so a failure is reported before any model is loaded.
 */
import { InferenceSession } from 'onnxruntime-node';
import { buildScorerModel } from '../onnx/scorer-graph.js';

const failures = new Map<string, Promise<string | null>>();

/** null when the EP starts; else ONNX Runtime's reason, without its source-file prefix. Tried once per process. */
export function providerStartFailure(provider: string): Promise<string | null> {
  let failure = failures.get(provider);
  if (!failure) {
    failure = InferenceSession.create(buildScorerModel(), { executionProviders: [provider], logSeverityLevel: 3 }).then(
      async (session) => {
        await session.release();
        return null;
      },
      (error: unknown) => ortReason(error),
    );
    failures.set(provider, failure);
  }
  return failure;
}

/** "/onnxruntime_src/…/webgpu_context.cc:136 … was false. Failed to get a WebGPU adapter: …" → the last, readable part. */
export function ortReason(error: unknown): string {
  const message = (error instanceof Error ? error.message : String(error)).trim();
  const afterCheck = message.split(/ was false\.\s*/).at(-1)!;
  return afterCheck.replace(/^\S+\.(?:cc|cpp|h):\d+\s+/, '').replace(/\s+/g, ' ').trim() || 'no reason given';
}
