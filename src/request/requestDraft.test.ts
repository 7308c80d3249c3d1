import { describe, expect, it } from 'vitest';
import { fromBase64 } from '../trace/bytes.ts';
import {
  EMPTY_BODY,
  MULTIPART_BOUNDARY,
  row,
  toHttpRequest,
  type RequestDraft,
} from './requestDraft.ts';

const draft = (patch: Partial<RequestDraft> = {}): RequestDraft => ({
  method: 'POST',
  target: '/submit',
  headers: [row('Host', 'localhost')],
  body: EMPTY_BODY,
  ...patch,
});
const bodyText = (bodyBase64: string): string => new TextDecoder().decode(fromBase64(bodyBase64));

describe('toHttpRequest', () => {
  it('sends no body headers when there is no body, and skips disabled rows', () => {
    const request = toHttpRequest(
      draft({ headers: [row('Host', 'h'), { ...row('X-Off', '1'), enabled: false }] }),
    );
    expect(request.headers).toEqual([['Host', 'h']]);
    expect(request.bodyBase64).toBe('');
  });

  it('encodes a form body and sets its type and length as a browser would', () => {
    const request = toHttpRequest(
      draft({
        body: { ...EMPTY_BODY, mode: 'form', form: [row('name', 'café au lait'), row('x', '1&2')] },
      }),
    );
    expect(bodyText(request.bodyBase64)).toBe('name=caf%C3%A9+au+lait&x=1%262');
    expect(request.headers).toContainEqual(['Content-Type', 'application/x-www-form-urlencoded']);
    expect(request.headers).toContainEqual(['Content-Length', '30']);
  });

  it('keeps a Content-Type or Content-Length the person set (even a lying one)', () => {
    const request = toHttpRequest(
      draft({
        headers: [row('Content-Type', 'text/csv'), row('Content-Length', '999')],
        body: { ...EMPTY_BODY, mode: 'raw', raw: 'a,b' },
      }),
    );
    expect(request.headers).toEqual([
      ['Content-Type', 'text/csv'],
      ['Content-Length', '999'],
    ]);
  });

  it('encodes multipart text fields and files with the fixed boundary', () => {
    const request = toHttpRequest(
      draft({
        body: {
          ...EMPTY_BODY,
          mode: 'multipart',
          multipart: [
            {
              name: 'title',
              kind: 'text',
              value: 'Hi',
              filename: '',
              contentType: '',
              dataBase64: '',
              enabled: true,
            },
            {
              name: 'doc',
              kind: 'file',
              value: '',
              filename: 'a.txt',
              contentType: 'text/plain',
              dataBase64: btoa('xyz'),
              enabled: true,
            },
          ],
        },
      }),
    );
    const b = MULTIPART_BOUNDARY;
    expect(bodyText(request.bodyBase64)).toBe(
      `--${b}\r\nContent-Disposition: form-data; name="title"\r\n\r\nHi\r\n` +
        `--${b}\r\nContent-Disposition: form-data; name="doc"; filename="a.txt"\r\nContent-Type: text/plain\r\n\r\nxyz\r\n` +
        `--${b}--\r\n`,
    );
    expect(request.headers).toContainEqual(['Content-Type', `multipart/form-data; boundary=${b}`]);
  });

  it('sends JSON with its content type', () => {
    const request = toHttpRequest(
      draft({ body: { ...EMPTY_BODY, mode: 'json', json: '{"a": 1}' } }),
    );
    expect(request.headers).toContainEqual(['Content-Type', 'application/json']);
    expect(request.headers).toContainEqual(['Content-Length', '8']);
  });
});
