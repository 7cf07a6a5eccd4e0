import { describe, expect, it } from 'vitest';
import type { Template } from '@prompt-aug/plugin-api';
import { validateTemplateSet } from '../../src/templates/validate-template-set.js';

const userOnly =
  "{% for m in messages %}{% if m.role == 'user' %}<|im_start|>user\n{{ m.content }}<|im_end|>\n{% endif %}{% endfor %}" +
  '{% if add_generation_prompt %}<|im_start|>assistant\n{% endif %}';

function template(id: string, extra: Partial<Template> = {}): Template {
  return { id, chatTemplate: userOnly, answerFormat: { boxed: true }, formatReward: () => 1, ...extra };
}

describe('validateTemplateSet', () => {
  it('accepts a sound set with no errors or warnings', () => {
    const report = validateTemplateSet({ name: 'ok', templates: [template('a'), template('b')], select: { mode: 'per-prompt', weights: { a: 2, b: 1 } } });
    expect(report).toEqual({ errors: [], warnings: [] });
  });

  it('reports an empty set', () => {
    expect(validateTemplateSet({ name: 'none', templates: [] }).errors).toEqual([
      'plugin "none" lists no templates; add at least one to `templates`.',
    ]);
  });

  it('reports duplicate and missing ids', () => {
    const { errors } = validateTemplateSet({ name: 'dup', templates: [template('a'), template('a'), template('')] });
    expect(errors).toEqual([
      'template "a" appears more than once in plugin "dup"; template ids must be unique.',
      'templates[2] has no id; give it a non-empty string id.',
    ]);
  });

  it('reports weights naming unknown templates, bad weights and all-zero weights', () => {
    const unknown = validateTemplateSet({ name: 'w', templates: [template('a')], select: { mode: 'per-prompt', weights: { a: 1, zz: 2 } } });
    expect(unknown.errors).toEqual(['plugin "w": select.weights names "zz", which is not a template of the set (known: a).']);
    const negative = validateTemplateSet({ name: 'w', templates: [template('a')], select: { mode: 'per-prompt', weights: { a: -1 } } });
    expect(negative.errors).toEqual(['plugin "w": select.weights["a"] is -1; weights must be finite numbers >= 0.']);
    const zero = validateTemplateSet({ name: 'w', templates: [template('a')], select: { mode: 'per-prompt', weights: { a: 0 } } });
    expect(zero.errors).toEqual(['plugin "w": every template weighs 0, so none can be drawn; give at least one a positive weight.']);
  });

  it('warns about weights under round-robin and templates the weights leave out', () => {
    const rr = validateTemplateSet({ name: 'r', templates: [template('a'), template('b')], select: { mode: 'round-robin', weights: { a: 2 } } });
    expect(rr.errors).toEqual([]);
    expect(rr.warnings).toEqual([
      'plugin "r": select.weights are ignored by round-robin selection.',
      'plugin "r": select.weights does not name b; they weigh 1.',
    ]);
  });

  it('reports an unknown selection mode', () => {
    const { errors } = validateTemplateSet({ name: 'm', templates: [template('a')], select: { mode: 'often' as never } });
    expect(errors).toEqual(['plugin "m" has select.mode "often"; use "per-prompt", "per-rollout" or "round-robin".']);
  });

  it('reports templates that do not parse or that drop the problem', () => {
    const { errors } = validateTemplateSet({
      name: 'bad',
      templates: [template('unparsable', { chatTemplate: '{% for %}' }), template('no-problem', { chatTemplate: 'Solve it.' })],
    });
    expect(errors).toHaveLength(2);
    expect(errors[0]).toContain('template "unparsable" is not valid Jinja');
    expect(errors[1]).toBe('template "no-problem" renders a prompt without the problem text; render the user messages (`messages`) in its chatTemplate.');
  });

  it('reports format rewards outside [0, 1], that throw, or that are not functions', () => {
    const { errors } = validateTemplateSet({
      name: 'fr',
      templates: [
        template('two', { formatReward: () => 2 }),
        template('throws', { formatReward: () => { throw new Error('nope'); } }),
        template('string', { formatReward: 'always' as never }),
      ],
    });
    expect(errors).toEqual([
      'template "two": formatReward("") returned 2; it must return a number in [0, 1].',
      'template "throws": formatReward threw on "": nope',
      'template "string" has a formatReward that is not a function.',
    ]);
  });

  it('warns when a template does not say where its answer lives', () => {
    const { warnings } = validateTemplateSet({ name: 'af', templates: [template('a', { answerFormat: undefined })] });
    expect(warnings).toEqual(['template "a" has no answerFormat; the verifier falls back to its default extraction.']);
  });
});
