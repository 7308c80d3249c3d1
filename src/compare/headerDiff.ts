/**
 * The response headers of two runs, by name: names compare as HTTP does (case aside), and a
 * name sent more than once keeps its values in order, the first value of A beside the first
 * of B, and so on. `Date` changes with the clock, so a new value of it alone is no difference.
 */
import type { RowChange } from './alignRows.ts';

/** One header row: its name (as run B sent it, else as A did) and each run's value. */
export interface HeaderRow {
  name: string;
  a: string | null;
  b: string | null;
  change: RowChange;
  /** The values differ only because the clock moved on (`Date`). */
  timeOnly?: true;
}

/** Headers whose value is the time of the run. */
const CLOCK_HEADERS = new Set(['date']);

/** Each name (lowercased) with its spelling and values, in order of first appearance. */
function byName(headers: readonly (readonly [string, string])[]) {
  const names = new Map<string, { name: string; values: string[] }>();
  for (const [name, value] of headers) {
    const key = name.toLowerCase();
    const known = names.get(key);
    if (known) known.values.push(value);
    else names.set(key, { name, values: [value] });
  }
  return names;
}

/** The headers of run A and run B compared: A's order, then the names only B sent. */
export function diffHeaders(
  a: readonly (readonly [string, string])[],
  b: readonly (readonly [string, string])[],
): HeaderRow[] {
  const left = byName(a);
  const right = byName(b);
  const keys = [...left.keys(), ...[...right.keys()].filter((key) => !left.has(key))];
  return keys.flatMap((key) => {
    const x = left.get(key);
    const y = right.get(key);
    const name = y?.name ?? x?.name ?? key;
    const count = Math.max(x?.values.length ?? 0, y?.values.length ?? 0);
    return Array.from({ length: count }, (_, index): HeaderRow => {
      const va = x?.values[index] ?? null;
      const vb = y?.values[index] ?? null;
      if (va === null) return { name, a: null, b: vb, change: 'added' };
      if (vb === null) return { name, a: va, b: null, change: 'removed' };
      if (va === vb) return { name, a: va, b: vb, change: 'same' };
      if (CLOCK_HEADERS.has(key)) return { name, a: va, b: vb, change: 'same', timeOnly: true };
      return { name, a: va, b: vb, change: 'changed' };
    });
  });
}
