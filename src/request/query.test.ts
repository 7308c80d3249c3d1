import { describe, expect, it } from 'vitest';
import {
  decodeComponent,
  encodeComponent,
  readQuery,
  splitTarget,
  syncQueryRows,
  writeQuery,
} from './query.ts';
import { row } from './requestDraft.ts';

const off = (name: string, value: string) => ({ ...row(name, value), enabled: false });

describe('splitTarget', () => {
  it('cuts path, query and fragment', () => {
    expect(splitTarget('/a/b?x=1&y=2#top')).toEqual({
      base: '/a/b',
      query: 'x=1&y=2',
      fragment: '#top',
    });
    expect(splitTarget('/a')).toEqual({ base: '/a', query: null, fragment: '' });
    expect(splitTarget('/a?')).toEqual({ base: '/a', query: '', fragment: '' });
    // A ? after the # belongs to the fragment.
    expect(splitTarget('/a#f?x=1')).toEqual({ base: '/a', query: null, fragment: '#f?x=1' });
    expect(splitTarget('http://h:8000/p?q=1').base).toBe('http://h:8000/p');
  });
});

describe('decodeComponent / encodeComponent', () => {
  it('decodes + and UTF-8 escapes as parse_qsl does', () => {
    expect(decodeComponent('caf%C3%A9+au+lait')).toBe('café au lait');
    expect(decodeComponent('a%2Bb')).toBe('a+b');
  });

  it('keeps escapes that are not valid UTF-8 as typed, decoding the rest', () => {
    expect(decodeComponent('%E9t%C3%A9')).toBe('%E9té');
    expect(decodeComponent('100%')).toBe('100%');
    expect(decodeComponent('%zz+x')).toBe('%zz x');
  });

  it('encodes what a query needs and leaves the rest readable', () => {
    expect(encodeComponent('café & co=1+1 #x')).toBe('caf%C3%A9+%26+co%3D1%2B1+%23x');
    expect(encodeComponent('/a:b@c,d')).toBe('/a:b@c,d');
    for (const text of ['a b', 'x+y', '100%', 'é/ü?', "it's (1)*", '😀']) {
      expect(decodeComponent(encodeComponent(text))).toBe(text);
    }
  });
});

describe('readQuery', () => {
  it('reads decoded rows, in order, with repeated names and bare names', () => {
    expect(readQuery('/s?q=caf%C3%A9&tag=a&tag=b&flag&=v')).toEqual([
      row('q', 'café'),
      row('tag', 'a'),
      row('tag', 'b'),
      row('flag', ''),
      row('', 'v'),
    ]);
  });

  it('reads nothing without a query, skips empty pieces and ignores the fragment', () => {
    expect(readQuery('/s')).toEqual([]);
    expect(readQuery('/s?')).toEqual([]);
    expect(readQuery('/s?a=1&&b=2#c=3')).toEqual([row('a', '1'), row('b', '2')]);
    expect(readQuery('https://h/p?x=1=2')).toEqual([row('x', '1=2')]);
  });
});

describe('writeQuery', () => {
  it('writes encoded rows, keeping the path and the fragment', () => {
    expect(writeQuery('/form#end', [row('name', 'café'), row('x', '1 2')])).toBe(
      '/form?name=caf%C3%A9&x=1+2#end',
    );
    expect(writeQuery('http://h:8000/p?old=1', [row('a', '&')])).toBe('http://h:8000/p?a=%26');
  });

  it('leaves out disabled and blank rows, and the ? when nothing is left', () => {
    expect(writeQuery('/p?a=1', [off('a', '1'), row('', '')])).toBe('/p');
    expect(writeQuery('/p?a=1#f', [])).toBe('/p#f');
  });

  it('round-trips: reading what was written gives the rows back', () => {
    const rows = [row('q', 'a+b c'), row('é', '%'), row('k', ''), row('', 'v'), row('t', '#?&=')];
    expect(readQuery(writeQuery('/x', rows))).toEqual(rows);
  });

  it('keeps the text of rows that did not change, even when typed differently', () => {
    const target = '/s?q=hello%20world&name=caf%c3%a9&raw=a b';
    expect(writeQuery(target, readQuery(target))).toBe(target);
    const edited = readQuery(target).map((r) => (r.name === 'raw' ? { ...r, value: 'a  b' } : r));
    expect(writeQuery(target, edited)).toBe('/s?q=hello%20world&name=caf%c3%a9&raw=a++b');
  });

  it('follows the rows when they are reordered or repeated', () => {
    const target = '/s?a=%41&b=2';
    expect(writeQuery(target, [row('b', '2'), row('a', 'A'), row('a', 'A')])).toBe(
      '/s?b=2&a=%41&a=A',
    );
  });
});

describe('syncQueryRows', () => {
  it('takes the rows from the target and keeps disabled rows in place', () => {
    const previous = [row('a', '1'), off('debug', '1'), row('b', '2')];
    expect(syncQueryRows(previous, '/p?a=9&b=2&c=3')).toEqual([
      row('a', '9'),
      off('debug', '1'),
      row('b', '2'),
      row('c', '3'),
    ]);
  });

  it('drops enabled rows the target no longer has', () => {
    expect(syncQueryRows([row('a', '1'), row('b', '2'), off('z', '')], '/p')).toEqual([
      off('z', ''),
    ]);
  });
});
