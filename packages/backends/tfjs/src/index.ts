/**
 * @prompt-aug/backend-tfjs — a training backend (TensorFlow.js; pa train's default is backend-ort). The default export is the BackendPlugin;
 * `TfjsPolicy` is what its `load()` returns.
 */
import { tfjsBackend } from './plugin.js';

export { tfjsBackend };
export { TfjsPolicy } from './policy.js';
export { devices } from './engine/select-engine.js';
export default tfjsBackend;
