import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Open a local file in the user's browser (open on macOS, start on Windows, xdg-open elsewhere),
 * detached so pa exits at once. The path is passed as one argument, never through a shell.
 * Returns false when no opener could be started.
 */
export function openInBrowser(file: string): Promise<boolean> {
  const url = pathToFileURL(resolve(file)).href;
  const [command, args] = process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['explorer.exe', [url]] : ['xdg-open', [url]];
  return new Promise((done) => {
    const child = spawn(command, args, { detached: true, stdio: 'ignore' });
    child.once('error', () => done(false));
    child.once('spawn', () => {
      child.unref();
      done(true);
    });
  });
}
