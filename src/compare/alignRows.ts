/**
 * Line two sequences up side by side: a longest-common-subsequence diff (jsdiff's
 * `diffArrays`) over a coarse key, so that inserted and removed items leave gaps and the items
 * that correspond sit on one row, marked the same or changed by a finer comparison.
 */
import { diffArrays } from 'diff';

/** How a row of a comparison differs between run A and run B. */
export type RowChange = 'same' | 'changed' | 'added' | 'removed';

/** One row: an item of A, of B, or of both (`added`: only in B; `removed`: only in A). */
export interface AlignedRow<T> {
  change: RowChange;
  a?: T;
  b?: T;
}

/** How two sequences are lined up. */
export interface AlignOptions<T> {
  /** Whether two items correspond (sit on one row); e.g. the same kind of event. */
  slot: (a: T, b: T) => boolean;
  /** Whether two corresponding items are the same (else the row is `changed`). */
  equal: (a: T, b: T) => boolean;
  /**
   * Pair a run of removed items with the run of added items beside it, row by row, as
   * `changed` (how a side-by-side text diff shows an edited line). Default false.
   */
  pairRuns?: boolean;
}

/**
 * The rows of `a` and `b` aligned.
 *
 * @example
 * alignRows(['x', 'y'], ['x', 'z'], { slot: (p, q) => p === q, equal: (p, q) => p === q, pairRuns: true })
 * // [{ change: 'same', a: 'x', b: 'x' }, { change: 'changed', a: 'y', b: 'z' }]
 */
export function alignRows<T>(
  a: readonly T[],
  b: readonly T[],
  options: AlignOptions<T>,
): AlignedRow<T>[] {
  // Diff the positions, so that each row can hold A's item and B's (jsdiff keeps B's value).
  const changes = diffArrays(
    a.map((_, i) => i),
    b.map((_, j) => -1 - j),
    { comparator: (i, j) => options.slot(itemAt(a, i), itemAt(b, -1 - j)) },
  );
  const rows: AlignedRow<T>[] = [];
  let i = 0;
  let j = 0;
  for (const change of changes) {
    for (let k = 0; k < change.count; k++) {
      if (change.removed) rows.push({ change: 'removed', a: itemAt(a, i++) });
      else if (change.added) rows.push({ change: 'added', b: itemAt(b, j++) });
      else {
        const x = itemAt(a, i++);
        const y = itemAt(b, j++);
        rows.push({ change: options.equal(x, y) ? 'same' : 'changed', a: x, b: y });
      }
    }
  }
  return options.pairRuns ? pairRuns(rows) : rows;
}

function itemAt<T>(items: readonly T[], index: number): T {
  if (index < 0 || index >= items.length) throw new RangeError(`no item ${index}`);
  return items[index] as T;
}

/** Rows with each run of removed rows next to a run of added rows paired into changed rows. */
function pairRuns<T>(rows: AlignedRow<T>[]): AlignedRow<T>[] {
  const out: AlignedRow<T>[] = [];
  let index = 0;
  while (index < rows.length) {
    const row = rows[index] as AlignedRow<T>;
    if (row.change === 'same' || row.change === 'changed') {
      out.push(row);
      index++;
      continue;
    }
    // A run of removed and added rows, in whichever order jsdiff gave them.
    const removed: T[] = [];
    const added: T[] = [];
    while (index < rows.length) {
      const next = rows[index] as AlignedRow<T>;
      if (next.change === 'removed' && next.a !== undefined) removed.push(next.a);
      else if (next.change === 'added' && next.b !== undefined) added.push(next.b);
      else break;
      index++;
    }
    const paired = Math.min(removed.length, added.length);
    for (let k = 0; k < Math.max(removed.length, added.length); k++) {
      const x = removed[k];
      const y = added[k];
      if (k < paired && x !== undefined && y !== undefined)
        out.push({ change: 'changed', a: x, b: y });
      else if (x !== undefined) out.push({ change: 'removed', a: x });
      else if (y !== undefined) out.push({ change: 'added', b: y });
    }
  }
  return out;
}

/** How many rows of each kind of change there are. */
export function countChanges(rows: readonly { change: RowChange }[]): Record<RowChange, number> {
  const counts: Record<RowChange, number> = { same: 0, changed: 0, added: 0, removed: 0 };
  for (const row of rows) counts[row.change]++;
  return counts;
}
