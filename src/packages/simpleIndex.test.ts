import { describe, expect, it } from 'vitest';
import { parseHtmlPage, parseJsonPage, parseProjectPage, projectUrl } from './simpleIndex.ts';

const HASH = 'a'.repeat(64);

describe('simple index pages', () => {
  it('reads a PEP 691 JSON page: files, hashes, Requires-Python, metadata, yanked', () => {
    const page = JSON.stringify({
      meta: { 'api-version': '1.1' },
      name: 'flask',
      files: [
        {
          filename: 'Flask-3.1.1-py3-none-any.whl',
          url: '../../files/Flask-3.1.1-py3-none-any.whl',
          hashes: { sha256: HASH.toUpperCase() },
          'requires-python': '>=3.9',
          'core-metadata': { sha256: 'b'.repeat(64) },
        },
        {
          filename: 'flask-0.1.tar.gz',
          url: 'https://x.test/flask-0.1.tar.gz',
          hashes: {},
          yanked: 'bad',
        },
      ],
    });
    const files = parseJsonPage(page, 'http://127.0.0.1:9/simple/flask/');
    expect(files).toEqual([
      {
        filename: 'Flask-3.1.1-py3-none-any.whl',
        url: 'http://127.0.0.1:9/files/Flask-3.1.1-py3-none-any.whl',
        sha256: HASH,
        requiresPython: '>=3.9',
        hasMetadata: true,
        yanked: false,
      },
      {
        filename: 'flask-0.1.tar.gz',
        url: 'https://x.test/flask-0.1.tar.gz',
        sha256: null,
        requiresPython: null,
        hasMetadata: false,
        yanked: true,
      },
    ]);
    expect(() => parseJsonPage('{"name": "x"}', 'http://x/')).toThrow('not a PEP 691 project page');
  });

  it('reads a PEP 503 HTML page: the hash in the fragment, attributes unescaped', () => {
    const html = `<!DOCTYPE html><html><body>
      <a href="/files/bottle-0.13.2-py3-none-any.whl#sha256=${HASH}" data-requires-python="&gt;=3.8" data-core-metadata="sha256=${HASH}">bottle-0.13.2-py3-none-any.whl</a><br/>
      <a href="bottle-0.12.25-py3-none-any.whl" data-yanked="">bottle-0.12.25-py3-none-any.whl</a>
    </body></html>`;
    const files = parseHtmlPage(html, 'http://127.0.0.1:9/simple/bottle/');
    expect(
      files.map((f) => [f.filename, f.url, f.sha256, f.requiresPython, f.hasMetadata, f.yanked]),
    ).toEqual([
      [
        'bottle-0.13.2-py3-none-any.whl',
        'http://127.0.0.1:9/files/bottle-0.13.2-py3-none-any.whl',
        HASH,
        '>=3.8',
        true,
        false,
      ],
      [
        'bottle-0.12.25-py3-none-any.whl',
        'http://127.0.0.1:9/simple/bottle/bottle-0.12.25-py3-none-any.whl',
        null,
        null,
        false,
        true,
      ],
    ]);
  });

  it('picks the parser by Content-Type, and builds project URLs', () => {
    expect(
      parseProjectPage(
        '<a href="x-1.0-py3-none-any.whl">x-1.0-py3-none-any.whl</a>',
        'text/html',
        'http://i/simple/x/',
      ),
    ).toHaveLength(1);
    expect(projectUrl('http://i/simple/', 'flask')).toBe('http://i/simple/flask/');
    expect(projectUrl('http://i/simple', 'flask')).toBe('http://i/simple/flask/');
  });
});
