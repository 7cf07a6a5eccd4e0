/**
 * A model's tokenizer with what generation needs beside encode/decode: the ids that end
 * generation, the pad id, and the chat template (rendered with @huggingface/jinja, the
 * engine transformers.js uses, so templates behave as on the Hub).
 */
import { Template } from '@huggingface/jinja';
import type { Tokenizer } from '@huggingface/tokenizers';
import { UserError } from '../util/user-error.js';

/** Same shape as the ChatMessage core exports from templates/ (kept local so this file stands alone). */
export interface ChatMessage {
  role: string;
  content: string;
}

export interface ChatTemplateOptions {
  addGenerationPrompt?: boolean;
  /** A template source or the name of one of the tokenizer's named templates; default: the tokenizer's own. */
  template?: string;
  /** Extra variables for the template (e.g. `enable_thinking`). */
  variables?: Record<string, unknown>;
}

export interface TokenizerSpecials {
  eosTokenIds: number[];
  padTokenId: number;
  bosTokenId: number | null;
  chatTemplate: string | null;
  chatTemplates: Record<string, string>;
}

/** What generation and scoring need from a tokenizer (the lead's spec); ModelTokenizer implements it. */
export interface TextTokenizer {
  encode(text: string, opts?: { addSpecialTokens?: boolean }): number[];
  decode(ids: number[], opts?: { skipSpecialTokens?: boolean }): string;
  tokenToId(token: string): number | undefined;
  readonly vocabSize: number;
  readonly padTokenId: number;
  readonly eosTokenIds: number[];
  readonly chatTemplate: string | null;
}

export class ModelTokenizer implements TextTokenizer {
  /** Size of the id space (max id + 1, added tokens included); the model's vocab_size may be larger. */
  readonly vocabSize: number;

  constructor(
    /** The underlying @huggingface/tokenizers instance, for anything not wrapped here. */
    readonly tokenizer: Tokenizer,
    readonly specials: TokenizerSpecials,
  ) {
    let maxId = -1;
    for (const id of tokenizer.get_vocab(true).values()) maxId = Math.max(maxId, id);
    this.vocabSize = maxId + 1;
  }

  get eosTokenIds(): number[] {
    return this.specials.eosTokenIds;
  }
  /** The primary end-of-sequence id (the first of `eosTokenIds`). */
  get eosTokenId(): number {
    return this.specials.eosTokenIds[0]!;
  }
  get padTokenId(): number {
    return this.specials.padTokenId;
  }
  get bosTokenId(): number | null {
    return this.specials.bosTokenId;
  }
  get chatTemplate(): string | null {
    return this.specials.chatTemplate;
  }

  encode(text: string, options: { addSpecialTokens?: boolean } = {}): number[] {
    const encoding = this.tokenizer.encode(text, { add_special_tokens: options.addSpecialTokens ?? true });
    const missing = (encoding.ids as (number | undefined)[]).findIndex((id) => id === undefined);
    if (missing >= 0) {
      // Without an unk_token, tokenizers.js yields `undefined` for an unknown word; never let that reach a model.
      throw new UserError(
        `The tokenizer has no id for ${JSON.stringify(encoding.tokens[missing])} and no unk_token to fall back on (a gap in @huggingface/tokenizers for this tokenizer type, ` +
          'where Hugging Face transformers would fail too). Add "unk_token" to the model section of tokenizer.json, or use a byte-level tokenizer.',
        'PA_TOKENIZER_NO_ID',
      );
    }
    return encoding.ids;
  }

  decode(ids: readonly number[], options: { skipSpecialTokens?: boolean } = {}): string {
    // clean_up_tokenization_spaces is left to tokenizer_config.json, as transformers does.
    return this.tokenizer.decode(ids.slice(), { skip_special_tokens: options.skipSpecialTokens ?? false });
  }

  tokenToId(token: string): number | undefined {
    return this.tokenizer.token_to_id(token);
  }

  idToToken(id: number): string | undefined {
    return this.tokenizer.id_to_token(id);
  }

  /** Render messages to the prompt text, as transformers' `apply_chat_template(tokenize=False)`. */
  applyChatTemplate(messages: readonly ChatMessage[], options: ChatTemplateOptions = {}): string {
    const named = options.template !== undefined ? this.specials.chatTemplates[options.template] : undefined;
    const source = named ?? options.template ?? this.specials.chatTemplate;
    if (source == null) {
      throw new Error('this tokenizer has no chat template; pass options.template');
    }
    const token = (id: number | null): string | null => (id === null ? null : (this.idToToken(id) ?? null));
    return new Template(source).render({
      ...options.variables,
      messages,
      add_generation_prompt: options.addGenerationPrompt ?? false,
      bos_token: token(this.bosTokenId) ?? '',
      eos_token: token(this.eosTokenId) ?? '',
      pad_token: token(this.padTokenId) ?? '',
    });
  }
}
