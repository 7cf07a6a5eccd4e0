/**
 * Load a model folder's tokenizer: `tokenizer.json` (the fast-tokenizer format every current
 * Hub model ships) plus `tokenizer_config.json`, and the special ids from wherever the model
 * keeps them (generation_config.json, config.json, tokenizer_config.json).
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Tokenizer } from '@huggingface/tokenizers';
import { UserError } from '../util/user-error.js';
import { ModelTokenizer } from './model-tokenizer.js';
import { fillUnknownTokenId } from './unknown-token-id.js';

type Json = Record<string, unknown>;

export async function loadTokenizer(dir: string): Promise<ModelTokenizer> {
  const found = await readdir(dir).catch(() => null);
  if (found === null) throw new UserError(`The model folder ${dir} does not exist or cannot be read; check the --model path.`, 'PA_NO_MODEL_DIR');
  if (!found.includes('tokenizer.json')) {
    throw new UserError(
      `The model folder ${dir} has no tokenizer.json (found: ${found.join(', ') || 'nothing'}). prompt-aug needs the ` +
        `fast-tokenizer file; save the tokenizer with transformers (tokenizer.save_pretrained(dir)) or copy tokenizer.json from the model's Hub repo.`,
      'PA_NO_TOKENIZER',
    );
  }
  const tokenizerJson = await readJson(join(dir, 'tokenizer.json'));
  const tokenizerConfig = found.includes('tokenizer_config.json') ? await readJson(join(dir, 'tokenizer_config.json')) : {};
  const generationConfig = found.includes('generation_config.json') ? await readJson(join(dir, 'generation_config.json')) : {};
  const modelConfig = found.includes('config.json') ? await readJson(join(dir, 'config.json')) : {};
  const templateFile = found.includes('chat_template.jinja') ? await readFile(join(dir, 'chat_template.jinja'), 'utf8') : null;

  let tokenizer: Tokenizer;
  try {
    tokenizer = new Tokenizer(tokenizerJson, tokenizerConfig);
  } catch (error) {
    throw new UserError(`${join(dir, 'tokenizer.json')} could not be loaded (${(error as Error).message}); it is corrupt or uses a tokenizer type that tokenizers.js does not support.`, 'PA_BAD_TOKENIZER', { cause: error });
  }
  fillUnknownTokenId(tokenizer, tokenizerJson);
  const idOf = (token: unknown): number | undefined => {
    const text = typeof token === 'string' ? token : (token as { content?: unknown } | null)?.content;
    return typeof text === 'string' ? tokenizer.token_to_id(text) : undefined;
  };
  const ids = (value: unknown): number[] => (Array.isArray(value) ? value : value == null ? [] : [value]).filter((v): v is number => Number.isSafeInteger(v));
  // Generation stops on any of these; generation_config.json is what transformers' generate() uses, so it comes first.
  const eosTokenIds = [...new Set([...ids(generationConfig.eos_token_id), ...ids(modelConfig.eos_token_id), ...ids(idOf(tokenizerConfig.eos_token))])];
  if (eosTokenIds.length === 0) {
    throw new UserError(`Cannot tell the end-of-sequence token of the model in ${dir}: none of generation_config.json, config.json (eos_token_id) or tokenizer_config.json (eos_token) names one. Add "eos_token_id" to generation_config.json.`, 'PA_NO_EOS');
  }
  const padTokenId = ids(generationConfig.pad_token_id)[0] ?? idOf(tokenizerConfig.pad_token) ?? ids(modelConfig.pad_token_id)[0] ?? eosTokenIds[0]!;
  const bosTokenId = idOf(tokenizerConfig.bos_token) ?? ids(generationConfig.bos_token_id)[0] ?? ids(modelConfig.bos_token_id)[0] ?? null;
  const chatTemplates = namedChatTemplates(tokenizerConfig.chat_template, join(dir, 'tokenizer_config.json'));
  const chatTemplate = templateFile ?? chatTemplates.default ?? null;
  return new ModelTokenizer(tokenizer, { eosTokenIds, padTokenId, bosTokenId, chatTemplate, chatTemplates });
}

/** `chat_template` is either one template or a list of `{name, template}`; a single one is named "default". */
function namedChatTemplates(value: unknown, path: string): Record<string, string> {
  if (value == null) return {};
  if (typeof value === 'string') return { default: value };
  if (Array.isArray(value)) {
    const templates: Record<string, string> = {};
    for (const item of value as { name?: unknown; template?: unknown }[]) {
      if (typeof item?.name !== 'string' || typeof item.template !== 'string') {
        throw new UserError(`${path}: "chat_template" list entries must be {"name": string, "template": string}; fix or remove the entry ${JSON.stringify(item).slice(0, 80)}.`, 'PA_BAD_TOKENIZER');
      }
      templates[item.name] = item.template;
    }
    return templates;
  }
  throw new UserError(`${path}: "chat_template" must be a string or a list of {name, template}.`, 'PA_BAD_TOKENIZER');
}

async function readJson(path: string): Promise<Json> {
  try {
    const value = JSON.parse(await readFile(path, 'utf8')) as unknown;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('not a JSON object');
    return value as Json;
  } catch (error) {
    throw new UserError(`${path} is not a valid JSON object (${(error as Error).message}); fix or re-download it.`, 'PA_BAD_JSON', { cause: error });
  }
}
