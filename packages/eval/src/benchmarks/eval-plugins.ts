import { type Template, type VerifierPlugin } from '@prompt-aug/plugin-api';
import { loadPlugin, UserError, type ResolveOptions } from '@prompt-aug/core';

/** What grading and prompting need, found by name like every other plugin (eval imports none). */
export interface EvalPlugins {
  verifier: VerifierPlugin;
  template: Template;
  /** `name@version` of each, recorded in results.json. */
  verifierVersion: string;
  templateVersion: string;
}

export interface LoadEvalPluginsOptions {
  /** Verifier plugin name or path (default `verifier-math`). */
  verifier?: string;
  /** Templates plugin that holds the eval template (default `templates-qwen-math`). */
  templates?: string;
  /** Template id within it (`--template`, default: the plugin's only template, `qwen-math`). */
  template?: string;
  /** Where to look for plugins (project folder, bundled roots, user folder). */
  resolve?: ResolveOptions;
}

export async function loadEvalPlugins(options: LoadEvalPluginsOptions = {}): Promise<EvalPlugins> {
  const verifier = (await loadPlugin(options.verifier ?? 'verifier-math', { ...options.resolve, kind: 'verifier' })).plugin;
  const templates = (await loadPlugin(options.templates ?? 'templates-qwen-math', { ...options.resolve, kind: 'templates' })).plugin;
  const wanted = options.template ?? (templates.templates.length === 1 ? templates.templates[0]!.id : 'qwen-math');
  const template = templates.templates.find((t) => t.id === wanted);
  if (!template) {
    throw new UserError(
      `Template "${wanted}" is not in plugin ${templates.name} (it has: ${templates.templates.map((t) => t.id).join(', ')}). ` +
        'Pass one of those with --template, or name the plugin that provides it.',
      'PA_EVAL_NO_TEMPLATE',
    );
  }
  return {
    verifier,
    template,
    verifierVersion: `${verifier.name}@${verifier.version}`,
    templateVersion: `${templates.name}@${templates.version}:${template.id}`,
  };
}

/** The plugins as given, or loaded from the options that name them: the one place that tells the two apart. */
export async function ensureEvalPlugins(given: EvalPlugins | LoadEvalPluginsOptions | undefined, resolve?: ResolveOptions): Promise<EvalPlugins> {
  if (given && 'verifierVersion' in given) return given;
  return loadEvalPlugins({ ...given, ...(resolve ? { resolve } : {}) });
}
