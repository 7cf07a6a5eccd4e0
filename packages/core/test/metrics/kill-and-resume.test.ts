/**
 * The "nothing is lost" promise, with real processes: a child process runs a fake training loop
 * (metrics row, TensorBoard event, then every third step a checkpoint) using the compiled metrics
 * module; it is SIGKILLed at a random step, resumed from its last checkpoint, killed again, and
 * finally run to the end. metrics.jsonl must then hold every step exactly once, with the values
 * of the run that survived, and every event file must decode with valid CRCs.
 */
import { execFile, spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readMetrics } from '../../src/metrics/read-metrics.js';
import { readEvents } from './tfrecord-reader.js';

const repoRoot = resolve(import.meta.dirname, '../../../..');
let workDir: string;
let childScript: string;

// The child imports the real module compiled by tsc (Node 20 cannot run .ts directly).
const CHILD_SOURCE = `
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { atomicWriteFile } from './dist/util/atomic-write.js';
import { MetricsLog, TensorBoardWriter } from './dist/metrics/index.js';

const [runDir, lastStep] = [process.argv[2], Number(process.argv[3])];
const checkpointFile = join(runDir, 'checkpoint.json');
const checkpoint = await readFile(checkpointFile, 'utf8').then(JSON.parse, () => undefined);
const options = checkpoint ? { checkpointStep: checkpoint.step } : {};
const log = await MetricsLog.open(join(runDir, 'metrics.jsonl'), options);
const tensorboard = await TensorBoardWriter.open(runDir, options);
for (let step = (checkpoint?.step ?? 0) + 1; step <= lastStep; step++) {
  // Values depend on the step only, so a re-run step must reproduce its row exactly.
  const row = { step, loss: 1 / step, reward: { a: step % 2, b: step / 100 } };
  await log.append(row);
  await tensorboard.scalars(step, row);
  if (step % 3 === 0) await atomicWriteFile(checkpointFile, JSON.stringify({ step }));
  process.stdout.write(step + '\\n');
}
await log.close();
await tensorboard.close();
`;

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'pa-metrics-kill-'));
  await promisify(execFile)(
    process.execPath,
    [
      join(repoRoot, 'node_modules/typescript/bin/tsc'),
      ...['--outDir', join(workDir, 'dist'), '--rootDir', join(repoRoot, 'packages/core/src')],
      ...['--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', '--types', 'node', '--skipLibCheck'],
      join(repoRoot, 'packages/core/src/metrics/index.ts'),
      join(repoRoot, 'packages/core/src/util/atomic-write.ts'),
    ],
    { cwd: repoRoot },
  );
  await writeFile(join(workDir, 'package.json'), '{ "type": "module" }\n');
  childScript = join(workDir, 'child.mjs');
  await writeFile(childScript, CHILD_SOURCE);
});

afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

/** Run the child; SIGKILL it once it reports `killAfterStep` (or let it finish when undefined). */
function runChild(runDir: string, lastStep: number, killAfterStep?: number): Promise<{ reached: number; killed: boolean }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [childScript, runDir, String(lastStep)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let lastReported = 0;
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      lastReported = Number(chunk.toString().trim().split('\n').at(-1));
      if (killAfterStep !== undefined && lastReported >= killAfterStep) child.kill('SIGKILL');
    });
    child.on('error', fail);
    child.on('close', (code, signal) => {
      if (signal === 'SIGKILL' || code === 0) done({ reached: lastReported, killed: signal === 'SIGKILL' });
      else fail(new Error(`child exited with ${code}: ${stderr}`));
    });
  });
}

describe('metrics survive SIGKILL at random moments', () => {
  it('every step exactly once, values from the surviving run, all event files readable', async () => {
    const runDir = join(workDir, 'run');
    const lastStep = 80;
    let runs = 0;
    for (const killAfter of [7, 20, 21, 45]) {
      const { reached, killed } = await runChild(runDir, lastStep, killAfter + Math.floor(Math.random() * 5));
      expect(killed).toBe(true);
      expect(reached).toBeGreaterThanOrEqual(killAfter);
      expect(reached).toBeLessThan(lastStep);
      runs++;
    }
    expect(await runChild(runDir, lastStep)).toEqual({ reached: lastStep, killed: false });
    runs++;

    const text = await readFile(join(runDir, 'metrics.jsonl'), 'utf8');
    expect(text.endsWith('\n')).toBe(true);
    const rows = await readMetrics(join(runDir, 'metrics.jsonl'));
    expect(rows.map((row) => row.step)).toEqual(Array.from({ length: lastStep }, (_, i) => i + 1));
    for (const row of rows) expect(row).toEqual({ step: row.step, loss: 1 / row.step, reward: { a: row.step % 2, b: row.step / 100 } });

    const eventFiles = await readdir(join(runDir, 'tensorboard'));
    expect(eventFiles).toHaveLength(runs);
    const stepsSeen = new Set<number>();
    for (const name of eventFiles) {
      const events = readEvents(join(runDir, 'tensorboard', name)); // throws on a bad CRC or torn record
      expect(events[0]!.fileVersion).toBe('brain.Event:2');
      for (const event of events) if (event.scalars) stepsSeen.add(event.step!);
    }
    expect(stepsSeen.size).toBe(lastStep);
  });
});
