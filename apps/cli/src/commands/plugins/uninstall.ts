import { Args } from '@oclif/core';
import { uninstallPlugin } from '@prompt-aug/core';
import { BaseCommand } from '../../lib/base-command.js';

export default class PluginsUninstall extends BaseCommand {
  static override summary = 'Remove a plugin installed with `pa plugins install`.';
  static override examples = ['<%= config.bin %> plugins uninstall socratic', '<%= config.bin %> plugins uninstall pa-plugin-socratic'];
  static override args = {
    name: Args.string({ description: 'the short name or package name of an installed plugin', required: true }),
  };

  async run(): Promise<{ removed: string }> {
    const { args } = await this.parse(PluginsUninstall);
    const removed = uninstallPlugin(args.name);
    this.log(`Removed ${removed}`);
    return { removed };
  }
}
