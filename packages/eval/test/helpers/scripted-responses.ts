import { type Template } from '@prompt-aug/plugin-api';
import { renderPrompt } from '@prompt-aug/core';
import type { Benchmark } from '../../src/index.js';

/** The fixed response to a question: even rows answer with the gold answer, odd rows with a wrong one. */
export function scriptedResponse(benchmark: string, row: number, gold: string): string {
  return row % 2 === 0
    ? `We work it out for ${benchmark} step by step.\nSo the answer is $\\boxed{${gold.trim()}}$.`
    : `Let me guess <script>alert("${benchmark}")</script> & stop: \\boxed{-98765}`;
}

/** Map each rendered eval prompt to its scripted response (what the test double "generates"). */
export function scriptedResponder(benchmarks: readonly Benchmark[], template: Template): (prompt: string) => string {
  const byPrompt = new Map<string, string>();
  for (const b of benchmarks) {
    b.records.forEach((r, row) => byPrompt.set(renderPrompt(template, r.problem), scriptedResponse(b.name, row, r.answers[0]!)));
  }
  return (prompt) => {
    const response = byPrompt.get(prompt);
    if (response === undefined) throw new Error(`the test double was given a prompt it has no script for: ${prompt.slice(0, 120)}`);
    return response;
  };
}
