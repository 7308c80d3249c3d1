/**
 * Why share links use deflate-raw: measured link lengths of a realistic snippet (a 30-line
 * app with a POST request) under each candidate. `npx vitest run src/share/linkSize.test.ts`
 * prints the figures quoted in docs/sharing.md.
 */
import LZString from 'lz-string';
import { describe, expect, it } from 'vitest';
import { EMPTY_BODY, row } from '../request/requestDraft.ts';
import { toBase64Url } from './base64url.ts';
import { deflateRaw } from './deflate.ts';
import { encodeShareFragment, sharePayloadJson, type SharedRun } from './shareLink.ts';
import { requestFieldsOf } from './shareRequestFields.ts';

const APP_30_LINES = `"""A small form handler: reads a POST body and answers in JSON."""
import json
from urllib.parse import parse_qs


def read_body(environ):
    try:
        length = int(environ.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = 0
    return environ["wsgi.input"].read(length)


def application(environ, start_response):
    if environ["REQUEST_METHOD"] != "POST":
        start_response("405 Method Not Allowed", [("Allow", "POST")])
        return [b""]
    form = parse_qs(read_body(environ).decode("utf-8"))
    name = form.get("name", ["stranger"])[0]
    payload = json.dumps({"hello": name, "path": environ["PATH_INFO"]})
    body = payload.encode("utf-8")
    start_response(
        "200 OK",
        [
            ("Content-Type", "application/json"),
            ("Content-Length", str(len(body))),
        ],
    )
    environ["wsgi.errors"].write("answered %s\\n" % name)
    return [body]
`;

const RUN: SharedRun = {
  project: { files: { 'app.py': APP_30_LINES }, entry: 'app' },
  request: {
    method: 'POST',
    target: '/greet?lang=en',
    headers: [row('Host', 'localhost:8000'), row('Accept', 'application/json')],
    body: {
      ...EMPTY_BODY,
      mode: 'form',
      form: [row('name', 'Ada Lovelace'), row('city', 'London')],
    },
  },
  settings: { httpVersion: '1.0' },
};

describe('share link size', () => {
  it('is smaller with deflate-raw + base64url than with lz-string', async () => {
    expect(APP_30_LINES.trimEnd().split('\n')).toHaveLength(30);
    const deflate = await encodeShareFragment(RUN);
    // The same payload through lz-string's URL-safe encoding, for comparison.
    const json = sharePayloadJson(RUN);
    const lz = LZString.compressToEncodedURIComponent(json);
    const raw = encodeURIComponent(json);
    console.log(
      `link fragment length for a 30-line app + POST: deflate-raw+base64url ${deflate.length} chars, ` +
        `lz-string ${lz.length} chars, uncompressed (URI-encoded JSON) ${raw.length} chars`,
    );
    expect(deflate.length).toBeLessThan(lz.length);
  });

  it('is no longer for a one-file project than a v1 link of the same code', async () => {
    const v1 = JSON.stringify({ c: APP_30_LINES, ...requestFieldsOf(RUN.request, RUN.settings) });
    const v1Link = `v1/${toBase64Url(await deflateRaw(new TextEncoder().encode(v1)))}`;
    expect((await encodeShareFragment(RUN)).length).toBeLessThanOrEqual(v1Link.length);
  });

  it('grows by about the size of what a second file adds', async () => {
    const one = await encodeShareFragment(RUN);
    const views = 'def hello(name):\n    return "hello, %s" % name\n';
    const two = await encodeShareFragment({
      ...RUN,
      project: { files: { 'app.py': APP_30_LINES, 'pkg/views.py': views }, entry: 'app' },
    });
    console.log(`the same link with a second file (pkg/views.py, 2 lines): ${two.length} chars`);
    expect(two.length - one.length).toBeLessThan(120);
  });
});
