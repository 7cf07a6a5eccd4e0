#!/usr/bin/env node
// Reads vitest's JSON report and prints the one line CI recognises: "N passed, N failed".
// `--check NAME=STATUS` (repeatable) counts a non-vitest check (e.g. a measurement script's exit
// status) as one more passed (0) or failed (anything else).
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { check: { type: 'string', multiple: true, default: [] } } });
const checks = values.check.map((spec) => {
  const at = spec.lastIndexOf('=');
  return { name: spec.slice(0, at), ok: spec.slice(at + 1) === '0' };
});
for (const check of checks.filter((c) => !c.ok)) console.error(`check failed: ${check.name}`);
const file = positionals[0] ?? '.tmp/vitest.json';
let report;
try {
  report = JSON.parse(readFileSync(file, 'utf8'));
} catch (error) {
  console.error(`no vitest JSON report at ${file}: ${error.message}`);
  console.log(`${checks.filter((c) => c.ok).length} passed, ${1 + checks.filter((c) => !c.ok).length} failed`);
  process.exit(1);
}
const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
// Failed test files (e.g. an import error) count as failures even when no test inside ran.
const failedFiles = (report.testResults ?? []).filter((r) => r.status === 'failed' && (r.assertionResults ?? []).length === 0).length;
const failed = (report.numFailedTests ?? 0) + failedFiles + checks.filter((c) => !c.ok).length;
const passed = (report.numPassedTests ?? 0) + checks.filter((c) => c.ok).length;
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || !report.success ? 1 : 0);
