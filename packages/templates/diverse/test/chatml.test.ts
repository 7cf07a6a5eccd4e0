import { describe, expect, it } from 'vitest';
import { chatMLTemplate } from '../src/chatml.js';

describe('chatMLTemplate', () => {
  it('refuses system text that Jinja would read as markup', () => {
    expect(() => chatMLTemplate('Use {{ braces }}')).toThrow(/Jinja markup/);
    expect(() => chatMLTemplate('ok', 'then {% if %}')).toThrow(/Jinja markup/);
    expect(() => chatMLTemplate('within \\boxed{}.')).not.toThrow();
  });
});
