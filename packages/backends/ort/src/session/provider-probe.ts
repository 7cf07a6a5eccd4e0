/**
 * Starting an execution provider for real: a GPU EP that is compiled in can still fail to start
 * (no adapter, no driver), and ONNX Runtime only says so when a session is created. A tiny graph
 * (the scorer) is opened on the EP alone in a child process, so that a failure is reported before
 * any model is loaded, a crashing driver cannot take this process down, and what the native
 * libraries print while failing (Dawn: "Couldn't load Vulkan", with a C++ frame that reads like
 * a stack trace) becomes part of the reason instead of noise on the user's terminal.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { buildScorerModel } from '../onnx/scorer-graph.js';

const PROBE_TIMEOUT_MS = 60_000;

// Runs in the child: argv = [ort entry, provider]; the graph comes on stdin; prints "ok" or the error as JSON.
const PROBE_SCRIPT = `
const ort = require(process.argv[1]);
const chunks = [];
process.stdin.on('data', (c) => chunks.push(c));
process.stdin.on('end', async () => {
  try {
    const session = await ort.InferenceSession.create(new Uint8Array(Buffer.concat(chunks)), { executionProviders: [process.argv[2]], logSeverityLevel: 3 });
    await session.release();
    process.stdout.write('ok');
  } catch (error) {
    process.stdout.write(JSON.stringify(String((error && error.message) || error)));
  }
});`;

const failures = new Map<string, Promise<string | null>>();

/** null when the EP starts; else ONNX Runtime's reason (and the native library's warning), readable. Tried once per process. */
export function providerStartFailure(provider: string): Promise<string | null> {
  let failure = failures.get(provider);
  if (!failure) {
    failure = probe(provider);
    failures.set(provider, failure);
  }
  return failure;
}

function probe(provider: string): Promise<string | null> {
  const ortEntry = createRequire(import.meta.url).resolve('onnxruntime-node');
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['-e', PROBE_SCRIPT, ortEntry, provider], { stdio: ['pipe', 'pipe', 'pipe'], timeout: PROBE_TIMEOUT_MS });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', (error) => resolve(`the probe process could not start (${error.message})`));
    child.on('close', (code, signal) => {
      if (stdout === 'ok') return resolve(null);
      const warning = nativeWarning(stderr);
      const withWarning = (reason: string) => (warning ? `${reason} (${warning})` : reason);
      if (stdout.startsWith('"')) return resolve(withWarning(ortReason(JSON.parse(stdout) as string)));
      resolve(withWarning(signal ? `creating a session ended the process with ${signal}${signal === 'SIGTERM' ? ` (no answer within ${PROBE_TIMEOUT_MS / 1000} s)` : ''}` : `creating a session exited with code ${String(code)}`));
    });
    child.stdin.end(Buffer.from(buildScorerModel()));
  });
}

/** "/onnxruntime_src/…/webgpu_context.cc:136 … was false. Failed to get a WebGPU adapter: …" → the last, readable part. */
export function ortReason(error: unknown): string {
  const message = (error instanceof Error ? error.message : String(error)).trim();
  const afterCheck = message.split(/ was false\.\s*/).at(-1)!;
  return clean(afterCheck.replace(/^\S+\.(?:cc|cpp|h):\d+\s+/, '')) || 'no reason given';
}

/** The first "Warning: …" line a native library printed (Dawn names the missing Vulkan loader), without its C++ frame. */
export function nativeWarning(stderr: string): string | null {
  const line = stderr.split('\n').find((l) => /^\s*Warning: /.test(l));
  return line ? clean(line.replace(/^\s*Warning: /, '')).slice(0, 200) : null;
}

const clean = (text: string) => text.replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/\s+/g, ' ').trim();
