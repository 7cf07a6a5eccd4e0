import { Args, Flags } from '@oclif/core';
import { trainingReport } from '@prompt-aug/eval';
import { BaseCommand } from '../lib/base-command.js';
import { openInBrowser } from '../lib/open-in-browser.js';

export default class Report extends BaseCommand {
  static override summary = 'One self-contained HTML page of training runs: curves, per-template panels, periodic evals.';
  static override description = `Reads each run folder's metrics.jsonl, config.json and evals.jsonl and writes one HTML page that opens
from disk with no network: reward, accuracy, format reward, entropy, response length, clip fractions, grad norm,
approx KL, learning rate and step time over steps, every run overlaid (with the config keys in which it differs
from the first run) and a smoothing control; one panel per template (accuracy, format reward, entropy); the
periodic-eval curves with each run's best checkpoint circled; and the entropy-collapse warnings where the trainer
raised them. A run still going is read up to its last complete step: run pa report again to refresh. Long runs
are drawn from min/max buckets; every raw number stays in the page as JSON.`;
  static override examples = [
    { description: 'One run', command: '<%= config.bin %> report runs/demo' },
    { description: 'Two arms overlaid, then open the page', command: '<%= config.bin %> report runs/diverse runs/qwen-math --out ablation.html --open' },
    { description: 'What the page holds, as JSON', command: '<%= config.bin %> report runs/demo --json' },
  ];
  static override strict = false;
  static override args = { run: Args.string({ description: 'training run folder (the --out of pa train; a demo folder works too); several allowed', required: true }) };
  static override flags = {
    out: Flags.string({ char: 'o', description: 'where to write the page', default: 'report.html' }),
    open: Flags.boolean({ description: 'open the page in the default browser' }),
    'max-points': Flags.integer({ description: 'most points drawn per curve (longer runs are downsampled for drawing only)', default: 600, min: 10 }),
  };

  async run(): Promise<Record<string, unknown>> {
    const { argv, flags } = await this.parse(Report);
    const report = await trainingReport(argv as string[], { outFile: flags.out, maxPoints: flags['max-points'] });
    const opened = flags.open ? await openInBrowser(flags.out) : false;
    if (!this.jsonEnabled()) {
      for (const r of report.runs) {
        const collapse = r.entropyCollapse.length ? `, entropy-collapse warnings at ${r.entropyCollapse.map((s) => (s.from === s.to ? s.from : `${s.from}-${s.to}`)).join(', ')}` : '';
        this.log(`${r.name}: steps ${r.firstStep ?? '-'}–${r.lastStep ?? '-'} (${r.steps}), ${r.templates.length} templates, ${r.evals} evals${collapse}`);
      }
      this.log(`report: ${flags.out}${flags.open && !opened ? ' (could not start a browser; open the file yourself)' : ''}`);
    }
    return { file: flags.out, opened, runs: report.runs };
  }
}
