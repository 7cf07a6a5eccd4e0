import { Command, Flags } from '@oclif/core';
import { isUserError, type ResolveOptions } from '@prompt-aug/core';
import { bundledPlugins, bundledRoots } from './bundled-roots.js';

/**
 * Every pa command: `--json` output (oclif prints what run() returns), and user errors shown
 * as one paragraph without a stack trace, ending with its code (docs/errors.md explains each).
 * Plugins resolve from the project, the CLI's own dependencies (the built-ins) and the user
 * plugin folder.
 */
export abstract class BaseCommand extends Command {
  static override enableJsonFlag = true;

  protected resolveOptions(): ResolveOptions {
    return { cwd: process.cwd(), bundledRoots: bundledRoots(), bundledPlugins: bundledPlugins() };
  }

  protected override async catch(error: Error & { exitCode?: number }): Promise<unknown> {
    if (isUserError(error)) {
      if (this.jsonEnabled()) {
        this.logJson({ error: { code: (error as { code?: string }).code, message: error.message } });
        this.exit(1);
      }
      // isUserError matches by name, so a plugin's own UserError class may carry no code.
      const code = (error as { code?: unknown }).code;
      this.logToStderr(`Error: ${error.message}${typeof code === 'string' ? ` [${code}]` : ''}`);
      this.exit(1);
    }
    return super.catch(error);
  }
}

export const pluginFlag = Flags.string({
  char: 'p',
  description: 'template-set plugin: a name (templates-diverse, pa-plugin-foo, foo), an npm package or a path',
  required: true,
});
