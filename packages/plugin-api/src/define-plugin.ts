import type { Plugin } from './plugin-types.js';

/** Typing helper: returns its argument unchanged. Plugins may also export a plain object. */
export function definePlugin<const P extends Plugin>(plugin: P): P;
export function definePlugin<const P extends readonly Plugin[]>(plugins: P): P;
export function definePlugin(plugin: Plugin | readonly Plugin[]): Plugin | readonly Plugin[] {
  return plugin;
}
