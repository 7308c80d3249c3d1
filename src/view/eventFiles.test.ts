import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../trace/schema.ts';
import { eventsInFile, fileOfEvent, traceEntryFile, viaLibrary } from './eventFiles.ts';

const event = (seq: number, file?: string): TraceEvent =>
  ({
    seq,
    t: 0,
    kind: 'yield',
    actor: 'app',
    line: 1,
    index: 0,
    type: 'bytes',
    ...(file ? { file } : {}),
  }) as TraceEvent;

describe('event files', () => {
  it('puts events without a file in the entry file', () => {
    const events = [event(0), event(1, 'views.py'), event(2, 'app.py')];
    expect(eventsInFile(events, 'app.py', 'app.py').map((e) => e.seq)).toEqual([0, 2]);
    expect(eventsInFile(events, 'views.py', 'app.py').map((e) => e.seq)).toEqual([1]);
    expect(fileOfEvent(events[0]!, 'main.py')).toBe('main.py');
  });

  it('gives back the same list for a one-file run', () => {
    const events = [event(0), event(1)];
    expect(eventsInFile(events, 'app.py', 'app.py')).toBe(events);
    expect(eventsInFile(events, 'views.py', 'app.py')).toEqual([]);
  });

  it('reads the entry file from the project, else the filename setting', () => {
    const settings = { filename: 'hello.py' } as never;
    expect(traceEntryFile({ settings })).toBe('hello.py');
    expect(
      traceEntryFile({
        settings,
        project: { entry: 'pkg', entryFile: 'pkg/__init__.py', files: [] },
      }),
    ).toBe('pkg/__init__.py');
  });

  it('names the innermost library frame between the project line and the event', () => {
    const stack = [
      { file: 'views.py', line: 4, function: 'index', origin: 'project' as const },
      { file: 'werkzeug/wsgi.py', line: 312, function: '__next__', origin: 'library' as const },
    ];
    expect(viaLibrary({ stack })).toBe('via werkzeug/wsgi.py:312');
    expect(viaLibrary({ stack: stack.slice(0, 1) })).toBeNull();
    expect(viaLibrary({})).toBeNull();
  });
});
