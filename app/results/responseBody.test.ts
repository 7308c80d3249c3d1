import { describe, expect, it } from 'vitest';
import {
  decodeBody,
  findHeader,
  isHtmlType,
  isJsonType,
  parseContentType,
  prettyJson,
  previewDocument,
} from './responseBody.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('findHeader', () => {
  it('finds the first header by name, ignoring case', () => {
    const headers: [string, string][] = [
      ['Date', 'x'],
      ['content-type', 'text/html'],
      ['Content-Type', 'text/plain'],
    ];
    expect(findHeader(headers, 'Content-Type')).toBe('text/html');
    expect(findHeader(headers, 'Content-Length')).toBeUndefined();
  });
});

describe('parseContentType', () => {
  it('lower-cases the media type and reads a quoted charset', () => {
    expect(parseContentType('Text/HTML; Charset="ISO-8859-1"')).toEqual({
      mediaType: 'text/html',
      charset: 'iso-8859-1',
    });
  });

  it('copes with no header and no charset', () => {
    expect(parseContentType(undefined)).toEqual({ mediaType: '', charset: null });
    expect(parseContentType('application/json')).toEqual({
      mediaType: 'application/json',
      charset: null,
    });
  });
});

describe('decodeBody', () => {
  it('reads UTF-8 by default', () => {
    expect(decodeBody(utf8('café'), null)).toEqual({
      text: 'café',
      encoding: 'utf-8',
      lossy: false,
    });
  });

  it('reads latin-1 one byte per code point, as Python does (not as windows-1252)', () => {
    const decoded = decodeBody(new Uint8Array([0x63, 0xe9, 0x80]), 'iso-8859-1');
    expect(decoded).toEqual({ text: 'c\xe9\x80', encoding: 'latin-1', lossy: false });
  });

  it('says when bytes are not valid in the charset', () => {
    const decoded = decodeBody(new Uint8Array([0xff, 0x41]), 'utf-8');
    expect(decoded.lossy).toBe(true);
    expect(decoded.text).toBe('\ufffdA');
  });

  it('uses another charset the browser knows, and falls back to UTF-8 for unknown ones', () => {
    expect(decodeBody(new Uint8Array([0xc1]), 'windows-1251').text).toBe('Б');
    expect(decodeBody(utf8('é'), 'no-such-charset').encoding).toBe('utf-8');
  });
});

describe('prettyJson', () => {
  it('pretty-prints JSON', () => {
    expect(prettyJson('{"a":[1,2]}', true)).toBe('{\n  "a": [\n    1,\n    2\n  ]\n}');
  });

  it('pretty-prints an object or array even without a JSON content type', () => {
    expect(prettyJson(' [1] ', false)).toBe('[\n  1\n]');
    expect(prettyJson('42', false)).toBeNull();
    expect(prettyJson('42', true)).toBe('42');
  });

  it('gives up on text that is not JSON', () => {
    expect(prettyJson('{nope', true)).toBeNull();
    expect(prettyJson('', true)).toBeNull();
  });
});

describe('media types', () => {
  it('knows JSON and HTML when it sees them', () => {
    expect(['application/json', 'application/problem+json', 'text/json'].map(isJsonType)).toEqual([
      true,
      true,
      false,
    ]);
    expect(['text/html', 'application/xhtml+xml', 'text/plain'].map(isHtmlType)).toEqual([
      true,
      true,
      false,
    ]);
  });
});

describe('previewDocument', () => {
  it('puts a policy that fetches nothing in front of the document', () => {
    const doc = previewDocument('<h1>Hi</h1>');
    expect(doc).toMatch(/^<meta http-equiv="Content-Security-Policy" content="default-src 'none';/);
    expect(doc.endsWith('<h1>Hi</h1>')).toBe(true);
  });

  it('keeps the doctype first, so the page stays in standards mode', () => {
    const doc = previewDocument('  <!DOCTYPE html><p>x</p>');
    expect(doc.startsWith('  <!DOCTYPE html><meta http-equiv=')).toBe(true);
    expect(doc.endsWith('<p>x</p>')).toBe(true);
  });
});
