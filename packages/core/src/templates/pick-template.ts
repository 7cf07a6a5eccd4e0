import type { TemplateSelect } from '@prompt-aug/plugin-api';
import { UserError } from '../util/user-error.js';
import { hashToUnit } from './hash-to-unit.js';

export interface PickTemplateInput<T extends { id: string }> {
  /** The template set, in the plugin's order (round-robin follows it). */
  set: readonly T[];
  /** The set's selection policy; default per-prompt, uniform. */
  select?: TemplateSelect | undefined;
  /** The run's seed. */
  seed: number;
  epoch: number;
  /** A stable identity of the prompt, e.g. its row index in the dataset. */
  promptIndex: number;
  /** Which rollout of the prompt's group; used only by per-rollout. */
  rolloutIndex?: number;
  /** Prompts handed out so far in the run (0-based); used only by round-robin. */
  globalPromptCounter?: number;
}

/**
 * Pick the template a prompt (or one rollout) is rendered with. Stateless: the choice is a
 * pure function of the inputs, so a resumed run repeats the interrupted run's choices.
 *
 * - per-prompt (default, the paper): one draw per (seed, epoch, prompt); the whole rollout
 *   group shares it and each epoch draws anew.
 * - per-rollout: one draw per (seed, epoch, prompt, rollout).
 * - round-robin: `set[globalPromptCounter % set.length]`; weights do not apply.
 *
 * Draws are uniform, or proportional to `select.weights` (templates not named weigh 1).
 */
export function pickTemplate<T extends { id: string }>(input: PickTemplateInput<T>): T {
  const { set, select } = input;
  if (set.length === 0) {
    throw new UserError('The template set is empty, so no template can be picked. Use a templates plugin that lists at least one template.', 'PA_TEMPLATE_SET_INVALID');
  }
  const mode = select?.mode ?? 'per-prompt';
  switch (mode) {
    case 'round-robin':
      return set[counter(input.globalPromptCounter, 'globalPromptCounter') % set.length]!;
    case 'per-prompt':
      return drawWeighted(set, select?.weights, hashToUnit(keys(input)));
    case 'per-rollout':
      return drawWeighted(set, select?.weights, hashToUnit([...keys(input), counter(input.rolloutIndex, 'rolloutIndex')]));
    default:
      throw new UserError(
        `Unknown template selection mode "${String(mode)}". Set \`select.mode\` to "per-prompt", "per-rollout" or "round-robin".`,
        'PA_TEMPLATE_SET_INVALID',
      );
  }
}

function keys(input: PickTemplateInput<{ id: string }>): number[] {
  if (!Number.isSafeInteger(input.seed)) {
    throw new UserError(`The seed must be an integer to pick templates reproducibly; got ${String(input.seed)}. Pass an integer seed, e.g. --seed 42.`, 'PA_SEED_INVALID');
  }
  return [input.seed, counter(input.epoch, 'epoch'), counter(input.promptIndex, 'promptIndex')];
}

// Indexes and counters come from the trainer, not the user: a bad one is a bug.
function counter(value: number | undefined, name: string): number {
  if (value === undefined || !Number.isSafeInteger(value) || value < 0) {
    throw new TypeError(`pickTemplate: ${name} must be a non-negative integer, got ${String(value)}`);
  }
  return value;
}

function drawWeighted<T extends { id: string }>(set: readonly T[], weights: Record<string, number> | undefined, u: number): T {
  if (!weights) return set[Math.floor(u * set.length)]!;
  const w = set.map((t) => weights[t.id] ?? 1);
  const total = w.reduce((sum, x) => sum + x, 0);
  if (w.some((x) => !Number.isFinite(x) || x < 0) || !(total > 0)) {
    throw new UserError(
      `The template weights ${JSON.stringify(weights)} cannot be drawn from: every weight must be a finite number >= 0 and at least one template must weigh more than 0. Fix \`select.weights\`.`,
      'PA_TEMPLATE_SET_INVALID',
    );
  }
  let target = u * total;
  for (let i = 0; i < set.length; i++) {
    target -= w[i]!;
    if (target < 0) return set[i]!;
  }
  // Floating-point leftovers: fall back to the last template that can be drawn.
  return set[w.findLastIndex((x) => x > 0)]!;
}
