import { describe, expect, it } from 'vitest';
import { staleNotes } from './staleNotes.ts';

const change = (startLine: number, startColumn: number, endLine: number, endColumn: number) => ({
  range: { startLineNumber: startLine, startColumn, endLineNumber: endLine, endColumn },
});
/** Notes at the ends of lines 2, 4, 5 and 19 (each line 12 characters long). */
const NOTES = new Map([
  ['a', { line: 2, column: 13 }],
  ['b', { line: 4, column: 13 }],
  ['c', { line: 5, column: 13 }],
  ['d', { line: 19, column: 13 }],
]);

describe('staleNotes', () => {
  it('drops every note when the whole text is replaced (a shorter file set over the code)', () => {
    expect(staleNotes(NOTES, [change(1, 1, 19, 13)])).toEqual(['a', 'b', 'c', 'd']);
  });

  it('drops the note of a deleted line and keeps the others', () => {
    // Ctrl+Shift+K on line 4: Monaco removes (4,1)–(5,1).
    expect(staleNotes(NOTES, [change(4, 1, 5, 1)])).toEqual(['b']);
    // Lines 3–5 joined into line 2 past its note: 4 and 5 go; line 2's note stays.
    expect(staleNotes(NOTES, [change(2, 13, 5, 13)])).toEqual(['b', 'c']);
  });

  it('keeps every note through typing, also at the end of a noted line', () => {
    expect(staleNotes(NOTES, [change(5, 3, 5, 3)])).toEqual([]);
    expect(staleNotes(NOTES, [change(5, 13, 5, 13)])).toEqual([]);
    expect(staleNotes(NOTES, [change(6, 1, 6, 1)])).toEqual([]);
  });
});
