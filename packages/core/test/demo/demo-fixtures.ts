/** Shared by the demo tests: the real diverse templates, and a trained tokenizer loaded from disk. */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoTokenizerFiles, loadTokenizer, type ModelTokenizer, type Template } from '../../src/index.js';

// A path held in a variable: core's typecheck must not pull a plugin's sources into core
// (core never imports a plugin); at test time vitest loads the templates from source.
const DIVERSE_TEMPLATES = '../../../templates/diverse/src/index.js';

export async function diverseTemplates(): Promise<Template[]> {
  const plugin = (await import(/* @vite-ignore */ DIVERSE_TEMPLATES)) as { default: { templates: Template[] } };
  return plugin.default.templates;
}

/** Write the demo tokenizer files for these merges to a fresh temp folder and load them with core's loader. */
export async function loadDemoTokenizer(merges: readonly (readonly [string, string])[]): Promise<ModelTokenizer> {
  const dir = await mkdtemp(join(tmpdir(), 'pa-demo-tok-'));
  for (const [name, json] of Object.entries(demoTokenizerFiles(merges))) await writeFile(join(dir, name), JSON.stringify(json));
  return loadTokenizer(dir);
}

export function tokensOf(tokenizer: ModelTokenizer, text: string): string[] {
  return tokenizer.encode(text).map((id) => tokenizer.idToToken(id)!);
}
