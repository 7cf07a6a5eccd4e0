import type { GenerateInput, GenerateOutput, Policy, PolicyInfo } from '@prompt-aug/plugin-api';
import type { TextTokenizer } from '@prompt-aug/core/model';

/**
 * A test double standing in for a backend (backends are other packages' work): `generate`
 * decodes each prompt with the real tokenizer, asks `respond(prompt)` for a fixed response
 * text, and returns that text's real token ids (plus EOS, or cut at maxNewTokens). It records
 * every prompt it was asked for, so tests can check that resume generates only what is missing.
 */
export class ScriptedPolicy implements Policy {
  readonly info: PolicyInfo;
  /** Every prompt generated for, in order. */
  readonly prompts: string[] = [];
  readonly seeds: number[] = [];

  constructor(
    private readonly tokenizer: TextTokenizer,
    private readonly respond: (prompt: string) => string,
  ) {
    this.info = {
      backend: 'scripted-test-double',
      device: 'cpu',
      architecture: 'none',
      numParameters: 0,
      vocabSize: tokenizer.vocabSize,
      padTokenId: tokenizer.padTokenId,
      eosTokenIds: tokenizer.eosTokenIds,
    };
  }

  async generate(input: GenerateInput): Promise<GenerateOutput> {
    const eos = input.eosTokenIds?.[input.eosTokenIds.length - 1] ?? this.tokenizer.eosTokenIds[0]!;
    const out: GenerateOutput = { tokens: [], lengths: [], finishReasons: [] };
    if (input.seed !== undefined) this.seeds.push(input.seed);
    input.inputIds.forEach((row, i) => {
      const mask = input.attentionMask[i]!;
      const prompt = this.tokenizer.decode(row.filter((_, j) => mask[j] === 1));
      this.prompts.push(prompt);
      const ids = [...this.tokenizer.encode(this.respond(prompt), { addSpecialTokens: false }), eos];
      const kept = ids.slice(0, input.maxNewTokens);
      out.tokens.push([...kept, ...new Array<number>(input.maxNewTokens - kept.length).fill(this.info.padTokenId)]);
      out.lengths.push(kept.length);
      out.finishReasons.push(kept.length < ids.length ? 'length' : 'eos');
    });
    return out;
  }

  async forward(): Promise<never> {
    throw new Error('ScriptedPolicy only generates');
  }

  async logprobs(): Promise<never> {
    throw new Error('ScriptedPolicy only generates');
  }

  dispose(): void {}
}
