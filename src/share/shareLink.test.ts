import { describe, expect, it } from 'vitest';
import { EMPTY_BODY, row } from '../request/requestDraft.ts';
import {
  encodeShareFragment,
  MAX_FRAGMENT_CHARS,
  parseFragment,
  type SharedRun,
} from './shareLink.ts';
import { deflateRaw } from './deflate.ts';
import { toBase64Url } from './base64url.ts';

const RUN: SharedRun = {
  code: "def application(environ, start_response):\n    start_response('200 OK', [])\n    return [b'caf\\xc3\\xa9 ✓']\n",
  request: {
    method: 'POST',
    target: '/submit?x=1',
    headers: [row('Host', 'localhost:8000'), { ...row('X-Off', '1'), enabled: false }],
    body: {
      ...EMPTY_BODY,
      mode: 'form',
      form: [row('name', 'café'), { ...row('off', 'x'), enabled: false }],
    },
  },
  settings: { personality: 'cgi', scriptName: '/mnt' },
};

/** Links written by earlier builds: they must decode the same forever. */
const FROZEN = {
  v1: 'v1/XY5BawIxFIT_ymMu2YVYd3uSFPHQS6EHC5Ve1qXENcuGri8heVqt-N-Leij0MoeZ-YY5o4PB1vVkYxx9Z8UHLhwffAqsKYtN8plcjoGzK82aieifW6jHqqLlq9LUFOo5sDiWyeoUndKkxB1lGkfrWZVteeeTk31iajaqT-HHMR1qGj1_qXbN0NjB4G35voKGwGB6Ly2O8xoaA0zT4CVkgcYYOjsOIYuZVVWFttXYwJyxC1sHg2S_oW9qYG-0nOI1-Dv1RN1gU3Yy30s_meGika8Lg0j8cCn7wDCoHypcLr8',
};

describe('share links', () => {
  it('round-trips code, request (disabled rows too) and settings', async () => {
    const fragment = await encodeShareFragment(RUN);
    expect(fragment).toMatch(/^v1\/[A-Za-z0-9_-]+$/);
    expect(await parseFragment(`#${fragment}`)).toEqual({ kind: 'share', run: RUN, version: 1 });
  });

  it('keeps decoding frozen v1 links', async () => {
    const route = await parseFragment(FROZEN.v1);
    expect(route).toMatchObject({ kind: 'share', version: 1 });
    if (route.kind !== 'share') return;
    expect(route.run).toEqual({
      code: "def application(environ, start_response):\n    start_response('200 OK', [('Content-Type', 'text/plain')])\n    return [b'frozen v1 link']\n",
      request: {
        method: 'POST',
        target: '/frozen?x=1',
        headers: [row('Host', 'localhost:8000')],
        body: { ...EMPTY_BODY, mode: 'raw', raw: 'a=1' },
      },
      settings: { httpVersion: '1.0' },
    });
  });

  it('routes gallery examples and empty fragments', async () => {
    expect(await parseFragment('#example/hello-world')).toEqual({
      kind: 'example',
      name: 'hello-world',
    });
    expect(await parseFragment('')).toEqual({ kind: 'none' });
    expect(await parseFragment('#')).toEqual({ kind: 'none' });
  });

  it('turns corrupted, truncated, oversized and foreign links into clear errors', async () => {
    const good = await encodeShareFragment(RUN);
    const cases: [string, RegExp][] = [
      [good.slice(0, good.length - 12), /corrupted or cut short/],
      [good.replace(/.$/, '!'), /characters a share link never has/],
      ['v1/' + 'A'.repeat(40), /corrupted or cut short/],
      ['v9/abc', /format v9/],
      ['hello', /not a WSGI Playground link/],
      ['v1/' + 'x'.repeat(MAX_FRAGMENT_CHARS), /too long/],
      [
        'v1/' + toBase64Url(await deflateRaw(new TextEncoder().encode('{"c": 1}'))),
        /lacks the code/,
      ],
      ['v1/' + toBase64Url(await deflateRaw(new TextEncoder().encode('<script>'))), /not readable/],
    ];
    for (const [fragment, message] of cases) {
      const route = await parseFragment(fragment);
      expect(route.kind, fragment.slice(0, 40)).toBe('error');
      if (route.kind === 'error') expect(route.message).toMatch(message);
    }
  });

  it('refuses a payload that expands into too much (a zip bomb)', async () => {
    const bomb = new TextEncoder().encode(`{"c": "${'a'.repeat(3_000_000)}"}`);
    const fragment = 'v1/' + toBase64Url(await deflateRaw(bomb));
    expect(fragment.length).toBeLessThan(20_000);
    expect(await parseFragment(fragment)).toEqual({
      kind: 'error',
      message: expect.stringMatching(/too large/),
    });
  });
});
