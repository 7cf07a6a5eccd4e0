import { describe, expect, it } from 'vitest';
import { activateDevice, devices } from '../src/engine/select-engine.js';

describe('engine selection', () => {
  it('reports every engine and finds wasm and cpu on this machine', async () => {
    const found = await devices();
    console.log(JSON.stringify(found));
    expect(found.map((d) => d.device)).toEqual(['cuda', 'tfjs-node', 'wasm', 'cpu']);
    expect(found.find((d) => d.device === 'wasm')?.available).toBe(true);
    expect(found.find((d) => d.device === 'cpu')?.available).toBe(true);
  });

  it('names the device and the alternatives when an unavailable one is requested', async () => {
    const found = await devices();
    const missing = found.find((d) => !d.available);
    if (!missing) return; // every engine is installed: nothing to refuse on this machine
    await expect(activateDevice(missing.device)).rejects.toThrow(/cannot use device/);
  });
});
