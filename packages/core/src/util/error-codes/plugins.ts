import type { ErrorCodeEntry } from './entry.js';

/** Plugins. */
export const PLUGIN_CODES = {
  PA_PLUGIN_NOT_FOUND: {
    meaning: 'A plugin name or path resolves to nothing.',
    fix: "Install it with `pa plugins install`, add it to the project's dependencies, or pass the plugin's path.",
  },
  PA_PLUGIN_IMPORT: {
    meaning: "A plugin's module threw while it was being imported.",
    fix: 'Fix the plugin or its missing dependency, or uninstall it with `pa plugins uninstall`.',
  },
  PA_PLUGIN_INVALID: {
    meaning: 'A plugin module has no default export or exports an object that breaks the plugin contract.',
    fix: 'Fix the fields the message lists (docs/plugins.md describes them), or use a plugin version made for this prompt-aug.',
  },
  PA_PLUGIN_KIND: {
    meaning: 'A plugin was given where another kind of plugin is needed (e.g. a verifier for --plugin templates).',
    fix: 'Pass a plugin of the kind the message names.',
  },
  PA_PLUGIN_INSTALL: {
    meaning: '`pa plugins install` failed: npm failed, or no new package appeared.',
    fix: 'Check the package name, tarball or folder, and that npm can reach its registry.',
  },
  PA_PLUGIN_NOT_INSTALLED: {
    meaning: '`pa plugins uninstall` named a plugin that is not in the user plugin folder.',
    fix: 'Check `pa plugins list`; built-in plugins and project dependencies cannot be uninstalled with pa.',
  },
  PA_BACKEND_CANNOT_TRAIN: {
    meaning: 'The chosen backend can only generate, not train.',
    fix: 'Train with a training backend: backend-ort (the default; leave --backend out) or backend-tfjs; a generate-only backend can be the --rollout-backend.',
  },
  PA_PLUGIN_NAME_RESERVED: {
    meaning: 'A user plugin was to be installed under a name reserved for prompt-aug\'s own packages or a bundled plugin\'s short name.',
    fix: 'Publish or rename the plugin as pa-plugin-<your-name> (or under your own npm scope) and install that.',
  },
  PA_PLUGIN_IMPORT_TIMEOUT: {
    meaning: 'A plugin\'s module did not finish loading in time (it waits at the top level for something that never happens).',
    fix: 'Fix or uninstall the plugin; set PA_PLUGIN_IMPORT_TIMEOUT_MS to give a slow plugin more time.',
  },
  PA_PLUGIN_SPEC_OPTION: {
    meaning: 'The plugin to install starts with "-" (or is empty), so npm would read it as an option.',
    fix: 'Give an npm package name, a .tgz tarball or a folder (write ./-name for a folder whose name starts with "-").',
  },
} as const satisfies Record<string, ErrorCodeEntry>;
