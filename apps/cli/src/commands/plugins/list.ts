import { discoverPlugins, type PluginListing } from '@prompt-aug/core';
import { BaseCommand } from '../../lib/base-command.js';
import { formatTable } from '../../lib/table.js';

export default class PluginsList extends BaseCommand {
  static override summary = 'List the plugins pa can use: built-in, project dependencies and user-installed.';
  static override description =
    'Shows every plugin package visible to pa with the plugins it exports (kind, name, version) and where it comes from: "bundled" (ships with pa), "project" (a dependency of the current project) or "user" (installed with `pa plugins install`). Invalid packages are listed with the reason.';
  static override examples = ['<%= config.bin %> plugins list', '<%= config.bin %> plugins list --json'];

  async run(): Promise<{ plugins: PluginListing[] }> {
    const plugins = await discoverPlugins(this.resolveOptions());
    const rows = plugins.flatMap((listing) =>
      listing.error
        ? [[listing.packageName, '-', '-', '-', listing.origin, `invalid: ${listing.error}`]]
        : listing.plugins.map((p) => [listing.packageName, p.kind, p.name, p.version, listing.origin, listing.warnings.join('; ')]),
    );
    this.log(formatTable(['package', 'kind', 'name', 'version', 'origin', 'notes'], rows));
    return { plugins };
  }
}
