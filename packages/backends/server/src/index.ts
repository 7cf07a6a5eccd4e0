// Public API of @prompt-aug/backend-server. Everything not exported here is internal.
import { serverBackend } from './plugin.js';

export default serverBackend;
export { serverBackend };
export { ServerPool, type ServerPoolOptions, type Weights } from './pool/server-pool.js';
export { ProtocolError, SERVER_KINDS, type Dialect, type ServerKind, type GroupRequest, type EngineChoice } from './dialects/dialect.js';
export { vllmDialect, vllmBody, parseVllmCompletion } from './dialects/vllm.js';
export { sglangDialect, sglangBody, parseSglangGenerate } from './dialects/sglang.js';
export { openaiDialect, openaiBody, parseOpenaiCompletion } from './dialects/openai.js';
export { ServerPolicy } from './policy/server-policy.js';
export type { ServerLoadOptions } from './load-options.js';
