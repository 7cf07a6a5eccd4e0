/**
 * Read `--config run.yaml|.yml|.json` into a plain object, with problems as data and a way to
 * find the line of any key path (for messages). The format is chosen by extension: YAML files
 * get YAML's parser; JSON files get JSON.parse's strictness, and YAML's (a superset of JSON)
 * position tracking only to report lines.
 */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { isMap, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { ConfigIssue } from './config-issue.js';
import { isPlainRecord } from './deep-merge.js';

export interface ConfigFileContent {
  data: Record<string, unknown>;
  errors: ConfigIssue[];
  /** 1-based line of the value at `path`, if the file has it. */
  lineOf(path: readonly PropertyKey[]): number | undefined;
}

/** yaml's own default: a real config repeats an anchor a handful of times, never this often. */
const MAX_ALIAS_COUNT = 100;

const noLines = (): undefined => undefined;

export function readConfigFile(file: string): ConfigFileContent {
  const ext = extname(file).toLowerCase();
  if (!['.yaml', '.yml', '.json'].includes(ext)) {
    return failed(`the file extension "${ext || '(none)'}" is not supported; use a .yaml, .yml or .json file`);
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return failed(`the file cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); check the path given to --config`);
  }
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter });
  const lineOf = (path: readonly PropertyKey[]) => lineOfPath(document, lineCounter, path);
  let data: unknown;
  if (ext === '.json') {
    try {
      data = JSON.parse(text);
    } catch (error) {
      return failed(`not valid JSON: ${(error as Error).message}`);
    }
  } else {
    const syntax = document.errors[0];
    if (syntax) {
      // The pretty message's first line, minus its own "at line L, column C:" (the line is a field).
      const message = `not valid YAML: ${syntax.message.split('\n')[0]!.replace(/ at line \d+, column \d+:$/, '')}`;
      const line = syntax.linePos?.[0].line;
      return { data: {}, errors: [{ path: '', source: 'file', message, ...(line ? { line } : {}) }], lineOf: noLines };
    }
    try {
      // yaml caps alias expansion (billion laughs); its ReferenceError names neither the file nor the fix.
      data = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) ?? {};
    } catch (error) {
      return failed(
        `its aliases (*name) expand to too much data (${(error as Error).message}), the shape of a "billion laughs" file; ` +
          'write the repeated values out instead of nesting aliases',
      );
    }
  }
  if (!isPlainRecord(data)) {
    return failed(`the file holds ${Array.isArray(data) ? 'a list' : `a ${typeof data}`} at the top level, but a config must be a mapping of keys to values`);
  }
  return { data, errors: [], lineOf };
}

function failed(message: string): ConfigFileContent {
  return { data: {}, errors: [{ path: '', source: 'file', message }], lineOf: noLines };
}

/** The line of the key (for a mapping entry) or the item (in a list): where a reader looks for the setting. */
function lineOfPath(document: Document, lineCounter: LineCounter, path: readonly PropertyKey[]): number | undefined {
  if (path.length === 0) return undefined;
  const parent = path.length === 1 ? document.contents : document.getIn(path.slice(0, -1) as unknown[], true);
  const last = path[path.length - 1];
  let node: Node | undefined;
  if (isMap(parent)) {
    const pair = parent.items.find((item) => (item.key as { value?: unknown } | null)?.value === last);
    node = (pair?.key ?? undefined) as Node | undefined;
  } else if (isSeq(parent) && typeof last === 'number') {
    node = parent.items[last] as Node | undefined;
  }
  const offset = node?.range?.[0];
  return offset === undefined ? undefined : lineCounter.linePos(offset).line;
}
