import { loadPlugin } from '@prompt-aug/core';
import { BaseCommand, pluginFlag } from '../../lib/base-command.js';
import { formatTable } from '../../lib/table.js';

export default class TemplatesList extends BaseCommand {
  static override summary = 'List the templates of a template-set plugin.';
  static override description = 'Shows each template id with its answer format, its assistant prefill and its description, plus how the set picks a template per prompt.';
  static override examples = [
    '<%= config.bin %> templates list --plugin templates-diverse',
    '<%= config.bin %> templates list --plugin ./my-templates --json',
  ];
  static override flags = { plugin: pluginFlag };

  async run(): Promise<Record<string, unknown>> {
    const { flags } = await this.parse(TemplatesList);
    const { plugin, warnings } = await loadPlugin(flags.plugin, { ...this.resolveOptions(), kind: 'templates' });
    const templates = plugin.templates.map((t) => ({
      id: t.id,
      answerFormat: t.answerFormat ?? null,
      prefill: t.prefill ?? null,
      hasFormatReward: typeof t.formatReward === 'function',
      description: t.description ?? null,
    }));
    this.log(`${plugin.name}@${plugin.version}: ${templates.length} templates, selection ${plugin.select?.mode ?? 'per-prompt'}\n`);
    this.log(formatTable(['id', 'answer format', 'prefill', 'description'], templates.map((t) => [t.id, describeFormat(t.answerFormat), JSON.stringify(t.prefill ?? ''), t.description ?? ''])));
    for (const w of warnings) this.warn(`${w.plugin}.${w.path}: ${w.message}`);
    return { plugin: plugin.name, version: plugin.version, select: plugin.select ?? { mode: 'per-prompt' }, templates };
  }
}

function describeFormat(format: { boxed: boolean; enclosedBy?: { open: string; close: string }; introducedBy?: string } | null): string {
  if (!format) return '-';
  const parts = [];
  if (format.enclosedBy) parts.push(`${format.enclosedBy.open}…${format.enclosedBy.close}`);
  if (format.introducedBy) parts.push(`"${format.introducedBy}"`);
  if (format.boxed) parts.push('\\boxed{}');
  return parts.join(' + ') || 'free';
}
