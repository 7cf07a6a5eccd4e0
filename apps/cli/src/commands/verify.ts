import { Args, Flags } from '@oclif/core';
import { type AnswerFormat } from '@prompt-aug/plugin-api';
import { atomicWriteFile, loadPlugin, readVerifyCases, summarizeVerdicts, UserError, verifyCase, type VerdictSummary } from '@prompt-aug/core';
import { BaseCommand } from '../lib/base-command.js';
import { formatTable } from '../lib/table.js';

export default class Verify extends BaseCommand {
  static override summary = 'Grade a response against a gold answer with the verifier (the GRPO reward and the eval grader).';
  static override description = `Two forms:
  pa verify "<gold>" "<response>"   grade one response and print the verdict, the extracted answer and the reason.
  pa verify --input cases.jsonl     grade every line ({gold, response, id?, benchmark?, kind?, mode?, template?, expected?, category?});
                                    with --output, write {id, correct, extracted, reason} per line in input order.
When lines carry "expected", prints accuracy, false positives and false negatives, overall and per "category".
--mode train is the paper's lenient training extraction (stop words, boxed, "the answer is", last number);
--mode eval (default) takes the last \\boxed{} only and grades it with prompt-aug's corrected grader; --mode paper
reproduces the paper's eval protocol exactly (understand-r1-zero boxed_reward_fn, fast=False), quirks included: a
JSON-number gold reads as Python's float ("142.0"), Minerva golds keep their trailing newline (docs/grading.md).
--kind answer means the response is already a bare final answer.`;
  static override examples = [
    '<%= config.bin %> verify "\\frac{1}{2}" "so the answer is \\boxed{0.5}"',
    '<%= config.bin %> verify "42" "41 or 42" --mode train',
    '<%= config.bin %> verify "25\\%" "25" --kind answer',
    '<%= config.bin %> verify --input cases.jsonl --output verdicts.jsonl',
    '<%= config.bin %> verify --input graded.jsonl --mode paper --output paper-verdicts.jsonl',
    '<%= config.bin %> verify --input cases.jsonl --json',
  ];
  static override args = {
    gold: Args.string({ description: 'the gold answer (omit with --input)' }),
    response: Args.string({ description: 'the model response, or a bare answer with --kind answer' }),
  };
  static override flags = {
    input: Flags.string({ char: 'i', description: 'JSONL file of cases to grade' }),
    output: Flags.string({ char: 'o', description: 'write one verdict per input line to this JSONL file', dependsOn: ['input'] }),
    mode: Flags.string({ description: 'extraction mode', options: ['train', 'eval', 'paper'], default: 'eval' }),
    kind: Flags.string({ description: 'what the response is', options: ['answer', 'response'], default: 'response' }),
    verifier: Flags.string({ description: 'verifier plugin', default: 'verifier-math' }),
    templates: Flags.string({ description: 'template-set plugin whose answer formats a case\'s "template" id refers to', default: 'templates-diverse' }),
    template: Flags.string({ description: 'template id the response was written under (single form)' }),
    'timeout-ms': Flags.integer({ description: 'time budget per check', default: 200 }),
  };

  async run(): Promise<Record<string, unknown>> {
    const { args, flags } = await this.parse(Verify);
    const options = this.resolveOptions();
    const { plugin: verifier } = await loadPlugin(flags.verifier, { ...options, kind: 'verifier' });
    const defaults = {
      mode: flags.mode as 'train' | 'eval' | 'paper',
      kind: flags.kind as 'answer' | 'response',
      timeoutMs: flags['timeout-ms'],
      answerFormats: await this.answerFormats(flags.templates, Boolean(flags.input) || Boolean(flags.template)),
    };
    if (!flags.input) {
      if (args.gold === undefined || args.response === undefined) {
        throw new UserError('Give a gold answer and a response (`pa verify "<gold>" "<response>"`), or a cases file with --input cases.jsonl.');
      }
      const verdict = verifyCase(verifier, { gold: args.gold, response: args.response, template: flags.template }, 0, defaults);
      this.log(`${verdict.correct ? 'correct' : 'incorrect'}\nextracted: ${verdict.extracted ?? '(none)'}\nreason: ${verdict.reason}`);
      return { correct: verdict.correct, extracted: verdict.extracted, reason: verdict.reason };
    }
    const cases = readVerifyCases(flags.input);
    const verdicts = cases.map((c, i) => verifyCase(verifier, c, i, defaults));
    if (flags.output) await atomicWriteFile(flags.output, verdicts.map((v) => JSON.stringify(v)).join('\n') + (verdicts.length ? '\n' : ''));
    const summary = summarizeVerdicts(cases, verdicts);
    this.printSummary(summary, flags.output);
    return { summary, ...(flags.output ? { output: flags.output } : { verdicts }) };
  }

  private async answerFormats(templatesPlugin: string, needed: boolean): Promise<Map<string, AnswerFormat | undefined>> {
    if (!needed) return new Map();
    const { plugin } = await loadPlugin(templatesPlugin, { ...this.resolveOptions(), kind: 'templates' });
    return new Map(plugin.templates.map((t) => [t.id, t.answerFormat]));
  }

  private printSummary(summary: VerdictSummary, output: string | undefined): void {
    this.log(`${summary.cases} cases, ${summary.correct} graded correct${output ? `; verdicts written to ${output}` : ''}`);
    if (summary.labelled.total === 0) return;
    const pct = (x: number) => `${(100 * x).toFixed(2)}%`;
    const rows = Object.entries(summary.byCategory)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, c]) => [name, String(c.total), pct(c.accuracy), String(c.falsePositives), String(c.falseNegatives)]);
    const o = summary.labelled;
    rows.push(['ALL', String(o.total), pct(o.accuracy), String(o.falsePositives), String(o.falseNegatives)]);
    this.log(`\n${formatTable(['category', 'cases', 'accuracy', 'false +', 'false -'], rows)}`);
  }
}
