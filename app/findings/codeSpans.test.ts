import { describe, expect, it } from 'vitest';
import { codeSpans } from './codeSpans.ts';

describe('codeSpans', () => {
  it('splits text at backtick-quoted code', () => {
    expect(codeSpans('Use `str(len(body))` or `b""`.')).toEqual([
      { text: 'Use ', code: false },
      { text: 'str(len(body))', code: true },
      { text: ' or ', code: false },
      { text: 'b""', code: true },
      { text: '.', code: false },
    ]);
  });

  it('keeps text without code, and an unpaired backtick, as it is', () => {
    expect(codeSpans('plain')).toEqual([{ text: 'plain', code: false }]);
    expect(codeSpans('a ` b')).toEqual([{ text: 'a ` b', code: false }]);
    expect(codeSpans('')).toEqual([]);
  });
});
