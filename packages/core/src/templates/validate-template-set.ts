import type { Template, TemplatesPlugin } from '@prompt-aug/plugin-api';
import { renderPrompt } from './render-prompt.js';

export interface TemplateSetReport {
  /** Problems that make the set unusable. */
  errors: string[];
  /** Things that work but are probably not what the author meant. */
  warnings: string[];
}

const MODES = ['per-prompt', 'per-rollout', 'round-robin'];
// A problem text no template would produce by itself: if it is missing from the rendered
// prompt, the template drops the user's problem.
const PROBE_PROBLEM = 'Probe-problem-7x3q: what is 6 times 7?';

/**
 * Check a template set for the mistakes the plugin schema cannot see: empty or duplicate
 * ids, templates that do not parse, render or include the problem, format rewards outside
 * [0, 1], and weights that name unknown templates or cannot be drawn from. Returns the
 * problems as data; never throws.
 */
export function validateTemplateSet(plugin: Pick<TemplatesPlugin, 'templates' | 'select'> & { name?: string }): TemplateSetReport {
  const report: TemplateSetReport = { errors: [], warnings: [] };
  const owner = plugin.name ? `plugin "${plugin.name}"` : 'the template set';
  const templates: unknown = plugin.templates;
  if (!Array.isArray(templates) || templates.length === 0) {
    report.errors.push(`${owner} lists no templates; add at least one to \`templates\`.`);
    return report;
  }
  const ids = new Set<string>();
  templates.forEach((template: Template, i) => {
    const label = typeof template?.id === 'string' && template.id !== '' ? `template "${template.id}"` : `templates[${i}]`;
    if (typeof template?.id !== 'string' || template.id === '') report.errors.push(`${label} has no id; give it a non-empty string id.`);
    else if (ids.has(template.id)) report.errors.push(`${label} appears more than once in ${owner}; template ids must be unique.`);
    else ids.add(template.id);
    checkRendering(template, label, report);
    checkFormatReward(template, label, report);
    if (!template?.answerFormat) report.warnings.push(`${label} has no answerFormat; the verifier falls back to its default extraction.`);
  });
  checkSelect(plugin.select, ids, owner, report);
  return report;
}

function checkRendering(template: Template, label: string, report: TemplateSetReport): void {
  if (template?.prefill !== undefined && typeof template.prefill !== 'string') {
    report.errors.push(`${label} has a prefill that is not a string.`);
    return;
  }
  try {
    const prompt = renderPrompt({ ...template, id: template?.id ?? label }, [
      { role: 'system', content: 'A dataset system message.' },
      { role: 'user', content: PROBE_PROBLEM },
    ]);
    if (!prompt.includes(PROBE_PROBLEM)) report.errors.push(`${label} renders a prompt without the problem text; render the user messages (\`messages\`) in its chatTemplate.`);
  } catch (error) {
    report.errors.push((error as Error).message);
  }
}

function checkFormatReward(template: Template, label: string, report: TemplateSetReport): void {
  const reward: unknown = template?.formatReward;
  if (reward === undefined) return;
  if (typeof reward !== 'function') {
    report.errors.push(`${label} has a formatReward that is not a function.`);
    return;
  }
  for (const completion of ['', `Some reasoning.\nThe answer is \\boxed{42}.`]) {
    let value: unknown;
    try {
      value = reward(completion);
    } catch (error) {
      report.errors.push(`${label}: formatReward threw on ${JSON.stringify(completion)}: ${(error as Error).message}`);
      return;
    }
    if (typeof value !== 'number' || !(value >= 0 && value <= 1)) {
      report.errors.push(`${label}: formatReward(${JSON.stringify(completion)}) returned ${String(value)}; it must return a number in [0, 1].`);
      return;
    }
  }
}

function checkSelect(select: TemplatesPlugin['select'], ids: Set<string>, owner: string, report: TemplateSetReport): void {
  if (select === undefined) return;
  if (!MODES.includes(select?.mode)) {
    report.errors.push(`${owner} has select.mode ${JSON.stringify(select?.mode)}; use "per-prompt", "per-rollout" or "round-robin".`);
  }
  const weights = select?.weights;
  if (weights === undefined) return;
  if (select.mode === 'round-robin') report.warnings.push(`${owner}: select.weights are ignored by round-robin selection.`);
  const named = Object.keys(weights);
  let allValid = true;
  for (const id of named) {
    if (!ids.has(id)) report.errors.push(`${owner}: select.weights names "${id}", which is not a template of the set (known: ${[...ids].join(', ')}).`);
    const w = weights[id];
    if (typeof w !== 'number' || !Number.isFinite(w) || w < 0) {
      allValid = false;
      report.errors.push(`${owner}: select.weights["${id}"] is ${String(w)}; weights must be finite numbers >= 0.`);
    }
  }
  const total = [...ids].reduce((sum, id) => sum + (weights[id] ?? 1), 0);
  if (allValid && !(total > 0)) report.errors.push(`${owner}: every template weighs 0, so none can be drawn; give at least one a positive weight.`);
  const unnamed = [...ids].filter((id) => !(id in weights));
  if (unnamed.length > 0 && named.length > 0) {
    report.warnings.push(`${owner}: select.weights does not name ${unnamed.join(', ')}; they weigh 1.`);
  }
}
