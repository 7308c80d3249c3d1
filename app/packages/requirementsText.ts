/**
 * The Requirements box, read as pip reads a requirements.txt: one requirement a line, blank
 * lines and `#` comments (whole-line, or after a space) left out. The project keeps the
 * requirements themselves; the box shows them one a line.
 */

/** At most this many characters in one requirement. */
export const MAX_REQUIREMENT_CHARS = 200;

/** A line without its comment (`flask  # the web app` → `flask`), trimmed. */
function withoutComment(line: string): string {
  const hash = /(^|\s)#/.exec(line);
  return (hash ? line.slice(0, hash.index) : line).trim();
}

/** The requirements a requirements.txt text holds, in order. */
export function requirementLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map(withoutComment)
    .filter((line) => line !== '');
}

/** The text of the box for `requirements`. */
export function requirementsText(requirements: readonly string[]): string {
  return requirements.join('\n');
}

/** Whether two lists of requirements are the same, in the same order. */
export function sameRequirements(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((line, at) => line === b[at]);
}
