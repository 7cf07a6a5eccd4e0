/** Shared by the demo tests: the real diverse templates, and a trained tokenizer loaded from disk. */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoTokenizerFiles } from '../../src/demo/demo-tokenizer-files.js';
import { loadTokenizer, type ModelTokenizer } from '../../src/model/index.js';
import { type Template } from '@prompt-aug/plugin-api';
import { workspacePluginEntry } from '@prompt-aug/test-utils';


export async function diverseTemplates(): Promise<Template[]> {
  const plugin = (await import(/* @vite-ignore */ workspacePluginEntry('templates-diverse'))) as { default: { templates: Template[] } };
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
