/**
 * @huggingface/tokenizers 0.2 leaves `unk_token_id` unset for WordLevel models, so an unknown
 * word encodes to `undefined` instead of the `[UNK]` id that Hugging Face's own library gives.
 * Set it from tokenizer.json's `model.unk_token`, as the Rust tokenizers library does.
 */
import type { Tokenizer } from '@huggingface/tokenizers';

interface ModelInternals {
  unk_token_id?: number;
}

export function fillUnknownTokenId(tokenizer: Tokenizer, tokenizerJson: Record<string, unknown>): void {
  const model = (tokenizer as unknown as { model?: ModelInternals }).model;
  const unkToken = (tokenizerJson.model as { unk_token?: unknown } | undefined)?.unk_token;
  if (!model || model.unk_token_id !== undefined || typeof unkToken !== 'string') return;
  const id = tokenizer.token_to_id(unkToken);
  if (id !== undefined) model.unk_token_id = id;
}
