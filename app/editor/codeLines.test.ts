import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../src/index.ts';
import {
  activityByLine,
  lineAtOffset,
  markersByLine,
  messageParts,
  offsetOfLine,
  splitLines,
} from './codeLines.ts';
import type { EditorMarker } from './editorMarkers.ts';

const event = (seq: number, line: number, kind: string, file?: string): TraceEvent =>
  ({
    seq,
    t: 0,
    kind,
    actor: 'app',
    line,
    index: 0,
    type: 'bytes',
    ...(file ? { file } : {}),
  }) as TraceEvent;

describe('splitLines', () => {
  it('ends a line at \\n, \\r\\n and \\r, and keeps a last empty line', () => {
    expect(splitLines('a\nb\r\nc\rd\n')).toEqual(['a', 'b', 'c', 'd', '']);
    expect(splitLines('')).toEqual(['']);
  });
});

describe('lineAtOffset and offsetOfLine', () => {
  const code = 'def app():\r\n    return []\n\nx = 1';

  it('find the line of a caret and the start of a line, one the inverse of the other', () => {
    for (const line of [1, 2, 3, 4]) {
      expect(lineAtOffset(code, offsetOfLine(code, line))).toBe(line);
    }
    expect(offsetOfLine(code, 2)).toBe('def app():\r\n'.length);
    expect(lineAtOffset(code, code.indexOf('return'))).toBe(2);
  });

  it('clamp to the text: before it is line 1, past its last line is its end', () => {
    expect(lineAtOffset(code, -5)).toBe(1);
    expect(lineAtOffset(code, code.length + 10)).toBe(4);
    expect(offsetOfLine(code, 9)).toBe(code.length);
    expect(offsetOfLine(code, 0)).toBe(0);
  });
});

describe('activityByLine', () => {
  const events = [
    event(0, 3, 'call'),
    event(1, 5, 'start_response'),
    event(2, 5, 'yield'),
    event(3, 2, 'yield', 'views.py'),
    event(4, 40, 'yield'),
  ];

  it('gives each line of the file its events, in order', () => {
    const lines = activityByLine(events, 'app.py', 'app.py', 10);
    expect([...lines.keys()].sort()).toEqual([3, 5]);
    expect(lines.get(5)?.seqs).toEqual([1, 2]);
    expect(activityByLine(events, 'views.py', 'app.py', 10).get(2)?.seqs).toEqual([3]);
  });

  it('leaves out lines the edited text no longer has, and has nothing without a run', () => {
    expect(activityByLine(events, 'app.py', 'app.py', 50).has(40)).toBe(true);
    expect(activityByLine(events, 'app.py', 'app.py', 10).has(40)).toBe(false);
    expect(activityByLine(undefined, 'app.py', 'app.py', 10).size).toBe(0);
  });
});

describe('markersByLine', () => {
  const markers: EditorMarker[] = [
    { line: 4, message: 'a note', severity: 'info' },
    { line: 4, message: 'ZeroDivisionError: division by zero' },
    { line: 4, message: 'a warning', severity: 'warning' },
    { line: 2, message: 'in views', file: 'views.py' },
    { line: 99, message: 'past the end' },
  ];

  it('puts the most serious marker of a line first (no severity: an error)', () => {
    const lines = markersByLine(markers, 'app.py', 'app.py', 10);
    expect(lines.get(4)?.map((marker) => marker.message)).toEqual([
      'ZeroDivisionError: division by zero',
      'a warning',
      'a note',
    ]);
  });

  it('keeps only the markers of the file that are within its text', () => {
    expect([...markersByLine(markers, 'app.py', 'app.py', 10).keys()]).toEqual([4]);
    expect([...markersByLine(markers, 'views.py', 'app.py', 10).keys()]).toEqual([2]);
  });
});

describe('messageParts', () => {
  it('splits a headline from the traceback or fix below it', () => {
    expect(messageParts('KeyError: x\n\nTraceback …\n  File "app.py"')).toEqual({
      head: 'KeyError: x',
      rest: 'Traceback …\n  File "app.py"',
    });
    expect(messageParts('one line')).toEqual({ head: 'one line', rest: '' });
  });
});
