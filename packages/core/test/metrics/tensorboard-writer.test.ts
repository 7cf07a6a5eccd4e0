import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TensorBoardWriter } from '../../src/metrics/tensorboard-writer.js';
import { readEvents, readTfRecords } from './tfrecord-reader.js';

let runDir: string;
beforeEach(async () => {
  runDir = await mkdtemp(join(tmpdir(), 'pa-tb-'));
});
afterEach(async () => {
  await rm(runDir, { recursive: true, force: true });
});

const pinnedClock = (ms: number) => () => ms;

describe('TensorBoardWriter', () => {
  it('names the file events.out.tfevents.<seconds>.<host>.<pid>.<n> inside <run>/tensorboard', async () => {
    const writer = await TensorBoardWriter.open(runDir, { now: pinnedClock(1_700_000_000_900), hostname: 'gpu-box' });
    await writer.close();
    const [name] = await readdir(join(runDir, 'tensorboard'));
    expect(name).toMatch(new RegExp(`^events\\.out\\.tfevents\\.1700000000\\.gpu-box\\.${process.pid}\\.\\d+$`));
    expect(writer.file).toBe(join(runDir, 'tensorboard', name!));
  });

  it('writes a file_version event, then one event per step with flattened tags; both CRCs valid', async () => {
    const writer = await TensorBoardWriter.open(runDir, { now: pinnedClock(1_700_000_000_500) });
    await writer.scalars(1, { step: 1, loss: 0.25, reward: { 'open-r1': 0.5, 'qwen-math': 0.75 }, entropy: Number.NaN });
    await writer.scalars(2, { loss: 0.1, lr: { policy: 1e-6 }, gradNorm: Number.POSITIVE_INFINITY, skipped: null });
    await writer.close();

    for (const record of readTfRecords(writer.file)) expect(record).toMatchObject({ lengthCrcOk: true, dataCrcOk: true });
    const events = readEvents(writer.file);
    expect(events).toHaveLength(3);
    expect(events[0]).toEqual({ wallTime: 1_700_000_000.5, fileVersion: 'brain.Event:2' });
    // simple_value is a float32: 0.1 and 1e-6 come back as their float32 roundings.
    expect(events[1]).toEqual({
      wallTime: 1_700_000_000.5,
      step: 1,
      scalars: [
        { tag: 'loss', value: 0.25 },
        { tag: 'reward/open-r1', value: 0.5 },
        { tag: 'reward/qwen-math', value: 0.75 },
      ],
    });
    expect(events[2]!.step).toBe(2);
    expect(events[2]!.scalars).toEqual([
      { tag: 'loss', value: Math.fround(0.1) },
      { tag: 'lr/policy', value: Math.fround(1e-6) },
    ]);
  });

  it('has each step on disk as soon as scalars() resolves (no buffering until close)', async () => {
    const writer = await TensorBoardWriter.open(runDir);
    await writer.scalars(7, { loss: 2 });
    const events = readEvents(writer.file);
    expect(events.at(-1)).toMatchObject({ step: 7, scalars: [{ tag: 'loss', value: 2 }] });
    await writer.close();
  });

  it('on resume opens a new file, leaves the old one byte-identical, and marks the restart step', async () => {
    const first = await TensorBoardWriter.open(runDir, { now: pinnedClock(1_700_000_000_000) });
    for (const step of [1, 2, 3]) await first.scalars(step, { loss: step });
    await first.close(); // as if killed after step 3; the checkpoint is at step 2
    const before = await readFile(first.file);

    const resumed = await TensorBoardWriter.open(runDir, { checkpointStep: 2, now: pinnedClock(1_700_000_000_000), fsync: true });
    await resumed.scalars(3, { loss: 30 });
    await resumed.close();

    expect(resumed.file).not.toBe(first.file);
    expect(await readdir(join(runDir, 'tensorboard'))).toHaveLength(2);
    expect(await readFile(first.file)).toEqual(before);
    const events = readEvents(resumed.file);
    expect(events[0]!.fileVersion).toBe('brain.Event:2');
    // SessionLog START at step 3: TensorBoard drops the killed run's points from step 3 on.
    expect(events[1]).toMatchObject({ step: 3, sessionStatus: 1 });
    expect(events[2]).toMatchObject({ step: 3, scalars: [{ tag: 'loss', value: 30 }] });
  });

  it('never reuses a file name, even for writers opened in the same second', async () => {
    const writers = await Promise.all([1, 2, 3].map(() => TensorBoardWriter.open(runDir, { now: pinnedClock(5_000) })));
    expect(new Set(writers.map((writer) => writer.file)).size).toBe(3);
    await Promise.all(writers.map((writer) => writer.close()));
  });

  it('rejects a step that is not a non-negative integer', async () => {
    const writer = await TensorBoardWriter.open(runDir);
    await expect(writer.scalars(-1, { loss: 1 })).rejects.toThrow(RangeError);
    await expect(writer.scalars(1.5, { loss: 1 })).rejects.toThrow(RangeError);
    await writer.close();
  });
});
