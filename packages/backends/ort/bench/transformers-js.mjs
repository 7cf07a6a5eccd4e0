// The same standard graph run through transformers.js (@huggingface/transformers, on the same
// onnxruntime-node), as a side-by-side reference for backend-ort's own generation loop.
// The bench's checkpoint folder is already the layout transformers.js loads (config.json +
// onnx/model.onnx + onnx/model.onnx_data); nothing is copied. Timing mirrors run-bench.mjs:
// model.forward() (feeds, session run, outputs: the counterpart of our decoder.step()) is timed;
// prefill = the first forward, a decode step = the median forward plus the mean JS time between
// forwards (transformers.js's mask/cache bookkeeping and sampling).
import { basename, dirname } from 'node:path';
import { bestOfTwoPasses } from './best-of.mjs';

/**
 * @param {object} o
 * @param {string} o.modelDir checkpoint folder written by writeRandomCheckpoint
 * @param {number[]} o.batches
 * @param {(batch: number) => { inputIds: number[][], attentionMask: number[][] }} o.promptBatch
 * @param {number} o.newTokens
 * @param {number} o.repeats
 * @param {number | undefined} o.threads
 * @param {Map<number, number[][]>} o.ourTokens greedy tokens of backend-ort per batch
 * @param {{ prompt: { inputIds: number[][], attentionMask: number[][] }, logits: Float32Array }} o.ourProbe
 *   backend-ort's last-position prefill logits [B, V] for `prompt`
 * @param {Map<number, { prefillTokensPerSecond: number, decodeTokensPerSecond: number }>} o.ourRows
 * @param {(...m: unknown[]) => void} o.log
 */
export async function benchTransformersJs({ modelDir, batches, promptBatch, newTokens, repeats, threads, ourTokens, ourProbe, ourRows, log }) {
  let version = null;
  let model;
  try {
    const tjs = await import('@huggingface/transformers');
    version = tjs.env.version;
    Object.assign(tjs.env, { allowRemoteModels: false, allowLocalModels: true, localModelPath: dirname(modelDir), useFSCache: false });
    model = await tjs.AutoModelForCausalLM.from_pretrained(basename(modelDir), {
      local_files_only: true,
      dtype: 'fp32',
      device: 'cpu',
      // Node loads the graph by path, so ORT finds model.onnx_data next to it by itself.
      session_options: threads ? { intraOpNumThreads: threads } : {},
    });
    const prefillLogits = await compareLogits(tjs, model, ourProbe);
    log(`transformers.js: prefill logits vs ours, max |diff| ${prefillLogits.maxAbsDiff.toExponential(2)} (max |logit| ${prefillLogits.maxAbsLogit.toFixed(2)})`);
    const run = (batch) => timedGenerate(tjs, model, promptBatch(batch), newTokens);
    await run(1); // warm-up, as for our decoder
    const rows = [];
    // Timed exactly as ours: best of `repeats` in two passes.
    const best = await bestOfTwoPasses(batches, repeats, run);
    for (const batch of batches) {
      const { prefill, decode, tokens } = best.get(batch);
      const ours = ourTokens.get(batch);
      const row = {
        batch,
        prefillSeconds: prefill,
        prefillTokensPerSecond: (batch * promptBatch(batch).inputIds[0].length) / prefill,
        decodeSeconds: decode,
        decodeTokensPerSecond: (batch * (newTokens - 1)) / decode,
        greedyTokensMatch: ours ? JSON.stringify(ours) === JSON.stringify(tokens) : null,
      };
      log(`transformers.js batch ${batch}: prefill ${row.prefillTokensPerSecond.toFixed(1)} tok/s, decode ${row.decodeTokensPerSecond.toFixed(2)} tok/s, greedy tokens match ours: ${row.greedyTokensMatch}`);
      rows.push(row);
    }
    const ratioOursOverTheirs = Object.fromEntries(
      rows.filter((r) => ourRows.has(r.batch)).map((r) => {
        const ours = ourRows.get(r.batch);
        return [r.batch, { prefill: ours.prefillTokensPerSecond / r.prefillTokensPerSecond, decode: ours.decodeTokensPerSecond / r.decodeTokensPerSecond }];
      }),
    );
    const compared = rows.filter((r) => r.greedyTokensMatch !== null);
    const greedyTokensMatch = compared.length > 0 ? compared.every((r) => r.greedyTokensMatch) : null;
    return { version, loaded: true, batches: rows, greedyTokensMatch, prefillLogits, ratioOursOverTheirs };
  } catch (error) {
    // A reference only: a graph transformers.js cannot load (or run) is recorded, not fatal.
    log(`transformers.js failed: ${error?.stack ?? error}`);
    return { version, loaded: model !== undefined, reason: String(error?.message ?? error) };
  } finally {
    await model?.dispose();
  }
}

/** transformers.js's forward() on our probe prompt: the largest logit difference from ours. */
async function compareLogits(tjs, model, probe) {
  const { logits } = await model.forward({
    input_ids: int64Tensor(tjs, probe.prompt.inputIds),
    attention_mask: int64Tensor(tjs, probe.prompt.attentionMask),
    num_logits_to_keep: new tjs.Tensor('int64', [1n], []),
  });
  const theirs = logits.data;
  if (theirs.length !== probe.logits.length) throw new Error(`transformers.js returned logits of shape [${logits.dims}], expected ${probe.logits.length} values`);
  let maxAbsDiff = 0;
  let maxAbsLogit = 0;
  for (let i = 0; i < theirs.length; i++) {
    maxAbsDiff = Math.max(maxAbsDiff, Math.abs(theirs[i] - probe.logits[i]));
    maxAbsLogit = Math.max(maxAbsLogit, Math.abs(probe.logits[i]));
  }
  return { rows: probe.prompt.inputIds.length, maxAbsDiff, maxAbsLogit };
}

/** One greedy generate() of exactly `newTokens` tokens, with each forward() timed. */
async function timedGenerate(tjs, model, prompt, newTokens) {
  const forward = model.forward;
  const steps = [];
  model.forward = async (...a) => {
    const start = performance.now();
    const out = await forward.apply(model, a);
    steps.push((performance.now() - start) / 1000);
    return out;
  };
  const start = performance.now();
  let sequences;
  try {
    sequences = await model.generate({
      input_ids: int64Tensor(tjs, prompt.inputIds),
      attention_mask: int64Tensor(tjs, prompt.attentionMask),
      max_new_tokens: newTokens,
      min_new_tokens: newTokens,
      // No EOS, like our bench (eosTokenIds: []): no early stop, and unlike min_new_tokens
      // alone, no masked EOS logit that could make the greedy tokens differ from ours.
      eos_token_id: null,
      do_sample: false,
    });
  } finally {
    model.forward = forward;
  }
  const total = (performance.now() - start) / 1000;
  const decodeSteps = steps.slice(1);
  const between = (total - steps.reduce((a, b) => a + b, 0)) / decodeSteps.length;
  const median = decodeSteps.slice().sort((a, b) => a - b)[Math.floor(decodeSteps.length / 2)];
  const promptLength = prompt.inputIds[0].length;
  const tokens = sequences.tolist().map((row) => row.slice(promptLength).map(Number));
  return { prefill: steps[0], decode: (median + between) * decodeSteps.length, tokens };
}

const int64Tensor = (tjs, rows) => new tjs.Tensor('int64', BigInt64Array.from(rows.flat(), BigInt), [rows.length, rows[0].length]);
