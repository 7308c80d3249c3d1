import { describe, expect, it } from 'vitest';
import { EMPTY_BODY, row, toHttpRequest } from '../request/requestDraft.ts';
import { exampleDraft } from './exampleDraft.ts';
import { EXAMPLES, exampleRequest } from './gallery.ts';

/** Headers in a stable order: the engine does not care about their order. */
const sorted = (headers: [string, string][]) => [...headers].sort((a, b) => (a[0] < b[0] ? -1 : 1));

describe('exampleDraft', () => {
  it('keeps a body-less request as rows, adding Host when missing', () => {
    const draft = exampleDraft({ method: 'GET', target: '/x', headers: [['X-A', '1']], body: '' });
    expect(draft).toEqual({
      method: 'GET',
      target: '/x',
      headers: [row('Host', 'localhost'), row('X-A', '1')],
      body: EMPTY_BODY,
    });
  });

  it('turns a body into raw mode, its Content-Type header into rawContentType', () => {
    const draft = exampleDraft({
      method: 'POST',
      target: '/form',
      headers: [
        ['Host', 'example.test'],
        ['content-type', 'application/x-www-form-urlencoded'],
      ],
      body: 'a=1',
    });
    expect(draft.headers).toEqual([row('Host', 'example.test')]);
    expect(draft.body).toMatchObject({
      mode: 'raw',
      raw: 'a=1',
      rawContentType: 'application/x-www-form-urlencoded',
    });
  });

  it('sends no Content-Type for a body that had none', () => {
    const draft = exampleDraft({ method: 'POST', target: '/', headers: [], body: 'text' });
    expect(draft.body).toMatchObject({ mode: 'raw', rawContentType: '' });
    expect(toHttpRequest(draft).headers).toEqual([
      ['Host', 'localhost'],
      ['Content-Length', '4'],
    ]);
  });

  it('sends what the gallery’s own tests send, for every example', () => {
    for (const example of EXAMPLES) {
      const sent = toHttpRequest(exampleDraft(example.request));
      const expected = exampleRequest(example);
      expect({ ...sent, headers: sorted(sent.headers) }, example.id).toEqual({
        ...expected,
        headers: sorted(expected.headers),
      });
    }
  });
});
