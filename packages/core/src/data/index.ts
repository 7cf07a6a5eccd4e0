// Public API of @prompt-aug/core/data: datasets (local .jsonl/.json/.parquet files, known names and
// their Hub downloads, the PA_DATA_DIR / --data-dir folder).
export type { MathRecord, DatasetWarning, DatasetFormat, LoadedDataset, ReadDatasetOptions } from './math-record.js';
export { readDatasetFile } from './read-dataset-file.js';
export { resolveDataset, type ResolveDatasetOptions, type ResolvedDataset } from './resolve-dataset.js';
export { BENCHMARKS, findKnownDataset, type KnownDataset } from './dataset-registry.js';
