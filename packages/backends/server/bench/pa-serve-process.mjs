// Start `pa serve` (the built CLI) as a child process on a free loopback port.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const PA_BIN = fileURLToPath(new URL('../../../../apps/cli/bin/run.js', import.meta.url));

export function startServe(model, args = []) {
  const child = spawn(process.execPath, [PA_BIN, 'serve', model, '--port', '0', '--host', '127.0.0.1', ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk) => {
      output += chunk.toString();
      const match = /at (http:\/\/127\.0\.0\.1:\d+)\/v1/.exec(output);
      if (match) resolve({ child, root: match[1], stop: () => child.kill('SIGTERM') });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`pa serve exited (${code}):\n${output}`)));
  });
}
