import type { TextTokenizer } from '@prompt-aug/core/model';

/**
 * A "tokenizer" whose tokens are whole texts: encode registers a text under one id, decode
 * joins the texts of ids back. It lets a remote text-in/text-out server stand in for a local
 * Policy inside the existing eval loop (prompts rendered, samples written, resume) unchanged:
 * the loop tokenizes the prompt, the remote policy turns the one id back into the prompt text
 * and answers with the id of the response text. Id 0 is the pad id and decodes to nothing.
 */
export class TextHandles implements TextTokenizer {
  readonly padTokenId = 0;
  readonly eosTokenIds: number[] = [];
  readonly chatTemplate = null;
  private readonly texts: string[] = [''];

  get vocabSize(): number {
    return this.texts.length;
  }

  encode(text: string): number[] {
    this.texts.push(text);
    return [this.texts.length - 1];
  }

  decode(ids: number[]): string {
    return ids.map((id) => (id === this.padTokenId ? '' : (this.texts[id] ?? ''))).join('');
  }

  tokenToId(): number | undefined {
    return undefined;
  }

  /** The text of a registered id (throws on an id this object never made: a wiring bug). */
  text(id: number): string {
    const text = this.texts[id];
    if (id === this.padTokenId || text === undefined) throw new Error(`TextHandles: unknown text id ${id}`);
    return text;
  }
}
