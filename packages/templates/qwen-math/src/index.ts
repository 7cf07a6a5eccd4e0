import type { TemplatesPlugin } from '@prompt-aug/plugin-api';

/**
 * The single standard Qwen2.5-Math chain-of-thought template: the no-augmentation baseline
 * and the prompt every benchmark is evaluated under. Renders exactly
 *   <|im_start|>system\nPlease reason step by step, and put your final answer within \boxed{}.<|im_end|>\n
 *   <|im_start|>user\n{problem}<|im_end|>\n<|im_start|>assistant\n
 * Only `user` messages are rendered; a dataset's own system message is replaced. The system
 * text is literal template text, where Jinja keeps the backslash of `\boxed` as it is.
 */
const QWEN_MATH_CHAT_TEMPLATE =
  '<|im_start|>system\nPlease reason step by step, and put your final answer within \\boxed{}.<|im_end|>\n' +
  "{% for message in messages %}{% if message['role'] == 'user' %}" +
  "<|im_start|>user\n{{ message['content'] }}<|im_end|>\n" +
  '{% endif %}{% endfor %}' +
  '{% if add_generation_prompt %}<|im_start|>assistant\n{% endif %}';

const templatesQwenMath = {
  kind: 'templates',
  name: 'templates-qwen-math',
  version: '0.1.0',
  apiVersion: 1,
  description: 'The single standard Qwen2.5-Math chain-of-thought template (baseline and eval prompt)',
  templates: [
    {
      id: 'qwen-math',
      description: 'The standard Qwen2.5-Math instruction: reason step by step, final answer within \\boxed{}.',
      chatTemplate: QWEN_MATH_CHAT_TEMPLATE,
      answerFormat: { boxed: true },
      // One template for every rollout: a constant reward, which leaves GRPO advantages unchanged.
      formatReward: (_completion: string): number => 1,
    },
  ],
  select: { mode: 'per-prompt' },
} satisfies TemplatesPlugin;

export default templatesQwenMath;
