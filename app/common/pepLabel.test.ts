import { describe, expect, it } from 'vitest';
import { PEP_SECTIONS } from '../../src/index.ts';
import { pepLabel } from './pepLabel.ts';

describe('pepLabel', () => {
  it('names the PEP section of a link', () => {
    expect(pepLabel(PEP_SECTIONS.writeCallable)).toBe('PEP 3333 § The write() Callable');
    expect(pepLabel('https://peps.python.org/pep-3333/')).toBe('PEP 3333');
  });
});
