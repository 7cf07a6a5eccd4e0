/**
 * Keys a config sets that its schema does not know. zod's default objects drop them
 * silently, which turns a typo (`optim.lr_warmup` for `optim.warmup`) into a setting that
 * does nothing; so each one becomes a warning naming the closest known key.
 * Strict objects are skipped (zod itself reports their extra keys as errors), and so are
 * objects with a catchall (extra keys are meant), unions and other shapes we cannot map.
 */
import type { z } from 'zod';
import { closestMatch } from './closest-match.js';
import { isPlainRecord } from './deep-merge.js';

export interface UnknownKey {
  path: PropertyKey[];
  suggestion?: string;
}

interface SchemaDef {
  type: string;
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
  element?: z.ZodType;
  valueType?: z.ZodType;
}

const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'nonoptional']);

export function findUnknownKeys(schema: z.ZodType, value: unknown, path: PropertyKey[] = []): UnknownKey[] {
  const def = unwrappedDefinition(schema);
  if (def.type === 'array' && def.element && Array.isArray(value)) {
    return value.flatMap((item, index) => findUnknownKeys(def.element!, item, [...path, index]));
  }
  if (def.type === 'record' && def.valueType && isPlainRecord(value)) {
    return Object.entries(value).flatMap(([key, item]) => findUnknownKeys(def.valueType!, item, [...path, key]));
  }
  if (def.type !== 'object' || !def.shape || !isPlainRecord(value)) return [];
  const known = Object.keys(def.shape);
  const found: UnknownKey[] = [];
  for (const [key, item] of Object.entries(value)) {
    const child = Object.hasOwn(def.shape, key) ? def.shape[key] : undefined; // `constructor` is not a setting
    if (child) found.push(...findUnknownKeys(child, item, [...path, key]));
    else if (!def.catchall) {
      const suggestion = closestMatch(key, known);
      found.push(suggestion ? { path: [...path, key], suggestion } : { path: [...path, key] });
    }
  }
  return found;
}

/** The keys an object schema knows at `path` (through optional/default/array wrappers); [] if not an object. */
export function knownKeysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let def = unwrappedDefinition(schema);
  for (const key of path) {
    const child = typeof key === 'number' ? def.element : def.shape && Object.hasOwn(def.shape, String(key)) ? def.shape[String(key)] : undefined;
    if (!child) return [];
    def = unwrappedDefinition(child);
  }
  return def.shape ? Object.keys(def.shape) : [];
}

/** The definition under optional/nullable/default/... and a pipe's input side: the shape the user writes. */
function unwrappedDefinition(schema: z.ZodType): SchemaDef {
  let def = (schema as unknown as { _zod: { def: SchemaDef } })._zod.def;
  for (;;) {
    const inner = WRAPPERS.has(def.type) ? def.innerType : def.type === 'pipe' ? def.in : undefined;
    if (!inner) return def;
    def = (inner as unknown as { _zod: { def: SchemaDef } })._zod.def;
  }
}
