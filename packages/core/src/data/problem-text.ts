/**
 * Where the problem text lives in the common math sets, and how to get it out unchanged.
 *
 * Order tried: `problem`, then the user message of a `prompt` chat list, then `question`,
 * then `input`. The chat list comes before `question` on purpose: in the verl-format MATH
 * Level 3-5 files the paper's training templates render the `prompt` user content as is
 * (it ends with one space), `question` is the same text minus that space, and the test
 * split has no `question` at all; reading `prompt` gives train and test rows the same form.
 */
import { describeValue } from './answer-values.js';
import { isPlainObject } from './field-path.js';

export const PROBLEM_FIELDS = ['problem', 'prompt', 'question', 'input'] as const;

export type ProblemExtraction =
  | { ok: true; problem: string; /** what of the source value the problem did not carry */ leftover?: unknown }
  | { ok: false; reason: string };

const CHATML_USER = /<\|im_start\|>user\n([\s\S]*?)<\|im_end\|>/g;

export function problemFromValue(value: unknown): ProblemExtraction {
  if (typeof value === 'string') return problemFromString(value);
  if (Array.isArray(value)) return problemFromMessages(value);
  return { ok: false, reason: `is ${describeValue(value)}, not a string or a chat messages list` };
}

/** A full ChatML prompt (understand-r1-zero's `input`) yields its last user turn; the rest stays in meta. */
function problemFromString(text: string): ProblemExtraction {
  const turns = [...text.matchAll(CHATML_USER)];
  const last = turns.at(-1);
  if (last?.[1] !== undefined) return nonEmpty(last[1], text);
  return nonEmpty(text);
}

function problemFromMessages(messages: unknown[]): ProblemExtraction {
  const userIndex = messages.findLastIndex((m) => isPlainObject(m) && m.role === 'user');
  const user = messages[userIndex];
  if (!isPlainObject(user)) return { ok: false, reason: 'is a messages list without a {"role": "user"} message' };
  if (typeof user.content !== 'string') return { ok: false, reason: 'has a user message whose content is not a string' };
  const others = messages.filter((_, index) => index !== userIndex);
  return nonEmpty(user.content, others.length > 0 ? others : undefined);
}

function nonEmpty(problem: string, leftover?: unknown): ProblemExtraction {
  if (problem.trim() === '') return { ok: false, reason: 'is empty' };
  return leftover === undefined ? { ok: true, problem } : { ok: true, problem, leftover };
}
