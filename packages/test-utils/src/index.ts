// @prompt-aug/test-utils (private, never published): what tests of several packages share. The
// float64 reference model and loss are independent implementations the backends are checked against.
export * from './reference/qwen2-reference.js';
export * from './reference/reference-loss.js';
export { workspacePluginEntry } from './workspace-plugins.js';
