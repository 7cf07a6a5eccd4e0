// Public API of the metrics module (training telemetry): re-exported by the package index.
export type { MetricsRow, MetricValue } from './metric-types.js';
export { parseAppendedLines } from './appended-lines.js';
export { MetricsLog, type MetricsLogOptions } from './metrics-log.js';
export { readMetrics } from './read-metrics.js';
export { TensorBoardWriter, type TensorBoardWriterOptions } from './tensorboard-writer.js';
