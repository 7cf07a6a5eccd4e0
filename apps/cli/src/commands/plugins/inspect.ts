import { Args } from '@oclif/core';
import { type Plugin } from '@prompt-aug/plugin-api';
import { loadPluginModule } from '@prompt-aug/core';
import { BaseCommand } from '../../lib/base-command.js';

export default class PluginsInspect extends BaseCommand {
  static override summary = 'Show where a plugin comes from and what it provides.';
  static override description = 'Resolves the plugin exactly as --plugin/--backend would, validates it, and prints its package, origin, every plugin it exports and their contents (template ids, capabilities), plus any warnings.';
  static override examples = ['<%= config.bin %> plugins inspect templates-diverse', '<%= config.bin %> plugins inspect ./my-plugin --json'];
  static override args = { name: Args.string({ description: 'plugin name, package name or path', required: true }) };

  async run(): Promise<Record<string, unknown>> {
    const { args } = await this.parse(PluginsInspect);
    const loaded = await loadPluginModule(args.name, this.resolveOptions());
    const plugins = loaded.plugins.map(summarise);
    this.log(`package  ${loaded.module.packageName ?? '(none)'}\norigin   ${loaded.module.origin}\nentry    ${loaded.module.entry}`);
    for (const p of plugins) {
      this.log(`\n${p.kind} plugin ${p.name}@${p.version} (apiVersion ${p.apiVersion})${p.description ? `\n  ${p.description}` : ''}`);
      for (const [key, value] of Object.entries(p.details)) this.log(`  ${key}: ${Array.isArray(value) ? value.join(', ') : JSON.stringify(value)}`);
    }
    for (const w of loaded.warnings) this.warn(`${w.plugin}.${w.path}: ${w.message}`);
    return { packageName: loaded.module.packageName, origin: loaded.module.origin, entry: loaded.module.entry, plugins, warnings: loaded.warnings };
  }
}

function summarise(plugin: Plugin) {
  const common = { kind: plugin.kind, name: plugin.name, version: plugin.version, apiVersion: plugin.apiVersion, description: plugin.description };
  switch (plugin.kind) {
    case 'templates':
      return { ...common, details: { templates: plugin.templates.map((t) => t.id), select: plugin.select?.mode ?? 'per-prompt' } };
    case 'verifier':
      return { ...common, details: { functions: ['extract', 'verify'] } };
    case 'backend':
      return { ...common, details: { capabilities: plugin.capabilities } };
  }
}
