import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** The running core's version, read once from its package.json (same relative path from src/ and dist/). */
export const CORE_VERSION: string = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

export const CORE_PACKAGE_NAME = '@prompt-aug/core';

export const PLUGIN_API_PACKAGE_NAME = '@prompt-aug/plugin-api';

/** The version of the contract package this core runs with. */
export const PLUGIN_API_PACKAGE_VERSION: string = (
  JSON.parse(readFileSync(createRequire(import.meta.url).resolve(`${PLUGIN_API_PACKAGE_NAME}/package.json`), 'utf8')) as { version: string }
).version;
