import { describe, expect, it } from 'vitest';
import { changedSettings, embedSnippet, isEmbedSearch, linkFor, toMarkdown } from './shareText.ts';

describe('share texts', () => {
  it('builds the link of a fragment on the current page, embedded or not', () => {
    const page = 'https://play.test/wsgi/?foo=1#v1/old';
    expect(linkFor(page, 'v1/abc')).toBe('https://play.test/wsgi/#v1/abc');
    expect(linkFor(page, 'v1/abc', { embed: true })).toBe('https://play.test/wsgi/?embed#v1/abc');
    expect(isEmbedSearch('?embed')).toBe(true);
    expect(isEmbedSearch('?embed=1&x')).toBe(true);
    expect(isEmbedSearch('?x=embed')).toBe(false);
    expect(isEmbedSearch('')).toBe(false);
  });

  it('keeps only the settings that differ from the defaults', () => {
    const defaults = { a: 'x', b: false, c: '' };
    expect(changedSettings({ a: 'x', b: true, c: '' }, defaults)).toEqual({ b: true });
    expect(changedSettings(defaults, defaults)).toEqual({});
  });

  it('writes Markdown with a fence the code cannot close', () => {
    const markdown = toMarkdown({
      url: 'https://play.test/#v2/abc',
      project: { files: { 'app.py': 'x = "```"\n' }, entry: 'app' },
      method: 'POST',
      target: '/form',
      status: '200 OK',
    });
    expect(markdown).toBe(
      '[Open in WSGI Playground](https://play.test/#v2/abc) — `POST /form` → `200 OK`\n\n' +
        '`app.py`\n\n````python\nx = "```"\n````\n',
    );
    const one = { files: { 'app.py': 'a' }, entry: 'app' };
    expect(toMarkdown({ url: 'u', project: one, method: 'GET', target: '/`x`' })).toBe(
      '[Open in WSGI Playground](u) — `GET /x`\n\n`app.py`\n\n```python\na\n```\n',
    );
  });

  it('writes each file of a project in its own block, headed by its path', () => {
    const project = {
      files: {
        'shop/__init__.py': '',
        'shop/web.py': 'def make(): ...\n',
        'shop/templates/index.HTML': '<p>`hi`</p>\n',
        README: 'plain\n',
      },
      entry: 'shop.web:make()',
    };
    expect(toMarkdown({ url: 'u', project, method: 'GET', target: '/' })).toBe(
      '[Open in WSGI Playground](u) — `GET /` · entry `shop.web:make()`\n\n' +
        '`shop/__init__.py`\n\n```python\n\n```\n\n' +
        '`shop/web.py`\n\n```python\ndef make(): ...\n```\n\n' +
        '`shop/templates/index.HTML`\n\n```html\n<p>`hi`</p>\n```\n\n' +
        '`README`\n\n```\nplain\n```\n',
    );
  });

  it('escapes the iframe snippet', () => {
    const snippet = embedSnippet('https://play.test/?embed#v1/a"b', 'A <b> & "c"');
    expect(snippet).toContain('src="https://play.test/?embed#v1/a&quot;b"');
    expect(snippet).toContain('title="A &lt;b&gt; &amp; &quot;c&quot;"');
    expect(snippet.startsWith('<iframe ')).toBe(true);
    expect(snippet.endsWith('></iframe>')).toBe(true);
  });
});
