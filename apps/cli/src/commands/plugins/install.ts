import { Args, Flags } from '@oclif/core';
import { installPlugin } from '@prompt-aug/core';
import { BaseCommand } from '../../lib/base-command.js';

export default class PluginsInstall extends BaseCommand {
  static override summary = 'Install a plugin from npm, a tarball or a folder into your user plugin folder.';
  static override description =
    'Installs with npm into the per-user plugin folder ($XDG_DATA_HOME/prompt-aug/plugins, or $PA_PLUGINS_DIR), then loads the package and checks it is a valid plugin; an invalid package is removed again. Install scripts are skipped unless --allow-scripts is given.';
  static override examples = [
    '<%= config.bin %> plugins install pa-plugin-socratic',
    '<%= config.bin %> plugins install ./pa-plugin-socratic-1.0.0.tgz',
    '<%= config.bin %> plugins install ../my-plugin',
  ];
  static override args = {
    spec: Args.string({ description: 'npm package name (with optional @version), a .tgz tarball, or a folder', required: true }),
  };
  static override flags = {
    'allow-scripts': Flags.boolean({ description: "run the package's install scripts", default: false }),
  };

  async run(): Promise<{ packageName: string | undefined; dir: string; plugins: Array<{ name: string; kind: string; version: string }> }> {
    const { args, flags } = await this.parse(PluginsInstall);
    const loaded = await installPlugin(args.spec, { allowScripts: flags['allow-scripts'], bundledPlugins: this.resolveOptions().bundledPlugins ?? [] });
    const plugins = loaded.plugins.map((p) => ({ name: p.name, kind: p.kind, version: p.version }));
    for (const p of plugins) this.log(`Installed ${p.kind} plugin ${p.name}@${p.version} (${loaded.module.packageName ?? args.spec})`);
    for (const w of loaded.warnings) this.warn(`${w.plugin}.${w.path}: ${w.message}`);
    return { packageName: loaded.module.packageName, dir: loaded.module.dir, plugins };
  }
}
