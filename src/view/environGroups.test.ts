import { describe, expect, it } from 'vitest';
import {
  environGroupOf,
  filterEnviron,
  groupEnviron,
  utf8Reading,
  type EnvironEntry,
} from './environGroups.ts';

const str = (key: string, value: string): EnvironEntry => ({ key, type: 'str', value });

const ENVIRON: EnvironEntry[] = [
  str('REQUEST_METHOD', 'GET'),
  str('PATH_INFO', '/cafÃ©'),
  str('QUERY_STRING', 'q=%C3%A9'),
  str('HTTP_HOST', 'localhost'),
  { key: 'wsgi.version', type: 'tuple', value: '(1, 0)' },
  str('HTTP_X_NAME', 'Zo\xeb'),
  { key: 'wsgi.input', type: 'InputStream', value: '<request body: 0 bytes>' },
  str('myserver.option', 'on'),
  str('GATEWAY_INTERFACE', 'CGI/1.1'),
];

describe('environGroupOf', () => {
  it('sorts keys into CGI, HTTP_, wsgi. and other', () => {
    expect(
      ['PATH_INFO', 'HTTP_ACCEPT', 'wsgi.errors', 'myserver.option', 'lower_case'].map(
        environGroupOf,
      ),
    ).toEqual(['cgi', 'http', 'wsgi', 'other', 'other']);
  });
});

describe('utf8Reading', () => {
  it('reads a percent-decoded UTF-8 path held as latin-1 code points', () => {
    expect(utf8Reading('/cafÃ©')).toEqual({ kind: 'text', text: '/café' });
  });

  it('has nothing to say about ASCII', () => {
    expect(utf8Reading('/hello?x=%C3%A9')).toBeNull();
  });

  it('says when the bytes are not UTF-8 (a lone latin-1 byte)', () => {
    expect(utf8Reading('Zo\xeb')).toEqual({ kind: 'invalid' });
  });

  it('leaves alone strings that are not native strings (code points above U+00FF)', () => {
    expect(utf8Reading('café ☕')).toBeNull();
  });
});

describe('groupEnviron', () => {
  it('keeps the groups in a fixed order and each group in the environ order', () => {
    const groups = groupEnviron(ENVIRON);
    expect(groups.map((group) => [group.id, group.rows.map((row) => row.key)])).toEqual([
      ['cgi', ['REQUEST_METHOD', 'PATH_INFO', 'QUERY_STRING', 'GATEWAY_INTERFACE']],
      ['http', ['HTTP_HOST', 'HTTP_X_NAME']],
      ['wsgi', ['wsgi.version', 'wsgi.input']],
      ['other', ['myserver.option']],
    ]);
    expect(groups[0]?.title).toBe('CGI variables');
  });

  it('adds the UTF-8 reading to str values only', () => {
    const rows = groupEnviron([...ENVIRON, { key: 'X', type: 'bytes', value: "b'\\xc3'" }]).flatMap(
      (group) => group.rows,
    );
    const path = rows.find((row) => row.key === 'PATH_INFO');
    expect(path?.utf8).toEqual({ kind: 'text', text: '/café' });
    expect(rows.find((row) => row.key === 'HTTP_X_NAME')?.utf8).toEqual({ kind: 'invalid' });
    expect(rows.find((row) => row.key === 'REQUEST_METHOD')).not.toHaveProperty('utf8');
  });

  it('leaves out empty groups', () => {
    expect(groupEnviron([str('HTTP_HOST', 'x')]).map((group) => group.id)).toEqual(['http']);
    expect(groupEnviron([])).toEqual([]);
  });
});

describe('filterEnviron', () => {
  const groups = groupEnviron(ENVIRON);

  it('matches keys and values, ignoring case, and drops emptied groups', () => {
    const found = filterEnviron(groups, 'path');
    expect(found.map((group) => group.rows.map((row) => row.key))).toEqual([['PATH_INFO']]);
    expect(filterEnviron(groups, 'LOCALHOST').flatMap((g) => g.rows.map((r) => r.key))).toEqual([
      'HTTP_HOST',
    ]);
  });

  it('matches the UTF-8 reading too', () => {
    expect(filterEnviron(groups, 'café').flatMap((g) => g.rows.map((r) => r.key))).toEqual([
      'PATH_INFO',
    ]);
  });

  it('keeps everything for an empty query', () => {
    expect(filterEnviron(groups, '  ')).toEqual(groups);
  });
});
