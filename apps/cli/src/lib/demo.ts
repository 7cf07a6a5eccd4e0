import { loadPlugin, type ResolveOptions } from '@prompt-aug/core';
import { prepareDemo } from '@prompt-aug/core/demo';
import { type MetricsRow } from '@prompt-aug/core/train';

/** `pa train --demo`: write the demo's model and data (no download) and return its config values. */
export async function demoOverrides(dir: string, backend: { name: string; device?: string }, resolve: ResolveOptions, log: (message: string) => void): Promise<Record<string, unknown>> {
  const templates = await loadPlugin('templates-diverse', { ...resolve, kind: 'templates' });
  const plugin = await loadPlugin(backend.name, { ...resolve, kind: 'backend' });
  const assets = await prepareDemo({ dir, templates: templates.plugin.templates, backend: plugin.plugin, device: backend.device, log });
  return assets.overrides;
}

export interface DemoReport {
  firstStepsAccuracy: number;
  lastStepsAccuracy: number;
}

/** Mean accuracy of the first and last five steps: the demo's before/after. */
export function demoReport(rows: readonly MetricsRow[]): DemoReport {
  const accuracy = (part: readonly MetricsRow[]) => part.reduce((sum, r) => sum + Number(r.accuracy ?? 0), 0) / Math.max(1, part.length);
  return { firstStepsAccuracy: accuracy(rows.slice(0, 5)), lastStepsAccuracy: accuracy(rows.slice(-5)) };
}
