import { Template as JinjaTemplate } from '@huggingface/jinja';
import type { Template } from '@prompt-aug/plugin-api';
import { UserError } from '../util/user-error.js';

/** One chat turn, as in a dataset's `prompt` column or Hugging Face's `messages`. */
export interface ChatMessage {
  role: string;
  content: string;
}

/** The parts of a template that rendering needs. */
export type RenderableTemplate = Pick<Template, 'id' | 'chatTemplate' | 'prefill'>;

// Parsing is the costly half of rendering; a run renders thousands of prompts with a
// dozen templates, so keep parsed programs by source text (bounded, in case of churn).
const parsedBySource = new Map<string, JinjaTemplate>();
const MAX_CACHED = 256;

/**
 * The full prompt text for a problem under a template: the chat template rendered with
 * @huggingface/jinja (Hugging Face semantics: `messages`, `add_generation_prompt: true`),
 * then the template's assistant prefill. A bare string becomes a single user message.
 */
export function renderPrompt(template: RenderableTemplate, problem: string | readonly ChatMessage[]): string {
  const messages = toMessages(template.id, problem);
  const program = parse(template);
  let rendered: string;
  try {
    rendered = program.render({ messages, add_generation_prompt: true });
  } catch (error) {
    throw templateError(template.id, 'could not be rendered', error);
  }
  return rendered + (template.prefill ?? '');
}

function parse(template: RenderableTemplate): JinjaTemplate {
  if (typeof template.chatTemplate !== 'string' || template.chatTemplate === '') {
    throw new UserError(
      `Template "${template.id}" has no chat template: its \`chatTemplate\` must be a non-empty Jinja string. ` +
        'Fix the plugin that provides this template, or choose another template.',
      'PA_TEMPLATE_INVALID',
    );
  }
  const cached = parsedBySource.get(template.chatTemplate);
  if (cached) return cached;
  let program: JinjaTemplate;
  try {
    program = new JinjaTemplate(template.chatTemplate);
  } catch (error) {
    throw templateError(template.id, 'is not valid Jinja', error);
  }
  if (parsedBySource.size >= MAX_CACHED) parsedBySource.clear();
  parsedBySource.set(template.chatTemplate, program);
  return program;
}

function toMessages(templateId: string, problem: string | readonly ChatMessage[]): ChatMessage[] {
  if (typeof problem === 'string') return [{ role: 'user', content: problem }];
  if (!Array.isArray(problem)) throw badMessages(templateId, 'it is neither a string nor an array of messages');
  problem.forEach((message: unknown, i) => {
    const m = message as Partial<ChatMessage> | null;
    if (!m || typeof m.role !== 'string' || typeof m.content !== 'string') {
      throw badMessages(templateId, `message ${i} is not an object with string \`role\` and \`content\``);
    }
  });
  if (!problem.some((m) => m.role === 'user')) throw badMessages(templateId, 'no message has role "user"');
  return problem.map((m) => ({ role: m.role, content: m.content }));
}

function badMessages(templateId: string, why: string): UserError {
  return new UserError(
    `The prompt given to template "${templateId}" is malformed: ${why}. Pass the problem text, or a list of ` +
      'messages like [{"role": "user", "content": "What is 1+1?"}]; templates render the user messages.',
    'PA_PROMPT_INVALID',
  );
}

function templateError(templateId: string, what: string, error: unknown): UserError {
  const detail = error instanceof Error ? error.message : String(error);
  return new UserError(
    `The chat template of template "${templateId}" ${what} (Jinja error: ${detail}). Fix its \`chatTemplate\` ` +
      '(Jinja with Hugging Face chat-template semantics: `messages`, `add_generation_prompt`) in the plugin that ' +
      'provides it, or choose another template.',
    'PA_TEMPLATE_INVALID',
    { cause: error },
  );
}
