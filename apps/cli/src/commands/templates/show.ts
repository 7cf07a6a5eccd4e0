import { Args } from '@oclif/core';
import { loadPlugin, UserError } from '@prompt-aug/core';
import { BaseCommand, pluginFlag } from '../../lib/base-command.js';

export default class TemplatesShow extends BaseCommand {
  static override summary = 'Show one template: its Jinja chat template, prefill and answer format.';
  static override examples = ['<%= config.bin %> templates show open-r1 --plugin templates-diverse'];
  static override args = { id: Args.string({ description: 'template id (see `pa templates list`)', required: true }) };
  static override flags = { plugin: pluginFlag };

  async run(): Promise<Record<string, unknown>> {
    const { args, flags } = await this.parse(TemplatesShow);
    const { plugin } = await loadPlugin(flags.plugin, { ...this.resolveOptions(), kind: 'templates' });
    const template = plugin.templates.find((t) => t.id === args.id);
    if (!template) {
      throw new UserError(`Template "${args.id}" is not in ${plugin.name}; its templates are: ${plugin.templates.map((t) => t.id).join(', ')}. Pick one of those.`);
    }
    this.log(`id: ${template.id}\ndescription: ${template.description ?? ''}\nprefill: ${JSON.stringify(template.prefill ?? '')}\nanswer format: ${JSON.stringify(template.answerFormat ?? null)}\nformat reward: ${template.formatReward ? 'yes' : 'no'}\n\n${template.chatTemplate}`);
    return { plugin: plugin.name, id: template.id, description: template.description, prefill: template.prefill ?? null, answerFormat: template.answerFormat ?? null, chatTemplate: template.chatTemplate };
  }
}
