/** Long-running `pa` child processes for end-to-end tests: `pa serve` servers and async `pa` runs. */
import { spawn, type ChildProcess } from 'node:child_process';
import { PA_BIN, REPO_ROOT } from './run-pa.js';

const children: ChildProcess[] = [];

/** SIGKILL every child still running (call from afterEach/afterAll). */
export function killChildren(): void {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}

/** SIGKILL the running `pa` children whose command line contains `needle` (e.g. one run's folder). */
export function killChildrenMatching(needle: string): void {
  for (const child of children) if (child.exitCode === null && child.signalCode === null && child.spawnargs.some((a) => a.includes(needle))) child.kill('SIGKILL');
}

export interface ServeProcess {
  child: ChildProcess;
  /** The API root printed by pa serve, e.g. http://127.0.0.1:41234/v1. */
  url: string;
  /** The server root (no /v1), as --rollout-server takes it. */
  root: string;
  port: number;
  output: () => string;
}

/** Start `pa serve` on loopback (a free port unless given) and resolve once it prints its URL. */
export function startServe(model: string, args: string[] = [], port = 0): Promise<ServeProcess> {
  const child = spawn(process.execPath, [PA_BIN, 'serve', model, '--port', String(port), '--host', '127.0.0.1', ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`pa serve printed no URL within 90 s:\n${output}`)), 90_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /at (http:\/\/127\.0\.0\.1:(\d+))\/v1/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: `${match[1]}/v1`, root: match[1]!, port: Number(match[2]), output: () => output });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`pa serve exited (${code}) before printing its URL:\n${output}`));
    });
  });
}

/** Run `pa …` without blocking the event loop (so servers in this process keep answering). */
export function runPaAsync(args: string[], env: Record<string, string> = {}): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [PA_BIN, ...args], { cwd: REPO_ROOT, env: { ...process.env, NO_COLOR: '1', ...env } });
    children.push(child);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('exit', (status) => resolve({ status, stdout, stderr }));
  });
}

export async function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; headers: Headers; json: any; text: string }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, json, text };
}
