import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './run-pa.js';

/** The files a doc page spells out as `<!-- file: NAME -->` followed by a fenced code block. */
export function filesFromDoc(relativePath: string): Map<string, string> {
  const text = readFileSync(join(REPO_ROOT, relativePath), 'utf8');
  const files = new Map<string, string>();
  const pattern = /<!-- file: ([^\s]+) -->\s*```[a-z]*\n([\s\S]*?)```/g;
  for (const match of text.matchAll(pattern)) files.set(match[1]!, match[2]!);
  return files;
}
