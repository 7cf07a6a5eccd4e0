/**
 * Builds the Jinja source of a Qwen ChatML chat template:
 *   <|im_start|>system\n{system}<|im_end|>\n<|im_start|>user\n{problem}{userSuffix}<|im_end|>\n<|im_start|>assistant\n
 * Only `user` messages are rendered, so a dataset's own system message is discarded (as in
 * the paper). The texts go in as literal template text, where Jinja keeps backslashes
 * (`\boxed{}`) as they are; inside a Jinja string literal `\b` would become a backspace.
 */
export function chatMLTemplate(system: string, userSuffix = ''): string {
  assertLiteral(system);
  assertLiteral(userSuffix);
  return (
    `<|im_start|>system\n${system}<|im_end|>\n` +
    "{% for message in messages %}{% if message['role'] == 'user' %}" +
    `<|im_start|>user\n{{ message['content'] }}${userSuffix}<|im_end|>\n` +
    '{% endif %}{% endfor %}' +
    '{% if add_generation_prompt %}<|im_start|>assistant\n{% endif %}'
  );
}

// Sequences Jinja (with HF's trim_blocks/lstrip_blocks) would read as markup, not text.
const MARKUP = /\{\{|\}\}|\{%|%\}|\{#|#\}|\{-|-\}/;

function assertLiteral(text: string): void {
  if (MARKUP.test(text)) throw new Error(`chatMLTemplate: text contains Jinja markup: ${JSON.stringify(text)}`);
}
