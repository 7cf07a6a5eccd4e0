import { readFileSync } from 'node:fs';

/** The running core's version, read once from its package.json (same relative path from src/ and dist/). */
export const CORE_VERSION: string = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

export const CORE_PACKAGE_NAME = '@prompt-aug/core';
