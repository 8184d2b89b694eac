// Filling the panel's template (media/debugger.html). No `vscode` here: the bench builds the same
// page outside VS Code.

/** Replaces each {{NAME}} with its value; a placeholder with no value is left empty. */
export function fillTemplate(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{\{([A-Z_]+)\}\}/g, (_, name: string) => values[name] ?? '');
}
