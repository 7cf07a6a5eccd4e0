/**
 * Names a user plugin may not take: the project's own npm scope, and every name that `--plugin
 * SHORT` of a bundled plugin also tries (`SHORT`, `pa-plugin-SHORT`). Such a package could never
 * run in the bundled one's place, only be mistaken for it in `pa plugins list`.
 */
export const RESERVED_SCOPE = '@prompt-aug/';

/** The reason `packageName` is reserved, or undefined when a user plugin may use it. */
export function reservedPluginNameReason(packageName: string, bundled: readonly string[]): string | undefined {
  if (packageName.startsWith(RESERVED_SCOPE)) {
    return `the ${RESERVED_SCOPE.slice(0, -1)} scope is reserved for prompt-aug's own packages`;
  }
  for (const name of bundled) {
    const short = name.startsWith(RESERVED_SCOPE) ? name.slice(RESERVED_SCOPE.length) : name;
    if (packageName === short || packageName === `pa-plugin-${short}`) {
      return `it would be mistaken for the bundled plugin ${name}, which \`--plugin ${short}\` always resolves to`;
    }
  }
  return undefined;
}
