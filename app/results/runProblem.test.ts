import { describe, expect, it } from 'vitest';
import type { Trace } from '../../src/index.ts';
import { markersFromTrace } from '../editor/editorMarkers.ts';
import { runProblem } from './runProblem.ts';

/** The parts of a Trace these functions read; the rest is irrelevant here. */
function traceWith(parts: Pick<Trace, 'events'> & Partial<Pick<Trace, 'error'>>): Trace {
  return parts as Trace;
}

const syntaxError = traceWith({
  events: [],
  error: {
    kind: 'syntax-error',
    type: 'SyntaxError',
    message: "'[' was never closed",
    line: 2,
    column: 17,
    text: '    s("200 OK", [\n',
  },
});

const appError = traceWith({
  events: [
    {
      seq: 2,
      t: 1,
      actor: 'app',
      line: 3,
      kind: 'exception',
      phase: 'call',
      type: 'ZeroDivisionError',
      message: 'division by zero',
      traceback: [{ line: 3, name: 'application', text: 'return [1/0]' }],
      formatted: '',
    },
  ],
});

describe('runProblem', () => {
  it('shows a syntax error with its place and a caret under the column', () => {
    expect(runProblem(syntaxError)).toEqual({
      text: "SyntaxError: '[' was never closed",
      where: 'line 2, column 17',
      source: 's("200 OK", [\n            ^',
    });
  });

  it("falls back to the app's first exception and its source line", () => {
    expect(runProblem(appError)).toEqual({
      text: 'ZeroDivisionError: division by zero',
      where: 'line 3',
      source: 'return [1/0]',
    });
  });

  it('finds nothing in a clean run', () => {
    expect(runProblem(traceWith({ events: [] }))).toBeNull();
  });
});

describe('markersFromTrace', () => {
  it('marks the syntax error at its column', () => {
    expect(markersFromTrace(syntaxError)).toEqual([
      { line: 2, column: 17, message: "SyntaxError: '[' was never closed" },
    ]);
  });

  it('marks the line of an exception', () => {
    expect(markersFromTrace(appError)).toEqual([
      { line: 3, message: 'ZeroDivisionError: division by zero' },
    ]);
  });
});
