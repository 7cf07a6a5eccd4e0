import type { ErrorCodeEntry } from './entry.js';

/** Remote generation through an OpenAI-compatible completions server. */
export const REMOTE_GENERATION_CODES = {
  PA_OPENAI_BAD_URL: {
    meaning: '--base-url is not a URL.',
    fix: 'Give the server root, e.g. --base-url http://127.0.0.1:8000/v1.',
  },
  PA_OPENAI_UNREACHABLE: {
    meaning: 'Nothing is listening at --base-url (connection refused).',
    fix: 'Start the server first (`pa serve <checkpoint>`, `vllm serve <model>`) or fix --base-url.',
  },
  PA_OPENAI_UNAVAILABLE: {
    meaning: 'The completions server kept failing after several retries.',
    fix: "Check the server's log; lower --concurrency if it is overloaded.",
  },
  PA_OPENAI_REJECTED: {
    meaning: 'The completions server rejected a request (HTTP 4xx).',
    fix: "Check --model and the generation flags (--max-new-tokens must fit the served model's context).",
  },
  PA_OPENAI_UNKNOWN_MODEL: {
    meaning: 'The completions server does not serve the model named by --model.',
    fix: 'Pass one of the models the server lists as --model.',
  },
  PA_OPENAI_NOT_FOUND: {
    meaning: 'The completions route answered HTTP 404 (wrong --base-url or --model).',
    fix: 'Check --model, and that --base-url points at an OpenAI-compatible server (routes under /v1).',
  },
  PA_OPENAI_BAD_RESPONSE: {
    meaning: 'The server answered with something that is not OpenAI completions JSON.',
    fix: 'Check that --base-url points at an OpenAI-compatible completions server.',
  },
  PA_SERVER_BAD_KIND: {
    meaning: '--rollout-server-kind is not one of the server dialects prompt-aug speaks.',
    fix: 'Pass vllm, sglang or openai (pa serve speaks vllm and sglang).',
  },
  PA_SERVER_BAD_OPTION: {
    meaning: 'A backend-server option (concurrency, retries, timeouts) is not a whole number of at least 1.',
    fix: 'Give a whole number of at least 1 for that option.',
  },
  PA_SERVER_BAD_URL: {
    meaning: 'A --rollout-server is not an http(s) URL.',
    fix: 'Give the server root, e.g. --rollout-server http://127.0.0.1:8000.',
  },
  PA_SERVER_CANNOT_SCORE: {
    meaning: 'backend-server was asked to score or train, but it only generates on inference servers.',
    fix: 'Score and train with a local backend (--backend); use backend-server as --rollout-backend.',
  },
  PA_SERVER_DUPLICATE_URL: {
    meaning: '--rollout-server lists the same server more than once.',
    fix: 'Give each server once.',
  },
  PA_SERVER_MODEL_MISMATCH: {
    meaning: 'A rollout server returned more tokens than asked or ids beyond the model\'s vocabulary: it serves another model than --model.',
    fix: 'Start the servers on the same checkpoint as --model (or let the trainer sync them).',
  },
  PA_SERVER_NONE_GIVEN: {
    meaning: '--rollout-backend server was chosen without any server to generate on.',
    fix: 'Add one or more --rollout-server URL flags (or rollout.servers in the config file).',
  },
  PA_SERVER_POOL_ALL_DOWN: {
    meaning: 'Every rollout server stopped answering, so the step cannot generate.',
    fix: 'Restart the servers (the message lists why each failed); a restarted server rejoins with the current weights.',
  },
  PA_SERVER_POOL_CLOSED: {
    meaning: 'Rollouts were asked of a server pool that was already shut down.',
    fix: 'This is a bug in the caller: create a new pool (or policy) instead of reusing a disposed one.',
  },
  PA_SERVER_PROTOCOL_MISMATCH: {
    meaning: 'A rollout server answered in a shape its --rollout-server-kind does not use.',
    fix: 'Check --rollout-server-kind (vllm, sglang or openai) and the server\'s version.',
  },
  PA_SERVER_REQUEST_REJECTED: {
    meaning: 'A rollout server refused a generation request (usually prompt plus response longer than its context).',
    fix: 'Make --max-prompt-tokens plus --max-response-tokens fit the server\'s context length, or start the server with a longer one.',
  },
  PA_SERVER_WEIGHT_SYNC_FAILED: {
    meaning: 'A rollout server did not load the new weights; the pool was put back on the previous version and training stops.',
    fix: 'Check the server\'s log and that it can read --sync-dir, then --resume; restart any server the message names.',
  },
  PA_SERVER_WEIGHTS_NEED_FOLDER: {
    meaning: 'backend-server was given weights in memory, but servers can only load weights from a folder.',
    fix: 'Pass a checkpoint folder (the trainer writes one to --sync-dir).',
  },
} as const satisfies Record<string, ErrorCodeEntry>;
