import type { SampleRecord } from '../../samples/sample-record.js';
import { escapeHtml } from './escape-html.js';

export interface DrillDownLimits {
  /** Above this many samples in all, only each question's first sample is shown in full. */
  maxSamples: number;
  /** Responses longer than this show their last `maxChars` characters (where the answer is). */
  maxChars: number;
}

export const DEFAULT_DRILL_DOWN: DrillDownLimits = { maxSamples: 2000, maxChars: 12_000 };

/** Collapsible per-question, per-sample view of one benchmark. All model text is escaped. */
export function drillDown(benchmark: string, samples: readonly SampleRecord[], gold: ReadonlyMap<string, readonly string[]>, limits: DrillDownLimits, showAll: boolean): string {
  const byQuestion = new Map<string, SampleRecord[]>();
  for (const s of samples) byQuestion.set(s.id, [...(byQuestion.get(s.id) ?? []), s]);
  const questions = [...byQuestion.entries()].map(([id, list]) => {
    list.sort((a, b) => a.run - b.run || a.sample - b.sample);
    const correct = list.filter((s) => s.correct).length;
    const state = correct === list.length ? 'correct' : correct === 0 ? 'wrong' : 'mixed';
    const shown = showAll ? list : list.slice(0, 1);
    const answers = gold.get(id);
    return `<details class="question ${state}" id="${escapeHtml(`q-${benchmark}-${id}`)}" data-benchmark="${escapeHtml(benchmark)}" data-id="${escapeHtml(id)}">` +
      `<summary>${escapeHtml(id)} — <span data-question-correct>${correct}</span>/${list.length} correct</summary>` +
      (answers ? `<p>gold: <code>${escapeHtml(answers.join(' | '))}</code></p>` : '') +
      `<details><summary>prompt</summary><pre>${escapeHtml(list[0]!.prompt)}</pre></details>` +
      shown.map((s) => sampleView(s, limits.maxChars)).join('') +
      (shown.length < list.length ? `<p class="note">${list.length - shown.length} more samples in samples.jsonl</p>` : '') +
      '</details>';
  });
  return questions.join('\n');
}

function sampleView(s: SampleRecord, maxChars: number): string {
  const cut = s.response.length > maxChars;
  const text = cut ? s.response.slice(-maxChars) : s.response;
  const mark = s.correct ? '<span class="ok">✓</span>' : '<span class="no">✗</span>';
  const facts = [`run ${s.run}`, `sample ${s.sample}`, s.tokens !== null ? `${s.tokens} tokens` : '', s.finishReason,
    s.second ? `${s.second.grader} grader: ${s.second.correct ? '✓' : '✗'}${s.difference ? ` (${s.difference})` : ''}` : ''].filter(Boolean).join(', ');
  return `<details class="sample"><summary>${mark} ${escapeHtml(facts)} — extracted <code>${escapeHtml(s.extracted ?? '(none)')}</code></summary>` +
    (cut ? `<p class="note">first ${s.response.length - maxChars} characters omitted</p>` : '') +
    `<pre>${escapeHtml(text)}</pre></details>`;
}
