/**
 * Which of the editor's event notes an edit has taken away from their code. A note sits at the
 * end of the line it was recorded for, and Monaco keeps it there as text is typed around it;
 * but when an edit deletes the place it sits, Monaco collapses it onto the edit's edge — so a
 * shorter text set over the code would pile every note of the old run on one line.
 */

/** A place in the text (1-based, as Monaco counts). */
export interface TextPosition {
  line: number;
  column: number;
}

/** The part of a change that matters here (Monaco's IModelContentChange has it). */
export interface LineChange {
  range: { startLineNumber: number; startColumn: number; endLineNumber: number; endColumn: number };
}

const compare = (a: TextPosition, b: TextPosition): number =>
  a.line === b.line ? a.column - b.column : a.line - b.line;

/**
 * The notes (id → where it sat before the change) whose place the change removed: it lay after
 * the start of a replaced range and not after its end.
 */
export function staleNotes(
  notes: ReadonlyMap<string, TextPosition>,
  changes: readonly LineChange[],
): string[] {
  return [...notes].flatMap(([id, at]) =>
    changes.some(({ range }) => {
      const start = { line: range.startLineNumber, column: range.startColumn };
      const end = { line: range.endLineNumber, column: range.endColumn };
      return compare(at, start) > 0 && compare(at, end) <= 0;
    })
      ? [id]
      : [],
  );
}
