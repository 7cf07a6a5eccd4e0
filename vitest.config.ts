import { defineConfig } from 'vitest/config';

// One rule for where tests live: unit tests sit in each package's `test/` folder and import
// the package's `src/`; cross-package end-to-end tests sit in the top-level `test/` workspace
// and run the built packages (`dist/`) and real child processes of `pa`.
export default defineConfig({
  test: {
    include: ['packages/**/test/**/*.test.ts', 'apps/*/test/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
