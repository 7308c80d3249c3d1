import { describe, expect, it } from 'vitest';
import { checkJson } from './jsonCheck.ts';

describe('checkJson', () => {
  it('accepts what JSON.parse accepts', () => {
    for (const text of [
      '{}',
      '[]',
      ' {"a": [1, -2.5e3, true, false, null, "x\\n\\u00e9"], "b": {}} ',
      '"just a string"',
      '0',
      '-0.5',
    ]) {
      expect(checkJson(text), text).toBeNull();
      expect(() => JSON.parse(text)).not.toThrow();
    }
  });

  it('says what was expected, and where', () => {
    expect(checkJson('{"a": 1,\n "b": }')).toEqual({
      message: 'expected a value, found "}"',
      offset: 15,
      line: 2,
      column: 7,
    });
    expect(checkJson('{"a" 1}')?.message).toBe(`expected ':', found "1"`);
    expect(checkJson('[1, 2')?.message).toBe(`expected ',' or ']', found the end of the text`);
    expect(checkJson("{'a': 1}")?.message).toBe(`expected a "quoted" key, found "'"`);
    expect(checkJson('{"a": 1,}')?.message).toBe(`expected a "quoted" key, found "}"`);
    expect(checkJson('{} {}')?.message).toBe(
      'expected the end of the text after the value, found "{"',
    );
    expect(checkJson('')?.message).toBe('expected a value, found the end of the text');
    expect(checkJson('01')?.column).toBe(2);
    expect(checkJson('tru')?.message).toBe('expected a value, found "t"');
  });

  it('finds problems inside strings', () => {
    expect(checkJson('{"a": "x\ny"}')?.message).toMatch(/control character/);
    expect(checkJson('"\\x"')).toMatchObject({
      message: 'an invalid escape in a string',
      column: 2,
    });
    expect(checkJson('["open')).toMatchObject({
      message: 'a string that is never closed',
      column: 2,
    });
  });

  it('agrees with JSON.parse on what is invalid', () => {
    for (const text of ['{', '[1,]', 'NaN', '{"a":1}}', '"\\u12"', '1.', '+1', '.5', 'nul']) {
      expect(checkJson(text), text).not.toBeNull();
      expect(() => JSON.parse(text), text).toThrow();
    }
  });
});
