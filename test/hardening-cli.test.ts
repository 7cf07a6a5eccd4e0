/** Crashes and unclear errors found by trying pa as a new user, with hostile input (issue 12): real `pa` child processes. */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeTinyModel } from '@prompt-aug/core/model';
import { describe, expect, it } from 'vitest';
import { PA_BIN, REPO_ROOT, runPa, tempDir } from './helpers/run-pa.js';
import { smallRunFlags, tinyTrainingSetup } from './helpers/train-fixtures.js';

/** A plugin package whose module waits at the top level for a promise that never settles. */
function writeHangingPlugin(root: string): string {
  const dir = join(root, 'hang');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'pa-plugin-hang', version: '1.0.0', type: 'module', exports: './index.js' }));
  writeFileSync(join(dir, 'index.js'), 'await new Promise(() => {});\nexport default [];\n');
  return dir;
}

const noStack = (text: string) => expect(text).not.toMatch(/\n\s+at /);
/** oclif's warnings wrap to the terminal width behind " ›   "; join them back into one line for matching. */
const unwrapped = (text: string) => text.replace(/\s*\n\s*›\s*/g, ' ').replace(/\s+/g, ' ');

describe('a plugin whose top-level await never settles', () => {
  const env = () => ({ PA_PLUGINS_DIR: join(tempDir('pa-plugins-'), 'plugins'), PA_CACHE_DIR: tempDir('pa-cache-'), PA_PLUGIN_IMPORT_TIMEOUT_MS: '1500' });

  it('pa plugins install ./hang fails naming the plugin and leaves nothing installed', () => {
    const project = tempDir('pa-hang-');
    writeHangingPlugin(project);
    const e = env();
    const result = runPa(['plugins', 'install', './hang'], { cwd: project, env: e });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/pa-plugin-hang.*did not finish loading within 1\.5 s/s);
    expect(result.stderr).toContain('Nothing was installed');
    noStack(result.stderr);
    const installed = JSON.parse(readFileSync(join(e.PA_PLUGINS_DIR, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
    expect(installed.dependencies ?? {}).toEqual({});
  });

  it('pa plugins list and pa doctor report it and finish (no silent exit 13)', () => {
    const project = tempDir('pa-hang-');
    const plugin = writeHangingPlugin(project);
    const e = env();
    // Installed by hand, as an older pa or a manual npm install would have left it.
    mkdirSync(join(e.PA_PLUGINS_DIR, 'node_modules'), { recursive: true });
    writeFileSync(join(e.PA_PLUGINS_DIR, 'package.json'), JSON.stringify({ name: 'prompt-aug-user-plugins', private: true, dependencies: { 'pa-plugin-hang': `file:${plugin}` } }));
    for (const file of ['package.json', 'index.js']) {
      mkdirSync(join(e.PA_PLUGINS_DIR, 'node_modules', 'pa-plugin-hang'), { recursive: true });
      writeFileSync(join(e.PA_PLUGINS_DIR, 'node_modules', 'pa-plugin-hang', file), readFileSync(join(plugin, file)));
    }
    const list = runPa(['plugins', 'list'], { cwd: project, env: e });
    expect(list.status, list.stderr).toBe(0);
    expect(list.stdout).toMatch(/pa-plugin-hang.*invalid: Plugin .*did not finish loading within 1\.5 s/);
    expect(list.stdout).toContain('@prompt-aug/verifier-math');
    const doctor = runPa(['doctor'], { cwd: project, env: e });
    expect(doctor.status, doctor.stderr).toBe(0);
    expect(doctor.stdout).toMatch(/pa-plugin-hang \(user\): INVALID: .*did not finish loading/);
  });
});

describe('pa plugins install -- --dry-run', () => {
  it('is refused before npm sees it as an option', () => {
    const e = { PA_PLUGINS_DIR: join(tempDir('pa-plugins-'), 'plugins') };
    const result = runPa(['plugins', 'install', '--', '--dry-run'], { env: e });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('"--dry-run" is not a plugin to install: it starts with "-"');
    expect(existsSync(e.PA_PLUGINS_DIR)).toBe(false);
  });
});

describe('serve and eval name their positional checkpoint argument', () => {
  for (const command of ['serve', 'eval']) {
    it(`pa ${command} with a missing checkpoint`, () => {
      const result = runPa([command, 'no/such/checkpoint-folder']);
      expect(result.status).toBe(1);
      expect(result.stderr).toContain('The checkpoint argument "no/such/checkpoint-folder" is neither an existing folder nor a Hugging Face Hub id');
      expect(result.stderr).not.toContain('--model');
    });
  }
});

describe('pa serve --host', () => {
  it('256.1.1.1 is refused by name before the model loads (a model that cannot load shows the order)', async () => {
    const model = join(tempDir('pa-host-'), 'model');
    await writeTinyModel(model);
    writeFileSync(join(model, 'model.safetensors'), 'not safetensors'); // loading would fail with another message
    const result = runPa(['serve', model, '--host', '256.1.1.1', '--port', '0']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('--host "256.1.1.1" is not a valid IP address');
    expect(result.stderr).not.toContain('ENOTFOUND');
  });
});

describe('pa train: recipe values that cannot work', () => {
  it('--rollouts-per-prompt 1 is refused (every GRPO advantage would be 0); 1e12 rollouts or tokens get their bound', async () => {
    const setup = await tinyTrainingSetup();
    const one = runPa(smallRunFlags(setup, join(setup.root, 'run1'), { 'rollouts-per-prompt': '1' }));
    expect(one.status).toBe(1);
    expect(one.stderr).toMatch(/rolloutsPerPrompt[\s\S]*every advantage is 0/);
    const huge = runPa(smallRunFlags(setup, join(setup.root, 'run2'), { 'rollouts-per-prompt': '1000000000000', 'max-response-tokens': '1000000000000' }));
    expect(huge.status).toBe(1);
    expect(huge.stderr).toMatch(/at most 4096 rollouts per prompt/);
    expect(huge.stderr).toMatch(/at most 1048576 tokens/);
    expect(huge.stderr).not.toContain('RangeError');
  });
});

describe('pa train: dataset flags the messages suggest exist', () => {
  it('--answer-field and --on-bad-row skip read a file with another answer column and a bad line (escaped in the warning)', async () => {
    const setup = await tinyTrainingSetup();
    const rows = readFileSync(setup.data, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { problem: string; answer: string });
    const file = join(setup.root, 'renamed.jsonl');
    const lines = rows.map((r) => JSON.stringify({ problem: r.problem, solution: { final: r.answer } }));
    lines.splice(3, 0, '\u001b[2J\u001b]0;owned\u0007 not json');
    writeFileSync(file, `${lines.join('\n')}\n`);

    const strict = runPa(smallRunFlags({ ...setup, data: file }, join(setup.root, 'strict')));
    expect(strict.status).toBe(1);
    expect(strict.stderr).toContain('--answer-field PATH');
    expect(strict.stderr).not.toContain('\u001b');

    const out = join(setup.root, 'run');
    const ok = runPa(smallRunFlags({ ...setup, data: file }, out, { 'answer-field': 'solution.final', 'on-bad-row': 'skip', 'max-steps': '1' }));
    expect(ok.status, ok.stderr).toBe(0);
    expect(unwrapped(ok.stderr)).toMatch(/line 4: the line is not valid JSON/);
    expect(ok.stderr).toContain('\\x1b[2J');
    expect(ok.stderr).not.toContain('\u001b[2J');
    expect(ok.stderr).toContain(`${rows.length} prompts`);
  }, 120_000);
});

describe('pa train --resume with a damaged newest checkpoint', () => {
  it('falls back to the previous intact one, says which, and trains on', async () => {
    const setup = await tinyTrainingSetup();
    const out = join(setup.root, 'run');
    const first = runPa(smallRunFlags(setup, out, { 'max-steps': '4', 'save-every': '2', 'keep-last': '2' }));
    expect(first.status, first.stderr).toBe(0);
    const newest = join(out, 'checkpoints', 'step-000004');
    truncateSync(join(newest, 'model.safetensors'), 1000); // a copy cut off mid-file
    const resumed = runPa([...smallRunFlags(setup, out, { 'max-steps': '6', 'save-every': '2', 'keep-last': '2' }), '--resume']);
    expect(resumed.status, resumed.stderr).toBe(0);
    expect(unwrapped(resumed.stderr)).toContain(`Resuming from ${join(out, 'checkpoints', 'step-000002')} (step 2), the newest intact checkpoint; ${newest} is damaged`);
    const names = readdirSync(join(out, 'checkpoints')).sort();
    expect(names.filter((n) => n.startsWith('step-'))).toEqual(['step-000004', 'step-000006']);
    expect(names.some((n) => n.startsWith('.damaged-step-000004-'))).toBe(true);
    const rows = readFileSync(join(out, 'metrics.jsonl'), 'utf8').trim().split('\n').map((l) => (JSON.parse(l) as { step: number }).step);
    expect(rows).toEqual([1, 2, 3, 4, 5, 6]);
  }, 240_000);
});

/** Spawn pa; `whenToStop` resolves once the signal should be sent; resolve with how long pa took to exit after it. */
async function stopDuring(args: string[], signal: NodeJS.Signals, whenToStop: (output: () => string) => Promise<void>): Promise<{ afterSignalMs: number; output: string; code: number | null }> {
  const child = spawn(process.execPath, [PA_BIN, ...args], { cwd: REPO_ROOT, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => { output += chunk.toString(); });
  child.stderr.on('data', (chunk: Buffer) => { output += chunk.toString(); });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  await Promise.race([whenToStop(() => output), exited.then(() => { throw new Error(`pa exited before the signal:\n${output}`); })]);
  const sentAt = Date.now();
  child.kill(signal);
  const code = await exited;
  return { afterSignalMs: Date.now() - sentAt, output, code };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
async function until(condition: () => boolean, timeoutMs = 90_000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out waiting');
    await sleep(25);
  }
}

describe('stopping during a long generation', () => {
  it('pa serve stops promptly on SIGTERM while a completion is being generated', async () => {
    const model = join(tempDir('pa-serve-stop-'), 'model');
    await writeTinyModel(model, { seed: 5, maxPositionEmbeddings: 32768 });
    let response: Promise<unknown> | undefined;
    const stopped = await stopDuring(['serve', model, '--port', '0', '--model-name', 'tiny'], 'SIGTERM', async (output) => {
      await until(() => /at http:\/\/127\.0\.0\.1:\d+\/v1/.test(output()));
      const url = /at (http:\/\/127\.0\.0\.1:\d+\/v1)/.exec(output())![1]!;
      // Greedy on a random model rarely ends early: 30,000 tokens take far longer than this test waits.
      const body = JSON.stringify({ model: 'tiny', prompt: 'hello', max_tokens: 30000, temperature: 0 });
      response = fetch(`${url}/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body }).then((r) => r.text(), () => 'closed');
      await sleep(1500);
    });
    expect(stopped.output).toContain('Stopped on SIGTERM.');
    expect(stopped.afterSignalMs).toBeLessThan(3000);
    expect(await response).toBe('closed'); // the client learns at once; no half-generated completion
  }, 120_000);

  it('pa train stops promptly on SIGINT mid-generation with the last checkpoint intact, and resumes from it', async () => {
    const setup = await tinyTrainingSetup();
    const out = join(setup.root, 'run');
    const flags = smallRunFlags(setup, out, { 'max-steps': '40', 'save-every': '1', 'max-response-tokens': '400' });
    // Most of a step is generation: the signal lands just after checkpoint 1, while step 2 generates.
    const stopped = await stopDuring(flags, 'SIGINT', () => until(() => existsSync(join(out, 'checkpoints', 'step-000001'))));
    expect(stopped.afterSignalMs).toBeLessThan(3000);
    const last = readdirSync(join(out, 'checkpoints')).filter((n) => n.startsWith('step-')).sort().at(-1)!;
    const resumed = runPa([...smallRunFlags(setup, out, { 'max-steps': String(Number(last.slice(5)) + 1), 'save-every': '1', 'max-response-tokens': '400' }), '--resume']);
    expect(resumed.status, resumed.stderr).toBe(0);
    expect(resumed.stderr).toContain(`resumed from ${join(out, 'checkpoints', last)}`);
    expect(resumed.stderr).not.toContain('damaged');
  }, 240_000);
});
