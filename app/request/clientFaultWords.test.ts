import { describe, expect, it } from 'vitest';
import { clientFaultWords, NO_CLIENT_FAULTS } from './clientFaultWords.ts';

describe('clientFaultWords', () => {
  it('says nothing for a client that behaves', () => {
    expect(clientFaultWords(NO_CLIENT_FAULTS)).toEqual([]);
    expect(clientFaultWords({})).toEqual([]);
  });

  it('names each fault that is on, zero bytes included', () => {
    expect(clientFaultWords({ disconnectAfter: 0, shortBody: 4, slowClient: 40 })).toEqual([
      'goes away after 0 bytes',
      'sends only 4 bytes of its body',
      'reads slowly (40 ms a write)',
    ]);
  });
});
