import { describe, expect, it } from 'vitest';
import { visiblePieces } from './visibleText.ts';

describe('visiblePieces', () => {
  it('escapes control characters and keeps the rest', () => {
    expect(visiblePieces('a\tb\r\n\x00\x85 é')).toEqual([
      { text: 'a', control: false },
      { text: '\\t', control: true },
      { text: 'b', control: false },
      { text: '\\r', control: true },
      { text: '\\n', control: true },
      { text: '\\x00', control: true },
      { text: '\\x85', control: true },
      { text: ' é', control: false },
    ]);
  });

  it('leaves ordinary text whole', () => {
    expect(visiblePieces(' /cafÃ© ')).toEqual([{ text: ' /cafÃ© ', control: false }]);
    expect(visiblePieces('')).toEqual([]);
  });

  it('can keep tabs and line breaks for text laid out in lines', () => {
    expect(visiblePieces('a\tb\r\n\x00', true)).toEqual([
      { text: 'a\tb\r\n', control: false },
      { text: '\\x00', control: true },
    ]);
  });
});
