import { describe, expect, it } from 'vitest';
import { chunkedTrace } from './chunkedTrace.testing.ts';
import { payloadSentAt, wireProgress } from './stepStateWire.ts';

describe('payloadSentAt', () => {
  it('counts only the chunks’ data of a chunked body, not its framing', () => {
    const trace = chunkedTrace();
    const { headBytes } = wireProgress(trace);
    const at = (sent: number) => payloadSentAt(trace.response, headBytes, sent);
    expect(at(headBytes)).toBe(0);
    expect(at(headBytes + 3)).toBe(0); // '6\r\n'
    expect(at(headBytes + 11)).toBe(6); // 'hello \r\n'
    expect(at(headBytes + 14)).toBe(6); // '5\r\n'
    expect(at(trace.response.wireSize)).toBe(11);
  });

  it('counts every byte after the head when nothing is framed', () => {
    const response = { segments: [{ start: 0, end: 10, part: 'head' as const }], bodySize: 4 };
    expect(payloadSentAt(response, 10, 12)).toBe(2);
    expect(payloadSentAt(response, 10, 99)).toBe(4);
    expect(payloadSentAt(response, 10, 5)).toBe(0);
  });
});
