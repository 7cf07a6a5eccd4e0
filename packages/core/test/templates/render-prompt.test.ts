import { describe, expect, it } from 'vitest';
import { renderPrompt } from '../../src/templates/render-prompt.js';
import { isUserError } from '../../src/util/user-error.js';

// A hand-written ChatML template that renders every message (unlike the built-in sets, which
// render only the user turn), so the tests can see exactly which messages went in.
const allRoles = {
  id: 'all-roles',
  chatTemplate:
    '{% for m in messages %}<|im_start|>{{ m.role }}\n{{ m.content }}<|im_end|>\n{% endfor %}' +
    '{% if add_generation_prompt %}<|im_start|>assistant\n{% endif %}',
};

function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a throw');
}

describe('renderPrompt', () => {
  it('renders a bare problem as one user message and opens the assistant turn', () => {
    expect(renderPrompt(allRoles, 'What is 2+3? ')).toBe(
      '<|im_start|>user\nWhat is 2+3? <|im_end|>\n<|im_start|>assistant\n',
    );
  });

  it('appends the prefill after the generation prompt', () => {
    expect(renderPrompt({ ...allRoles, prefill: '<think>\n' }, 'Q')).toBe(
      '<|im_start|>user\nQ<|im_end|>\n<|im_start|>assistant\n<think>\n',
    );
  });

  it('passes message lists through in order', () => {
    const messages = [
      { role: 'system', content: 'S' },
      { role: 'user', content: 'U' },
    ];
    expect(renderPrompt(allRoles, messages)).toBe(
      '<|im_start|>system\nS<|im_end|>\n<|im_start|>user\nU<|im_end|>\n<|im_start|>assistant\n',
    );
  });

  it('uses Hugging Face whitespace rules (trim_blocks: the newline after a block tag is dropped)', () => {
    const template = { id: 'trim', chatTemplate: '{% for m in messages %}\n{{ m.content }}\n{% endfor %}' };
    expect(renderPrompt(template, 'Q')).toBe('Q\n');
  });

  it('keeps backslashes of literal template text (\\boxed is not an escape)', () => {
    const template = { id: 'boxed', chatTemplate: 'Put it in \\boxed{}: {{ messages[0].content }}' };
    expect(renderPrompt(template, 'Q')).toBe('Put it in \\boxed{}: Q');
  });

  it('reports a template that does not parse as a UserError naming the template and the Jinja error', () => {
    const error = thrown(() => renderPrompt({ id: 'broken-one', chatTemplate: '{% if %}' }, 'Q'));
    expect(isUserError(error)).toBe(true);
    expect(error.message).toContain('"broken-one"');
    expect(error.message).toContain('is not valid Jinja');
    expect(error.message).toContain('Unexpected token');
  });

  it('reports a template that fails while rendering as a UserError with the Jinja message', () => {
    const error = thrown(() => renderPrompt({ id: 'raiser', chatTemplate: "{{ raise_exception('no tools here') }}" }, 'Q'));
    expect(isUserError(error)).toBe(true);
    expect(error.message).toContain('"raiser"');
    expect(error.message).toContain('could not be rendered');
    expect(error.message).toContain('no tools here');
  });

  it('rejects an empty chat template', () => {
    const error = thrown(() => renderPrompt({ id: 'empty', chatTemplate: '' }, 'Q'));
    expect(isUserError(error)).toBe(true);
    expect(error.message).toContain('"empty" has no chat template');
  });

  it('rejects malformed messages and message lists without a user turn', () => {
    const bad = thrown(() => renderPrompt(allRoles, [{ role: 'user' } as never]));
    expect(isUserError(bad)).toBe(true);
    expect(bad.message).toContain('message 0 is not an object');
    const noUser = thrown(() => renderPrompt(allRoles, [{ role: 'system', content: 'S' }]));
    expect(isUserError(noUser)).toBe(true);
    expect(noUser.message).toContain('no message has role "user"');
  });
});
