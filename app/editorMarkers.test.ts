import { describe, expect, it } from 'vitest';
import type { Trace, TraceEvent } from '../src/index.ts';
import { exceptionMessage, markersFromTrace } from './editorMarkers.ts';

const formatted = [
  'Traceback (most recent call last):',
  '  File "app.py", line 3, in application',
  '    return [helper()]',
  '  File "app.py", line 6, in helper',
  '    return 1 / 0',
  'ZeroDivisionError: division by zero',
].join('\n');

const exception: Extract<TraceEvent, { kind: 'exception' }> = {
  seq: 1,
  t: 0,
  kind: 'exception',
  actor: 'app',
  line: 6,
  phase: 'call',
  type: 'ZeroDivisionError',
  message: 'division by zero',
  traceback: [
    { line: 3, name: 'application', text: 'return [helper()]' },
    { line: 6, name: 'helper', text: 'return 1 / 0' },
  ],
  formatted,
};

describe('exceptionMessage', () => {
  it('puts the error first, then the trimmed traceback without repeating the error', () => {
    expect(exceptionMessage(exception)).toBe(
      [
        'ZeroDivisionError: division by zero',
        '',
        'Traceback (most recent call last):',
        '  File "app.py", line 3, in application',
        '    return [helper()]',
        '  File "app.py", line 6, in helper',
        '    return 1 / 0',
      ].join('\n'),
    );
  });

  it('is just the error when there is no traceback of the user’s code', () => {
    expect(
      exceptionMessage({ ...exception, formatted: 'ZeroDivisionError: division by zero' }),
    ).toBe('ZeroDivisionError: division by zero');
  });
});

describe('markersFromTrace', () => {
  it('marks a load error once, at its place, with the traceback of its exception event', () => {
    const trace = {
      events: [{ ...exception, phase: 'load' }],
      error: {
        kind: 'load-error',
        type: 'ZeroDivisionError',
        message: 'division by zero',
        line: 6,
        column: 12,
      },
    } as unknown as Trace;
    const markers = markersFromTrace(trace);
    expect(markers).toHaveLength(1);
    expect(markers[0]).toMatchObject({ line: 6, column: 12 });
    expect(markers[0]?.message).toContain('in helper');
  });
});
