import { isIP } from 'node:net';

/** True for addresses only this machine can reach: 127.0.0.0/8, ::1, localhost. */
export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === 'localhost' || h === '::1') return true;
  return isIP(h) === 4 && h.startsWith('127.');
}

/** The warning printed when pa serve listens beyond loopback. */
export function exposedWarning(host: string, apiKey: boolean): string {
  return `pa serve listens on ${host}, reachable from other machines: anyone who can reach it can generate${apiKey ? '' : ', load model folders from this disk through the reload routes, and use the CPU/GPU (no --api-key was given)'}. Use the default --host 127.0.0.1 unless that is intended${apiKey ? '' : ', and set --api-key'}.`;
}
