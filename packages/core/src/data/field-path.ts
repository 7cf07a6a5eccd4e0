/**
 * Dotted paths (`reward_model.ground_truth`) into plain JSON-like rows. Rows come from
 * JSON.parse or hyparquet, so values are plain objects, arrays and scalars.
 */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array) && !(value instanceof Date);
}

export function getPath(row: Record<string, unknown>, path: string): unknown {
  let current: unknown = row;
  for (const key of path.split('.')) {
    if (!isPlainObject(current) || !(key in current)) return undefined;
    current = current[key];
  }
  return current;
}

/**
 * A copy of `row` without the value at `path`; parents left empty by the removal are removed
 * too, and the objects along the path are copied so the caller's row is never mutated.
 */
export function withoutPath(row: Record<string, unknown>, path: string): Record<string, unknown> {
  const [head, ...rest] = path.split('.');
  if (head === undefined || !(head in row)) return row;
  const copy = { ...row };
  if (rest.length === 0) {
    delete copy[head];
    return copy;
  }
  const child = copy[head];
  if (!isPlainObject(child)) return row;
  const reduced = withoutPath(child, rest.join('.'));
  if (Object.keys(reduced).length === 0) delete copy[head];
  else copy[head] = reduced;
  return copy;
}

export function setPath(row: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  const [head, ...rest] = path.split('.');
  if (head === undefined) return row;
  if (rest.length === 0) return { ...row, [head]: value };
  const child = isPlainObject(row[head]) ? (row[head] as Record<string, unknown>) : {};
  return { ...row, [head]: setPath(child, rest.join('.'), value) };
}
