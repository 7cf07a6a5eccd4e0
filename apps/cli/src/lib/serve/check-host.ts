/**
 * `pa serve --host` checked before anything slow happens: an IP must be a valid address
 * (256.1.1.1 is not), and a name must resolve. Otherwise the model loads for seconds and
 * listen() fails with a bare `getaddrinfo ENOTFOUND`.
 */
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { UserError } from '@prompt-aug/core';

export async function checkListenHost(host: string): Promise<void> {
  if (isIP(host) !== 0) return;
  const fix = 'Pass an IP address of this machine (127.0.0.1, the default, for loopback only; 0.0.0.0 or :: for every interface) or a name that resolves to one.';
  if (/^[\d.]+$/.test(host) || host.trim() === '') {
    throw new UserError(`--host "${host}" is not a valid IP address (each of the four parts of an IPv4 address is 0 to 255). ${fix}`, 'PA_SERVE_BAD_HOST');
  }
  try {
    await lookup(host);
  } catch (error) {
    throw new UserError(`--host "${host}" does not resolve to an address of this machine (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}). ${fix}`, 'PA_SERVE_BAD_HOST', { cause: error });
  }
}
