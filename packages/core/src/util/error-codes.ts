/**
 * Every code a `UserError` can carry, with what it means and the usual fix (one sentence each).
 * Codes are stable: users search for them and scripts match them, so never rename one; add a
 * new code for a new failure. docs/errors.md is generated from this table
 * (`node scripts/error-codes-doc.mjs` after building core) and a test keeps both in step.
 */
export const ERROR_CODES = {
  // Command line: flags and arguments the commands check themselves.
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

  // Configuration and presets.
  PA_CONFIG_INVALID: {
    meaning: 'The training config file or flags have invalid values, or name an unknown preset.',
    fix: 'Fix the values the message lists (in the config file or the flags; --print-config shows the merged result), or pick a listed preset.',
  },

  // Datasets: local files, the built-in registry and Hub downloads.
  PA_DATASET_UNKNOWN: {
    meaning: 'The dataset given is neither an existing file nor a known dataset name.',
    fix: 'Use one of the known names the message lists, or the path of a .jsonl, .json or .parquet file.',
  },
  PA_DATASET_MISSING: {
    meaning: 'A dataset file cannot be read (it does not exist or is not readable).',
    fix: 'Check the path, or pass a known dataset name instead.',
  },
  PA_DATASET_FORMAT: {
    meaning: 'A dataset file has an extension prompt-aug cannot read.',
    fix: 'Use a .jsonl (one JSON object per line), .json (an array of rows) or .parquet file.',
  },
  PA_DATASET_BAD_JSON: {
    meaning: 'A .json dataset file is not valid JSON.',
    fix: 'Fix the JSON syntax at the line named, or rename the file to .jsonl if it holds one object per line.',
  },
  PA_DATASET_BAD_SHAPE: {
    meaning: 'A .json dataset file is valid JSON but not an array of rows or an object with a "data" or "rows" array.',
    fix: 'Reshape the file to an array of rows, or convert it to JSON Lines (.jsonl).',
  },
  PA_DATASET_BAD_PARQUET: {
    meaning: 'A .parquet dataset file cannot be read as Parquet.',
    fix: 'Re-download or re-export the file.',
  },
  PA_DATASET_BAD_ROW: {
    meaning: 'A dataset row is not valid JSON or lacks a usable problem or answer.',
    fix: 'Fix the row the message names: it needs "problem" (or "question") and "answer".',
  },
  PA_DATASET_EMPTY: {
    meaning: 'The training dataset has no rows.',
    fix: 'Point --data at a file with at least --prompts-per-step problems.',
  },
  PA_DATASET_TOO_SMALL: {
    meaning: 'Fewer rows fit in --max-prompt-tokens than one training step needs.',
    fix: 'Lower --prompts-per-step or raise --max-prompt-tokens.',
  },
  PA_DATASET_NOT_LOCAL: {
    meaning: 'A known dataset was asked for with --data-dir, but that folder has no copy of it.',
    fix: 'Put the file in --data-dir under one of the names listed, pass its path instead, or drop --data-dir to download it.',
  },
  PA_DATASET_OFFLINE: {
    meaning: 'A known dataset is not cached and could not be downloaded from the Hugging Face Hub.',
    fix: 'Check the network (or set HF_ENDPOINT to a mirror), or pass --data-dir with local copies or the file path instead.',
  },
  PA_DATASET_AUTH: {
    meaning: 'The Hugging Face Hub refused a dataset download for lack of authorisation (HTTP 401/403).',
    fix: "Accept the dataset's terms on its Hub page and set HF_TOKEN, or use --data-dir with local files.",
  },
  PA_DATASET_NOT_FOUND: {
    meaning: 'The Hub has no file where the built-in dataset registry points.',
    fix: 'Fix the registry entry (packages/core/src/data/dataset-registry.ts), or pass a local file path or --data-dir.',
  },
  PA_DATASET_INTEGRITY: {
    meaning: "A dataset download's hash or size does not match what the Hub reports; nothing was cached.",
    fix: 'Run the command again; if it keeps failing check HF_ENDPOINT or use --data-dir with local files.',
  },
  PA_DATASET_CACHE_CORRUPT: {
    meaning: "A cached dataset's hash does not match its download manifest; the corrupt copy was deleted.",
    fix: 'Run the command again to download the dataset afresh.',
  },
  PA_HF_TOKEN: {
    meaning: 'HF_TOKEN is set but does not look like a Hugging Face access token (they start with "hf_").',
    fix: 'Set HF_TOKEN to a token from https://huggingface.co/settings/tokens, or unset it for public data.',
  },

  // Models: Hub snapshots, model folders, config.json, safetensors weights.
  PA_BAD_MODEL: {
    meaning: '--model is neither an existing folder nor a Hugging Face Hub id.',
    fix: 'Check the path, or give a Hub id like "Qwen/Qwen2.5-Math-1.5B".',
  },
  PA_HUB_OFFLINE: {
    meaning: 'A Hub model is not downloaded and cannot be fetched (HF_HUB_OFFLINE is set or the Hub is unreachable).',
    fix: 'Unset HF_HUB_OFFLINE or set HF_ENDPOINT to a reachable mirror, or pass a local model folder with --model.',
  },
  PA_HUB_REFUSED: {
    meaning: 'The Hugging Face Hub refused the model id or revision (not found, gated or private).',
    fix: 'Check the id and revision; for a gated or private model set HF_TOKEN to a token with access.',
  },
  PA_NO_MODEL_DIR: {
    meaning: 'The model folder does not exist or cannot be read.',
    fix: 'Check the --model path.',
  },
  PA_NO_CONFIG: {
    meaning: 'The model folder has no config.json.',
    fix: 'Point --model at a Hugging Face model folder (config.json, safetensors weights, tokenizer files).',
  },
  PA_BAD_CONFIG: {
    meaning: "A model's config.json is not valid JSON or has a missing or impossible field.",
    fix: 'Fix the field named in the message, or download or save the model again.',
  },
  PA_NO_WEIGHTS: {
    meaning: 'The model folder or Hub repo has no .safetensors weights (PyTorch .bin files are not supported).',
    fix: 'Convert the model to safetensors and pass that folder with --model.',
  },
  PA_BAD_INDEX: {
    meaning: 'The safetensors weight index is not valid, or two weight files hold the same tensor.',
    fix: 'Download or save the model again so the folder holds one consistent save.',
  },
  PA_NO_FILE: {
    meaning: 'A safetensors file cannot be opened.',
    fix: 'Check that the file exists and is readable.',
  },
  PA_BAD_SAFETENSORS: {
    meaning: 'A safetensors file is truncated or corrupt.',
    fix: 'Download or save the model again.',
  },
  PA_NO_TENSOR: {
    meaning: 'The weights lack a tensor the model architecture needs.',
    fix: 'Use weights that match the config.json in the same folder; download or save the model again.',
  },
  PA_WEIGHT_MISMATCH: {
    meaning: "The weights' names or shapes do not match the model's config.json.",
    fix: 'The folder mixes files from different models or was saved incompletely; download or save it again.',
  },
  PA_INEXACT_TENSOR: {
    meaning: 'An integer tensor holds a value that float32 cannot represent exactly.',
    fix: 'Convert that tensor to a float dtype before loading the model.',
  },
  PA_CONFIG_WEIGHTS_MISMATCH: {
    meaning: 'A model\'s config.json gives dimensions (layers, hidden size, heads, vocabulary) that the weight files do not have.',
    fix: 'Fix the dimensions in config.json or download the model again.',
  },

  // Tokenizers.
  PA_NO_TOKENIZER: {
    meaning: 'The model folder has no tokenizer.json (needed to tokenize, and to decode for stop strings).',
    fix: "Save the tokenizer with transformers (tokenizer.save_pretrained) or copy tokenizer.json from the model's Hub repo.",
  },
  PA_BAD_TOKENIZER: {
    meaning: 'tokenizer.json cannot be loaded, or the chat template in the tokenizer config is malformed.',
    fix: 'Re-download the tokenizer files, or fix the "chat_template" entry named in the message.',
  },
  PA_BAD_JSON: {
    meaning: "One of the model's JSON files (tokenizer.json, tokenizer_config.json, generation_config.json, config.json) is not a valid JSON object.",
    fix: 'Fix or re-download the file named in the message.',
  },
  PA_NO_EOS: {
    meaning: "No file of the model names its end-of-sequence token, so generation cannot tell when to stop.",
    fix: 'Add "eos_token_id" to generation_config.json.',
  },
  PA_TOKENIZER_NO_ID: {
    meaning: 'The tokenizer has no id for a word and no unk_token to fall back on.',
    fix: 'Add "unk_token" to the model section of tokenizer.json, or use a byte-level tokenizer.',
  },

  // Generation.
  PA_BAD_SAMPLING: {
    meaning: 'The sampling settings are out of range.',
    fix: 'Use temperature >= 0 (0 = greedy), top-p in (0, 1] and top-k a whole number >= 0 (0 = off).',
  },
  PA_GENERATE_ROW_SEEDS_MISMATCH: {
    meaning: 'A generate call gave rowSeeds with a different count than its prompt rows.',
    fix: 'Give one seed per prompt row, or none.',
  },

  // Plugins.
  PA_PLUGIN_NOT_FOUND: {
    meaning: 'A plugin name or path resolves to nothing.',
    fix: "Install it with `pa plugins install`, add it to the project's dependencies, or pass the plugin's path.",
  },
  PA_PLUGIN_IMPORT: {
    meaning: "A plugin's module threw while it was being imported.",
    fix: 'Fix the plugin or its missing dependency, or uninstall it with `pa plugins uninstall`.',
  },
  PA_PLUGIN_INVALID: {
    meaning: 'A plugin module has no default export or exports an object that breaks the plugin contract.',
    fix: 'Fix the fields the message lists (docs/plugins.md describes them), or use a plugin version made for this prompt-aug.',
  },
  PA_PLUGIN_KIND: {
    meaning: 'A plugin was given where another kind of plugin is needed (e.g. a verifier for --plugin templates).',
    fix: 'Pass a plugin of the kind the message names.',
  },
  PA_PLUGIN_INSTALL: {
    meaning: '`pa plugins install` failed: npm failed, or no new package appeared.',
    fix: 'Check the package name, tarball or folder, and that npm can reach its registry.',
  },
  PA_PLUGIN_NOT_INSTALLED: {
    meaning: '`pa plugins uninstall` named a plugin that is not in the user plugin folder.',
    fix: 'Check `pa plugins list`; built-in plugins and project dependencies cannot be uninstalled with pa.',
  },
  PA_BACKEND_CANNOT_TRAIN: {
    meaning: 'The chosen backend can only generate, not train.',
    fix: 'Train with a training backend such as --backend backend-tfjs; a generate-only backend can be the --rollout-backend.',
  },
  PA_PLUGIN_NAME_RESERVED: {
    meaning: 'A user plugin was to be installed under a name reserved for prompt-aug\'s own packages or a bundled plugin\'s short name.',
    fix: 'Publish or rename the plugin as pa-plugin-<your-name> (or under your own npm scope) and install that.',
  },
  PA_PLUGIN_IMPORT_TIMEOUT: {
    meaning: 'A plugin\'s module did not finish loading in time (it waits at the top level for something that never happens).',
    fix: 'Fix or uninstall the plugin; set PA_PLUGIN_IMPORT_TIMEOUT_MS to give a slow plugin more time.',
  },
  PA_PLUGIN_SPEC_OPTION: {
    meaning: 'The plugin to install starts with "-" (or is empty), so npm would read it as an option.',
    fix: 'Give an npm package name, a .tgz tarball or a folder (write ./-name for a folder whose name starts with "-").',
  },

  // Templates and prompts.
  PA_TEMPLATE_INVALID: {
    meaning: "A template's chat template is missing or fails to render (Jinja error).",
    fix: 'Fix its `chatTemplate` in the plugin that provides it, or choose another template.',
  },
  PA_TEMPLATE_SET_INVALID: {
    meaning: 'A template set cannot pick a template: it is empty, has an unknown selection mode, or unusable weights.',
    fix: 'Fix the templates plugin: list at least one template, a known `select.mode` and finite weights >= 0 with one > 0.',
  },
  PA_PROMPT_INVALID: {
    meaning: 'The prompt given to a template is neither problem text nor a list of chat messages.',
    fix: 'Pass the problem text, or messages like [{"role": "user", "content": "..."}].',
  },

  // Training runs, checkpoints and metrics.
  PA_RUN_EXISTS: {
    meaning: 'The training output folder already holds a run.',
    fix: 'Pass --resume to continue it, or choose another --out.',
  },
  PA_RESUME_CONFIG_MISMATCH: {
    meaning: 'A run was resumed with a different configuration than it was trained with.',
    fix: "Resume with the original flags and config (see the run's config.json), or start a new run with another --out.",
  },
  PA_NAN_LOSS: {
    meaning: 'The training loss became NaN or infinite; the last good checkpoint is kept.',
    fix: 'Lower the learning rate (--lr) or check the data and model, then continue with --resume.',
  },
  PA_DISK_FULL: {
    meaning: 'A checkpoint could not be written because the disk is full; earlier checkpoints are intact.',
    fix: 'Free some space (or lower --keep-last), then continue with --resume.',
  },
  PA_METRICS_EXISTS: {
    meaning: 'A fresh run would write into a metrics file that already holds rows from an earlier run.',
    fix: 'Resume that run, write to a new output folder, or delete the old metrics file.',
  },
  PA_METRICS_CORRUPT: {
    meaning: 'A line of metrics.jsonl other than the last is not a metrics row (the file was edited or corrupted).',
    fix: 'Fix or delete that line and run again.',
  },
  PA_METRICS_MISSING: {
    meaning: 'There is no metrics file at the given path.',
    fix: 'Point at a training output folder; a run writes metrics.jsonl after its first step.',
  },
  PA_DEMO_OPTION: {
    meaning: "A demo option (problem count or operand size) is not a whole number of 0 or more.",
    fix: 'Pass whole numbers, e.g. count 200, maxOperand 99.',
  },
  PA_PROBLEM_TOO_LONG: {
    meaning: 'A training problem is too long for the tokenizer to encode.',
    fix: 'Shorten the problem or remove that row from the dataset.',
  },
  PA_NO_INTACT_CHECKPOINT: {
    meaning: 'A run asked to resume has checkpoints, but none of them is intact.',
    fix: 'Start the run again in a new --out folder, or restore a checkpoint from a backup.',
  },

  // Evaluation: flags, benchmarks, results and resuming.
  PA_EVAL_BAD_FLAG: {
    meaning: 'A generation flag of `pa eval` is out of range or contradicts another (e.g. several samples with greedy decoding).',
    fix: 'Set the flag as the message says (e.g. a whole number >= 1, --top-p in (0, 1], a sampling --temperature).',
  },
  PA_EVAL_BAD_LIMIT: {
    meaning: '--limit is not a positive whole number.',
    fix: 'Pass --limit as the number of questions per benchmark, e.g. --limit 50.',
  },
  PA_EVAL_EMPTY_BENCHMARK: {
    meaning: 'A benchmark file has no questions.',
    fix: 'Check the benchmark file, or pick another benchmark.',
  },
  PA_EVAL_NO_TEMPLATE: {
    meaning: 'The template asked for is not in the templates plugin.',
    fix: 'Pass one of the template ids the message lists with --template, or name the plugin that provides it.',
  },
  PA_EVAL_NOT_A_CHECKPOINT: {
    meaning: 'A path given to `pa eval` is neither a model folder nor a training run with finished checkpoints.',
    fix: 'Pass a checkpoint folder, a run folder written by `pa train`, or a Hub model id.',
  },
  PA_EVAL_OUT_NOT_EMPTY: {
    meaning: 'The eval output folder already holds samples from an earlier evaluation.',
    fix: 'Pass --resume to continue it, or choose another --out folder.',
  },
  PA_EVAL_RESUME_MISMATCH: {
    meaning: 'An evaluation was resumed with different settings than it started with.',
    fix: 'Resume with the original settings, or evaluate into a new --out folder.',
  },
  PA_EVAL_BAD_SAMPLES: {
    meaning: 'A line of samples.jsonl other than the last is not a complete sample record.',
    fix: 'Fix or delete that line, or start a fresh evaluation in another --out folder.',
  },
  PA_EVAL_NO_RESPONSES: {
    meaning: 'The --responses file cannot be read, is empty, or has no line for the selected benchmarks.',
    fix: 'Check the path, its contents, and that --benchmarks matches the lines\' "benchmark" fields.',
  },
  PA_EVAL_BAD_RESPONSE_LINE: {
    meaning: 'A line of the --responses file is not a valid response record.',
    fix: 'Make each line a JSON object with "benchmark", "response" and "id" or "problem".',
  },
  PA_EVAL_UNMATCHED_RESPONSE: {
    meaning: 'A response line matches no question of its benchmark.',
    fix: 'Check its "benchmark" field and that the responses were made for the same benchmark files (see --data-dir).',
  },
  PA_EVAL_DUPLICATE_RESPONSE: {
    meaning: 'Two response lines answer the same question, run and sample.',
    fix: 'Give each line a distinct "sample" (or "run"), or drop the duplicate.',
  },
  PA_EVAL_NO_RESULTS: {
    meaning: 'A path given to compare evaluations holds no results.json.',
    fix: 'Run `pa eval` on the checkpoints first, or pass the folders that hold results.json.',
  },
  PA_EVAL_BAD_RESULTS: {
    meaning: 'A results.json is not valid JSON or was not written by `pa eval`.',
    fix: 'Re-run that evaluation, or pass eval result folders only.',
  },
  PA_EVAL_SAMPLES_FINGERPRINT_MISMATCH: {
    meaning: 'The samples in the output folder were generated from other model files or other sample settings than this evaluation\'s.',
    fix: 'Evaluate into a new --out folder, or delete the old samples.jsonl and samples.meta.json to start over.',
  },
  PA_EVAL_SAMPLES_UNFINGERPRINTED: {
    meaning: 'The output folder has a samples.jsonl without the samples.meta.json that says which model and settings made it.',
    fix: 'Evaluate into a new --out folder, or delete that samples.jsonl to start over.',
  },
  PA_EVAL_SAMPLES_FOREIGN: {
    meaning: 'The samples file to resume holds lines this evaluation would not have written (unknown questions, runs or samples out of range, duplicates, other prompts).',
    fix: 'Remove those lines, resume with the original --benchmarks/--limit/--runs/--samples, or evaluate into a new --out folder.',
  },
  PA_EVAL_OUT_LOCKED: {
    meaning: 'Another evaluation is writing the same output folder.',
    fix: 'Wait for it to finish or use another --out folder; delete eval.lock only if that process is really gone.',
  },
  PA_REPORT_RUN_FOLDER_MISSING: {
    meaning: 'A folder given to `pa report` does not exist.',
    fix: 'Pass training run folders (the --out of pa train).',
  },
  PA_REPORT_METRICS_MISSING: {
    meaning: 'A folder given to `pa report` has no metrics.jsonl, so it is not a training run (or it has not finished a step yet).',
    fix: 'Pass the --out folder of a pa train run that has written at least one step.',
  },
  PA_REPORT_CONFIG_UNREADABLE: {
    meaning: 'A run\'s config.json cannot be read as JSON.',
    fix: 'Restore the run\'s config.json (pa train writes it at the start), or remove it to report without config differences.',
  },
  PA_REPORT_EVALS_CORRUPT: {
    meaning: 'A line in the middle of a run\'s metrics.jsonl or evals.jsonl is not valid JSON (a torn last line is tolerated).',
    fix: 'Fix or remove that line (the message names the file and line).',
  },
  PA_REPORT_NO_RUNS: {
    meaning: '`pa report` was given no run folder.',
    fix: 'Name one or more training run folders, e.g. `pa report runs/demo/run`.',
  },

  // Remote generation through an OpenAI-compatible completions server.
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

  // Backend policy input: what the trainer or a caller hands a backend's policy.
  PA_BAD_BATCH: {
    meaning: 'A batch handed to the tfjs policy has rows of unequal length or a row count that does not match the batch.',
    fix: 'Give one row per sequence, pad every row to the same length and mark padding with 0 in the mask.',
  },
  PA_BAD_TOKEN: {
    meaning: "A batch handed to the tfjs policy holds a token id outside the model's vocabulary.",
    fix: "Tokenize with this model's own tokenizer.",
  },
  PA_NO_REF_LOGPROBS: {
    meaning: 'The loss has a KL term but the train step got no reference log-probs.',
    fix: 'Score the responses with the frozen reference policy and pass them, or set klCoef to 0.',
  },

  // tfjs backend: devices, memory and optimizer state.
  PA_DEVICE_UNAVAILABLE: {
    meaning: 'The tfjs backend cannot use the requested --device on this machine.',
    fix: 'Pick one of the devices the message lists, or install the package that provides it (@tensorflow/tfjs-node-gpu, @tensorflow/tfjs-node).',
  },
  PA_MODEL_TOO_LARGE: {
    meaning: 'The model has more parameters than the wasm engine can address (4 GiB).',
    fix: 'Use --device cuda or tfjs-node, the ort backend for generation, or a smaller model.',
  },
  PA_WASM_OUT_OF_MEMORY: {
    meaning: 'The wasm engine ran out of its 4 GiB of memory on a batch; it cannot continue in this process.',
    fix: 'Lower --micro-batch-size, rollout.batchSize or --max-response-tokens (or install tfjs-node), then rerun with --resume.',
  },
  PA_OPTIMIZER_STATE: {
    meaning: "A checkpoint's optimizer state was not written by this backend.",
    fix: 'Load the checkpoint with the backend that wrote it, or delete its trainer_state folder to start the optimizer afresh.',
  },

  // ONNX Runtime backend (backend-ort): options, ONNX export and loading, batches.
  PA_ORT_BAD_OPTION: {
    meaning: 'A backend-ort load option has a value of the wrong type or range.',
    fix: 'Set the option to the kind of value the message names.',
  },
  PA_ORT_BAD_DEVICE: {
    meaning: 'backend-ort was asked for a device other than "cpu" or "cuda".',
    fix: 'Use device "cpu" or "cuda".',
  },
  PA_ORT_NO_CUDA: {
    meaning: 'Device "cuda" was requested but onnxruntime-node has no CUDA provider libraries installed.',
    fix: 'Allow the onnxruntime-node install script (pnpm allowBuilds) on a machine with CUDA 12 and cuDNN 9, or use device "cpu".',
  },
  PA_ORT_BAD_DTYPE: {
    meaning: 'exportOnnx was given a dtype other than "fp32" or "fp16".',
    fix: 'Pass dtype "fp32" or "fp16".',
  },
  PA_ORT_MISSING_WEIGHT: {
    meaning: 'The checkpoint lacks a weight the ONNX builder needs (it reads Qwen2/Llama checkpoints).',
    fix: 'Check that the model is a Qwen2 or Llama architecture and that its safetensors files are complete.',
  },
  PA_ORT_WEIGHT_SHAPE: {
    meaning: "A weight's shape disagrees with what config.json implies.",
    fix: 'Re-download the checkpoint or fix config.json.',
  },
  PA_ORT_BAD_WEIGHTS: {
    meaning: 'updateWeights got weights that are missing, misnamed or not float32 in PyTorch layout.',
    fix: 'Send the full state dict by Hugging Face names (or a saved model folder).',
  },
  PA_ORT_LOAD_FAILED: {
    meaning: 'ONNX Runtime could not load the .onnx model file.',
    fix: 'Keep an external-data file next to the model under its exported name, or re-export the model.',
  },
  PA_ORT_BAD_EXPORT: {
    meaning: 'The ONNX file is not a decoder with a KV cache in the Hugging Face / transformers.js layout.',
    fix: 'Export it with a KV cache (optimum-cli export onnx --task text-generation-with-past) or let prompt-aug build the graph from the safetensors.',
  },
  PA_ORT_KV_DTYPE: {
    meaning: 'The ONNX export keeps its KV cache in a dtype other than float32, which backend-ort does not drive.',
    fix: "Use a float32 export, or an fp16-weights export from exportOnnx(..., { dtype: 'fp16' }).",
  },
  PA_ORT_BAD_BATCH: {
    meaning: 'A batch handed to the ort policy is empty, ragged, or has mismatched row counts.',
    fix: 'Give one row per sequence, pad every row to the same width and mark padding with 0 in the mask.',
  },
  PA_ORT_BAD_MASK: {
    meaning: 'An attention-mask row is not 0/1 with its real tokens in one contiguous run.',
    fix: 'Pad prompts on the left and responses on the right, marking padding with 0.',
  },
  PA_ORT_BAD_TOKEN: {
    meaning: "A batch handed to the ort policy holds a token id outside the model's vocabulary.",
    fix: "Tokenize with the model's own tokenizer.",
  },
  PA_ORT_EMPTY_PROMPT: {
    meaning: 'A sequence in the batch has no real token.',
    fix: 'Drop empty prompts from the batch.',
  },
  PA_ORT_TOO_LONG: {
    meaning: "The prompt plus maxNewTokens exceeds the model's max_position_embeddings.",
    fix: 'Lower maxNewTokens (--max-new-tokens) or shorten the prompts.',
  },
  PA_ORT_BAD_TEMPERATURE: {
    meaning: 'Log-probs were asked for at a temperature that is not > 0.',
    fix: 'Pass a temperature greater than 0.',
  },
  PA_ORT_TRAIN_MISSING_REF_LOGPROBS: {
    meaning: 'A training batch has a KL term (klCoef > 0) but no reference log-probs.',
    fix: 'Pass refLogprobs with the batch, or set the KL coefficient to 0.',
  },
  PA_ORT_TRAIN_GRAPH_FAILED: {
    meaning: 'ONNX Runtime could not build or run the training graph for this model.',
    fix: 'Check the model shape is supported (Qwen2/Llama) and that memory suffices (try a smaller micro-batch or checkpointLayers); report the message otherwise.',
  },

  // Verifying answers (`pa verify`).
  PA_VERIFY_INPUT: {
    meaning: 'The --input cases file cannot be read or has a line that is not a valid case.',
    fix: 'Make each line a JSON object with "gold" (string or list) and "response" (string).',
  },
} as const satisfies Record<string, { readonly meaning: string; readonly fix: string }>;

/** A code a `UserError` can carry; see ERROR_CODES (and docs/errors.md) for each one's meaning and fix. */
export type ErrorCode = keyof typeof ERROR_CODES;
