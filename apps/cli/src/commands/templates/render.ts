import { readFileSync } from 'node:fs';
import { Flags } from '@oclif/core';
import { loadPlugin, renderPrompt, UserError } from '@prompt-aug/core';
import { BaseCommand, pluginFlag } from '../../lib/base-command.js';

export default class TemplatesRender extends BaseCommand {
  static override summary = 'Render the exact prompt a model sees for a problem under a template.';
  static override description =
    'Renders the Jinja chat template with the problem as the user message and appends the assistant prefill: the exact text that is tokenized for generation. Without --template, renders every template of the set.';
  static override examples = [
    '<%= config.bin %> templates render --plugin templates-diverse --template open-r1 --problem "What is 2+3?"',
    '<%= config.bin %> templates render --plugin templates-qwen-math --problem-file problem.txt',
    '<%= config.bin %> templates render --plugin templates-diverse --problem "Solve x^2=4" --json',
  ];
  static override flags = {
    plugin: pluginFlag,
    template: Flags.string({ char: 't', description: 'template id (default: every template of the set)' }),
    problem: Flags.string({ description: 'the problem text', exclusive: ['problem-file'] }),
    'problem-file': Flags.string({ description: 'read the problem text from this file' }),
  };

  async run(): Promise<{ plugin: string; prompts: Array<{ template: string; prompt: string }> }> {
    const { flags } = await this.parse(TemplatesRender);
    const problem = flags['problem-file'] ? readFileSync(flags['problem-file'], 'utf8') : flags.problem;
    if (problem === undefined) throw new UserError('No problem given: pass --problem "<text>" or --problem-file <path>.');
    const { plugin } = await loadPlugin(flags.plugin, { ...this.resolveOptions(), kind: 'templates' });
    const templates = flags.template ? plugin.templates.filter((t) => t.id === flags.template) : plugin.templates;
    if (templates.length === 0) {
      throw new UserError(`Template "${flags.template}" is not in ${plugin.name}; its templates are: ${plugin.templates.map((t) => t.id).join(', ')}. Pick one of those with --template.`);
    }
    const prompts = templates.map((t) => ({ template: t.id, prompt: renderPrompt(t, problem) }));
    for (const p of prompts) this.log(templates.length > 1 ? `=== ${p.template}\n${p.prompt}\n` : p.prompt);
    return { plugin: plugin.name, prompts };
  }
}
