import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The public data copies the tests read in place (never copied into the repo): `../shared/data`
 * next to the checkout, per DESIGN.md. PA_SHARED_DATA points elsewhere if needed.
 */
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');
export const SHARED_DATA = process.env.PA_SHARED_DATA ?? join(repoRoot, '..', 'shared', 'data');

if (!existsSync(join(SHARED_DATA, 'benchmarks'))) {
  throw new Error(`The shared data folder ${SHARED_DATA} is missing; set PA_SHARED_DATA to the folder holding benchmarks/ and train/.`);
}

export const sharedFile = (relative: string): string => join(SHARED_DATA, relative);
