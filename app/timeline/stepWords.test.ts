import { describe, expect, it } from 'vitest';
import { stepStateAt, type Trace } from '../../src/index.ts';
import {
  call,
  closable,
  close,
  complete,
  eventsOf,
  generator,
  layer,
  returns,
  start,
  traceOf,
} from '../../src/view/stepState.testing.ts';
import {
  bodyWords,
  callsWords,
  headersWords,
  iterableWords,
  laneName,
  startResponseWords,
  wireWords,
} from './stepWords.ts';

const at = (trace: Trace, index: number) => stepStateAt(trace, index)!;

describe('the state card in words', () => {
  const trace = generator();

  it('says when start_response was called, and with what', () => {
    expect(startResponseWords(trace, at(trace, 0))).toBe('Not called yet.');
    expect(startResponseWords(trace, at(trace, 1))).toBe(
      'Called once at step 2 (line 2): "200 OK", 1 header (Content-Type), exc_info None.',
    );
    const twice = traceOf(eventsOf(call(), start(), start('app', 'AssertionError: no')), {});
    expect(startResponseWords(twice, at(twice, 2))).toBe(
      'Called 2 times, last at step 3 (line 3): "200 OK", 1 header (Content-Type), exc_info None. It raised AssertionError: no.',
    );
  });

  it('says whether the headers are committed', () => {
    expect(headersWords(trace, at(trace, 0))).toMatch(/^Not committed: there is nothing/);
    expect(headersWords(trace, at(trace, 3))).toMatch(/^Not committed: start_response only/);
    expect(headersWords(trace, at(trace, 4))).toBe(
      'Committed at step 5 (line 5): the status line and 1 header are on the wire.',
    );
  });

  it('counts the wire and the body, quoting the body’s first bytes', () => {
    expect(wireWords(at(trace, 3))).toBe('0 of 48 bytes sent.');
    expect(wireWords(at(trace, 7))).toBe('48 of 48 bytes sent — all of it.');
    const disconnect = {
      ...at(trace, 3).event,
      kind: 'client.disconnect' as const,
      afterBytes: 40,
      sentBytes: 40,
      error: 'BrokenPipeError: [Errno 32] Broken pipe',
    };
    expect(wireWords({ ...at(trace, 7), disconnect })).toBe(
      '48 of 48 bytes sent — all of it. The client went away after 40 bytes: the next write raised BrokenPipeError: [Errno 32] Broken pipe.',
    );
    expect(bodyWords(trace, at(trace, 3))).toBe('The client has 0 of 3 bytes.');
    expect(bodyWords(trace, at(trace, 4))).toBe("The client has 1 of 3 bytes: b'a'");
    expect(bodyWords(trace, at(trace, 5))).toBe("The client has 3 of 3 bytes: b'abb'");
  });

  it('counts a held run so far, not out of a whole it does not have yet', () => {
    const held = { ...trace, outcome: 'paused' as const };
    expect(wireWords(at(held, 7), true)).toBe('48 bytes sent so far.');
    expect(bodyWords(held, at(held, 4))).toBe("The client has 1 byte so far: b'a'");
  });

  it('names the calls under way and the open iterables', () => {
    expect(callsWords(trace, at(trace, 0))).toBe(
      'The server is inside application(), called at step 1 (line 1).',
    );
    expect(callsWords(trace, at(trace, 2))).toBe('None: every call has returned.');
    expect(iterableWords(trace, at(trace, 2))).toEqual([
      'application’s generator, returned to the server at step 3 (line 3); its close() is still to be called.',
    ]);
    const layered: Trace = {
      ...traceOf(
        eventsOf(
          call('Stamp'),
          layer('layer.call', 'app', 'Stamp'),
          layer('layer.return', 'app', 'Stamp', closable('Rows')),
          returns('list', 'Stamp'),
          close('Stamp'),
          layer('layer.close', 'app', 'Stamp', { called: false, resultType: 'Rows' }),
          complete,
        ),
        {},
      ),
      layers: [{ id: 'Stamp', name: 'stamp_header' }],
    };
    expect(callsWords(layered, at(layered, 1))).toBe(
      'The server is inside stamp_header() → application(), called at step 2 (line 2).',
    );
    expect(iterableWords(layered, at(layered, 6))).toEqual([
      'application’s Rows, returned to stamp_header at step 3 (line 3): never closed — nobody called its close().',
    ]);
    expect(laneName(layered, 'server')).toBe('the server');
  });
});
