/** The one line beside Run while packages are being readied ("Installing flask 3.1.1… (3 of 7)"). */
import type { PackagesState } from './packagesState.ts';

/** The project and version a wheel's name gives (`flask-3.1.1-py3-none-any.whl` → `flask 3.1.1`). */
export function wheelLabel(filename: string): string {
  const [name = filename, version] = filename.replace(/\.whl$/, '').split('-');
  const project = name.replaceAll('_', '-');
  return version === undefined ? project : `${project} ${version}`;
}

/**
 * What the status line says, or null when there is nothing to say: the engine's own words
 * while it readies Python, else the file being installed (n of how many are known), else the
 * project being resolved.
 */
export function packageStatusText(state: PackagesState): string | null {
  if (state.engineNote !== null) return state.engineNote;
  if (state.phase !== 'preparing') return null;
  const active = state.files.findLast((file) => file.state === 'downloading') ?? state.files.at(-1);
  if (active) {
    const n = state.files.indexOf(active) + 1;
    const total = Math.max(state.expected ?? state.resolved.length, state.files.length);
    return `Installing ${wheelLabel(active.filename)}… (${n} of ${total})`;
  }
  const project = state.resolved.at(-1);
  return project === undefined ? 'Reading the requirements…' : `Resolving ${project}…`;
}
