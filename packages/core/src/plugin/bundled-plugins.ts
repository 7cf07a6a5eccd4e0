/** The plugins that ship with the pa CLI, found by name like any other. */
export const BUILTIN_PLUGINS = [
  '@prompt-aug/templates-diverse',
  '@prompt-aug/templates-qwen-math',
  '@prompt-aug/verifier-math',
  '@prompt-aug/backend-tfjs',
  '@prompt-aug/backend-ort',
] as const;
