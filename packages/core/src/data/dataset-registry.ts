/**
 * Known dataset names -> public Hugging Face dataset files, as a plain table so a wrong repo
 * or path is a one-line fix. UNVERIFIED FROM THIS MACHINE: the Hub is unreachable here, so
 * these are the commonly used public copies, chosen from memory of what evaluation harnesses
 * (lighteval, simple-evals, Qwen2.5-Math, SimpleRL-Zoo) read; check them on a connected
 * machine and pin `revision` to a commit once verified.
 *
 * The paper itself reads its data from the GitHub release (sail-sg/understand-r1-zero
 * `datasets/`), not from the Hub; `localFiles` lists those files' names as exported in
 * `shared/data` plus common alternatives, for `--data-dir`.
 */
export interface KnownDataset {
  name: string;
  /** Other spellings users type (upstream split names, underscores). */
  aliases: string[];
  kind: 'train' | 'benchmark';
  /** Row count the paper uses; a different count is reported as a warning, not an error. */
  expectedRows: number;
  repo: string;
  revision: string;
  /** File path inside the Hub repo (also tried under `--data-dir`). */
  path: string;
  /** File names tried under `--data-dir`, in order (extensions included). */
  localFiles: string[];
}

export const KNOWN_DATASETS: readonly KnownDataset[] = [
  {
    name: 'math-level3to5', aliases: ['math_level3to5', 'simplelr_qwen_level3to5', 'math-l3-5'], kind: 'train', expectedRows: 8523,
    repo: 'hkust-nlp/SimpleRL-Zoo-Data', revision: 'main', path: 'simplelr_qwen_level3to5/train.parquet',
    localFiles: localNames(['train/', 'math_level3to5/', 'data/math_level3to5/', ''],
      ['math_level3to5.train', 'SimpleRL-simplelr_qwen_level3to5.train', 'math-level3to5', 'math_level3to5', 'train']),
  },
  {
    name: 'aime24', aliases: ['aime', 'aime2024', 'aime_2024'], kind: 'benchmark', expectedRows: 30,
    repo: 'HuggingFaceH4/aime_2024', revision: 'main', path: 'data/train-00000-of-00001.parquet',
    localFiles: localNames(['benchmarks/', 'evaluation_suite/', ''], ['aime24', 'aime', 'aime2024', 'aime_2024']),
  },
  {
    name: 'amc', aliases: ['aimo-validation-amc'], kind: 'benchmark', expectedRows: 83,
    repo: 'AI-MO/aimo-validation-amc', revision: 'main', path: 'data/train-00000-of-00001.parquet',
    localFiles: localNames(['benchmarks/', 'evaluation_suite/', ''], ['amc', 'aimo-validation-amc']),
  },
  {
    name: 'math500', aliases: ['math-500', 'math_500', 'math'], kind: 'benchmark', expectedRows: 500,
    repo: 'HuggingFaceH4/MATH-500', revision: 'main', path: 'test.jsonl',
    localFiles: localNames(['benchmarks/', 'evaluation_suite/', ''], ['math500', 'math-500', 'math_500', 'math']),
  },
  {
    name: 'minerva', aliases: ['minervamath', 'minerva_math', 'minerva-math'], kind: 'benchmark', expectedRows: 272,
    repo: 'math-ai/minervamath', revision: 'main', path: 'test.jsonl',
    localFiles: localNames(['benchmarks/', 'evaluation_suite/', ''], ['minerva', 'minervamath', 'minerva_math', 'minerva-math']),
  },
  {
    name: 'olympiadbench', aliases: ['olympiad_bench', 'olympiad-bench', 'olympiad'], kind: 'benchmark', expectedRows: 675,
    repo: 'math-ai/olympiadbench', revision: 'main', path: 'test.jsonl',
    localFiles: localNames(['benchmarks/', 'evaluation_suite/', ''], ['olympiadbench', 'olympiad_bench', 'olympiad-bench']),
  },
];

/** The paper's five evaluation benchmarks, in its table order (the table above keeps that order), with their sizes (1,560 questions in all). */
export const BENCHMARKS: readonly { name: string; size: number }[] = KNOWN_DATASETS
  .filter((d) => d.kind === 'benchmark')
  .map((d) => ({ name: d.name, size: d.expectedRows }));

export function findKnownDataset(name: string): KnownDataset | undefined {
  const key = name.trim().toLowerCase();
  return KNOWN_DATASETS.find((d) => d.name === key || d.aliases.includes(key));
}

function localNames(dirs: string[], stems: string[]): string[] {
  return dirs.flatMap((dir) => stems.flatMap((stem) => ['.jsonl', '.parquet', '.json'].map((ext) => `${dir}${stem}${ext}`)));
}
