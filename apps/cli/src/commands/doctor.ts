import { cpus, totalmem } from 'node:os';
import { type DeviceInfo } from '@prompt-aug/plugin-api';
import { cacheDir, CORE_VERSION, discoverPlugins, loadPlugin, userPluginDir } from '@prompt-aug/core';
import { DEFAULT_TRAINING_BACKEND } from '@prompt-aug/core/train';
import { BaseCommand } from '../lib/base-command.js';

interface BackendReport {
  name: string;
  capabilities?: Record<string, boolean>;
  devices: DeviceInfo[];
  error?: string;
}

export default class Doctor extends BaseCommand {
  static override summary = 'Check this machine: Node, prompt-aug packages, backends and the devices they found, folders.';
  static override description = 'Run this first when something does not work, and paste its output (or --json) into bug reports.';
  static override examples = ['<%= config.bin %> doctor', '<%= config.bin %> doctor --json'];

  async run(): Promise<Record<string, unknown>> {
    const options = this.resolveOptions();
    const listings = await discoverPlugins(options);
    const backends: BackendReport[] = [];
    for (const listing of listings) {
      for (const p of listing.plugins.filter((x) => x.kind === 'backend')) {
        backends.push(await inspectBackend(listing.dir ?? listing.packageName, options));
        backends.at(-1)!.name = p.name;
      }
    }
    const report = {
      node: process.version,
      platform: `${process.platform}-${process.arch}`,
      cpus: cpus().length,
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      core: CORE_VERSION,
      cli: this.config.version,
      packages: listings.map((l) => ({ package: l.packageName, origin: l.origin, plugins: l.plugins, error: l.error })),
      backends,
      trainingBackend: DEFAULT_TRAINING_BACKEND,
      folders: { cache: cacheDir(), userPlugins: userPluginDir() },
    };
    this.log(`Node ${report.node} on ${report.platform}, ${report.cpus} cores, ${report.memoryGiB} GiB`);
    this.log(`@prompt-aug/core ${report.core}, @prompt-aug/cli ${report.cli}\n\nPlugins:`);
    for (const l of listings) {
      const what = l.error ? `INVALID: ${l.error}` : l.plugins.map((p) => `${p.kind} ${p.name}@${p.version}`).join(', ');
      this.log(`  ${l.packageName} (${l.origin}): ${what}`);
    }
    this.log('\nBackends and devices:');
    for (const b of backends) {
      if (b.error) this.log(`  ${b.name}: error: ${b.error}`);
      if (b.capabilities) this.log(`  ${b.name}: can ${Object.keys(b.capabilities).filter((k) => b.capabilities![k]).join(', ') || 'nothing'}`);
      for (const d of b.devices) this.log(`  ${b.name}: ${d.device.padEnd(9)} ${d.available ? 'yes' : 'no '}  ${d.engine}${d.detail ? ` (${d.detail})` : ''}`);
    }
    this.log(`\npa train trains on ${DEFAULT_TRAINING_BACKEND} unless --backend names another (tfjs: TensorFlow.js).`);
    this.log(`\nCache folder:       ${report.folders.cache}\nUser plugin folder: ${report.folders.userPlugins}`);
    return report;
  }
}

async function inspectBackend(source: string, options: Parameters<typeof loadPlugin>[1]): Promise<BackendReport> {
  try {
    const { plugin } = await loadPlugin(source, { ...options, kind: 'backend' });
    return { name: plugin.name, capabilities: { ...plugin.capabilities }, devices: await plugin.devices() };
  } catch (error) {
    return { name: source, devices: [], error: (error as Error).message };
  }
}
