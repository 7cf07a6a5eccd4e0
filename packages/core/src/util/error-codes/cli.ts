import type { ErrorCodeEntry } from './entry.js';

/** Command line: flags and arguments the commands check themselves. */
export const CLI_CODES = {
  PA_USER_ERROR: {
    meaning: 'A command got a missing, conflicting or unknown argument or flag (the default code of errors without a more specific one).',
    fix: 'Do what the message says: it names the argument or flag to add, drop or change; `pa <command> --help` lists them.',
  },
  PA_SERVE_BAD_FLAG: {
    meaning: '`pa serve` got a --port outside 0–65535 or a --backend that cannot generate text.',
    fix: 'Pass a port from 0 to 65535 (0 picks a free one) and a generating backend such as backend-ort or backend-tfjs.',
  },
  PA_SERVE_LISTEN: {
    meaning: '`pa serve` cannot listen on the given host and port (in use, not allowed, or not an address of this machine).',
    fix: 'Pick another --port (0 picks a free one) or another --host.',
  },
  PA_SEED_INVALID: {
    meaning: 'The seed that picks templates is not an integer.',
    fix: 'Pass an integer seed, e.g. --seed 42.',
  },
  PA_SERVE_BAD_HOST: {
    meaning: '`pa serve --host` is not an address or a name that resolves on this machine.',
    fix: 'Pass a valid IP address or resolvable host name, e.g. 127.0.0.1 (the default) or 0.0.0.0.',
  },
} as const satisfies Record<string, ErrorCodeEntry>;
