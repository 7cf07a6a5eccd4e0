import { type Policy, type Template } from '@prompt-aug/plugin-api';
import { renderPrompt } from '@prompt-aug/core';
import { type TextTokenizer } from '@prompt-aug/core/model';
import type { GradeFn } from '../grading/grade-response.js';
import { goldValues } from '../grading/gold-values.js';
import type { SampleRecord } from '../samples/sample-record.js';
import type { SampleWriter } from '../samples/sample-writer.js';
import type { GenerationSettings } from './generation-settings.js';
import { batchSeed, batchWork, type WorkItem } from './plan-work.js';
import { leftPad } from '@prompt-aug/core/decoding';
import { sampleSeed } from './sample-seed.js';

export interface GenerateSamplesInput {
  policy: Policy;
  tokenizer: TextTokenizer;
  template: Pick<Template, 'id' | 'chatTemplate' | 'prefill'>;
  grade: GradeFn;
  items: readonly WorkItem[];
  settings: GenerationSettings;
  writer: SampleWriter;
  /** Called after each batch is written, with the number of samples it held. */
  onBatch?: (written: number) => void;
  /** Called with the wall time of each generate call. */
  onGenerateMs?: (ms: number) => void;
}

/**
 * Generate, grade and append every work item, batch by batch; each batch's records are on
 * disk (fsynced) before the next batch starts, so a kill loses at most one batch.
 */
export async function generateSamples(input: GenerateSamplesInput): Promise<SampleRecord[]> {
  const { policy, tokenizer, settings } = input;
  const eosTokenIds = [...new Set([...tokenizer.eosTokenIds, ...policy.info.eosTokenIds])];
  const prompts = new Map<string, { text: string; ids: number[] }>();
  const promptOf = (item: WorkItem) => {
    const key = `${item.benchmark}\u0000${item.record.id}`;
    let prompt = prompts.get(key);
    if (!prompt) {
      const text = renderPrompt(input.template, item.record.problem);
      // Default special-token handling, as vLLM tokenizes a text prompt (Qwen adds no BOS).
      prompt = { text, ids: tokenizer.encode(text) };
      prompts.set(key, prompt);
    }
    return prompt;
  };
  const all: SampleRecord[] = [];
  for (const batch of batchWork(input.items, settings.batchSize)) {
    const head = batch[0]!;
    const batchPrompts = batch.map(promptOf);
    const started = performance.now();
    const out = await policy.generate({
      ...promptBatch(batchPrompts.map((p) => p.ids), tokenizer.padTokenId),
      maxNewTokens: settings.maxNewTokens,
      temperature: settings.temperature,
      topP: settings.topP,
      topK: settings.topK,
      seed: batchSeed(settings.seed, head.run, head.sample),
      rowSeeds: batch.map((item) => sampleSeed(settings.seed, { benchmark: item.benchmark, id: item.record.id, run: item.run, sample: item.sample })),
      eosTokenIds,
      ...(settings.stopStrings.length > 0 ? { stopStrings: settings.stopStrings } : {}),
    });
    const ms = Math.round(performance.now() - started);
    input.onGenerateMs?.(performance.now() - started);
    const records = batch.map((item, row): SampleRecord => {
      const length = out.lengths[row] ?? 0;
      // Special tokens (the EOS) are dropped, as vLLM's default skip_special_tokens does.
      const response = tokenizer.decode((out.tokens[row] ?? []).slice(0, length), { skipSpecialTokens: true });
      const { correct, extracted, reason } = input.grade(goldValues(item.record), response);
      return {
        benchmark: item.benchmark,
        id: item.record.id,
        run: item.run,
        sample: item.sample,
        prompt: batchPrompts[row]!.text,
        response,
        extracted,
        correct,
        ...(reason !== undefined ? { reason } : {}),
        tokens: length,
        finishReason: out.finishReasons[row] ?? 'length',
        ms,
      };
    });
    await input.writer.append(records);
    all.push(...records);
    input.onBatch?.(records.length);
  }
  return all;
}

/** The Policy's prompt layout: rows left-padded to one length, the mask marking real tokens. */
function promptBatch(rows: readonly number[][], padId: number): { inputIds: number[][]; attentionMask: number[][] } {
  const { ids, mask } = leftPad(rows, padId);
  return { inputIds: ids, attentionMask: mask };
}
