/**
 * The public plugin contract (apiVersion 1). A plugin package default-exports one of these
 * objects, or an array of them. Plugins need no runtime import of @prompt-aug/core: `definePlugin` is a
 * typing helper only, and everything here is plain data plus a few pure functions.
 */
import type { BackendCapabilities, DeviceInfo, LoadOptions, Policy } from './policy-types.js';

/** The plugin API version this core speaks. Bumped only on breaking contract changes. */
export const PLUGIN_API_VERSION = 1;

export type PluginKind = 'templates' | 'verifier' | 'backend';

export interface PluginBase {
  kind: PluginKind;
  /** Short, unique name, e.g. "templates-diverse". */
  name: string;
  /** The plugin's own semver version (usually its package.json version). */
  version: string;
  /** The plugin API version the plugin was written for; must equal PLUGIN_API_VERSION. */
  apiVersion: number;
  description?: string;
}

/** Where a template's answer lives, so the verifier knows what to extract. */
export interface AnswerFormat {
  /** The answer is written inside `\boxed{}`. */
  boxed: boolean;
  /** The answer region is enclosed by these markers, e.g. `<answer>` … `</answer>`. */
  enclosedBy?: { open: string; close: string };
  /** A phrase that introduces the final answer, e.g. "The final answer is:". */
  introducedBy?: string;
}

export interface Template {
  /** Stable id, e.g. "open-r1". */
  id: string;
  description?: string;
  /**
   * A Jinja chat template (Hugging Face semantics, rendered with @huggingface/jinja) that
   * receives `messages` (only the user turn is guaranteed) and `add_generation_prompt`.
   */
  chatTemplate: string;
  /** Text appended after the rendered prompt: the start of the assistant turn (not trained on). */
  prefill?: string;
  answerFormat?: AnswerFormat;
  /** Format reward in [0, 1] of a completion (the response only, prefill excluded). */
  formatReward?: (completion: string) => number;
}

/** How a template is picked for a prompt (data, not code). */
export interface TemplateSelect {
  /**
   * per-prompt (default, the paper): one template per prompt per epoch, shared by its whole
   * rollout group; per-rollout: every rollout draws its own; round-robin: templates in order.
   */
  mode: 'per-prompt' | 'per-rollout' | 'round-robin';
  /** Optional relative weights by template id (default uniform). */
  weights?: Record<string, number>;
}

export interface TemplatesPlugin extends PluginBase {
  kind: 'templates';
  templates: Template[];
  select?: TemplateSelect;
}

export type ExtractMode = 'train' | 'eval' | 'paper';

export interface ExtractOptions {
  /**
   * train: the paper's lenient training extraction; eval: the last boxed answer only (corrected
   * grader); paper: the paper's own eval protocol, quirks included (verifiers may not support it).
   */
  mode?: ExtractMode;
  /** The template the response was written under (its answer format guides extraction). */
  template?: { id?: string; answerFormat?: AnswerFormat };
}

export interface VerifyOptions extends ExtractOptions {
  /** answer: the response is a bare final answer (no extraction); response (default): a full solution. */
  kind?: 'answer' | 'response';
  /** Time budget per check in milliseconds (default 200). */
  timeoutMs?: number;
}

export interface Verdict {
  correct: boolean;
  /** The answer taken from the response, or null when none was found. */
  extracted: string | null;
  /** Short machine-friendly reason, e.g. "numeric-equal", "no-answer", "mismatch". */
  reason: string;
}

export interface VerifierPlugin extends PluginBase {
  kind: 'verifier';
  extract(response: string, opts?: ExtractOptions): string | null;
  /** `gold` may list several acceptable answers (any counts); numbers (AMC's 142.0) grade like their text. */
  verify(gold: string | number | ReadonlyArray<string | number>, response: string, opts?: VerifyOptions): Verdict;
}

export interface BackendPlugin extends PluginBase {
  kind: 'backend';
  capabilities: BackendCapabilities;
  /** The devices this backend can use on this machine, best first. */
  devices(): Promise<DeviceInfo[]>;
  load(options: LoadOptions): Promise<Policy>;
}

export type Plugin = TemplatesPlugin | VerifierPlugin | BackendPlugin;
