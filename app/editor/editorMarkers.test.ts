import { describe, expect, it } from 'vitest';
import type { Trace, TraceEvent } from '../../src/index.ts';
import {
  exceptionMessage,
  findingMarkers,
  markersFromTrace,
  markersOfRun,
} from './editorMarkers.ts';

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

describe('findingMarkers', () => {
  it('marks each finding with a line at its severity, with the fix and a link to the PEP', () => {
    const pep = 'https://peps.python.org/pep-3333/#other-http-features';
    const markers = findingMarkers([
      {
        rule: 'hop-by-hop-header',
        severity: 'error',
        message: 'The app set Connection.',
        hint: 'Remove it.',
        line: 3,
        seq: 1,
        pep,
      },
      { rule: 'no-line', severity: 'info', message: 'Nowhere.', seq: 2, pep },
      { rule: 'lines-only', severity: 'warning', message: 'Here.', line: 7, pep },
    ]);
    expect(markers).toEqual([
      {
        line: 3,
        message: 'The app set Connection.\n\nFix: Remove it.',
        severity: 'error',
        source: 'PEP 3333 § Other HTTP Features',
        code: { value: 'hop-by-hop-header', href: pep },
      },
      {
        line: 7,
        message: 'Here.',
        severity: 'warning',
        source: 'PEP 3333 § Other HTTP Features',
        code: { value: 'lines-only', href: pep },
      },
    ]);
  });
});

describe('markersOfRun', () => {
  it('gives an exception’s finding its marker’s link instead of a second squiggle', () => {
    const pep = 'https://peps.python.org/pep-3333/#error-handling';
    const trace = { events: [exception] } as unknown as Trace;
    const markers = markersOfRun(trace, [
      { rule: 'app-raised', severity: 'error', message: 'It escaped.', seq: 1, line: 6, pep },
      { rule: 'other', severity: 'warning', message: 'Elsewhere.', seq: 1, line: 3, pep },
    ]);
    expect(markers).toHaveLength(2);
    expect(markers[0]).toMatchObject({
      line: 6,
      source: 'PEP 3333 § Error Handling',
      code: { value: 'app-raised', href: pep },
    });
    expect(markers[0]?.message).toMatch(/^ZeroDivisionError/);
    expect(markers[1]).toMatchObject({ line: 3, severity: 'warning' });
  });
});
