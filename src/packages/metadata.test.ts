import { describe, expect, it } from 'vitest';
import { parseMetadata } from './metadata.ts';

const FLASK = `Metadata-Version: 2.4
Name: Flask
Version: 3.1.1
Summary: A simple framework for building complex web applications.
Requires-Python: >=3.9
Description-Content-Type: text/markdown
License-Expression: BSD-3-Clause
Requires-Dist: blinker>=1.9.0
Requires-Dist: click>=8.1.3
Requires-Dist: importlib-metadata>=3.6.0; python_version < '3.10'
Requires-Dist: asgiref>=3.2 ; extra == "async"
Provides-Extra: async
Provides-Extra: dotenv
Keywords: wsgi,
  web

# Flask

Requires-Dist: not-a-header
`;

describe('parseMetadata', () => {
  it("reads Flask's fields, repeated ones in order, and stops at the body", () => {
    const metadata = parseMetadata(FLASK);
    expect(metadata.name).toBe('Flask');
    expect(metadata.version).toBe('3.1.1');
    expect(metadata.requiresPython).toBe('>=3.9');
    expect(metadata.requiresDist).toEqual([
      'blinker>=1.9.0',
      'click>=8.1.3',
      "importlib-metadata>=3.6.0; python_version < '3.10'",
      'asgiref>=3.2 ; extra == "async"',
    ]);
    expect(metadata.providesExtra).toEqual(['async', 'dotenv']);
    expect(metadata.fields.get('keywords')).toEqual(['wsgi,\nweb']);
  });

  it('gives nulls and empty lists for missing fields, CRLF or not', () => {
    const metadata = parseMetadata('Name: tiny\r\nVersion: 1.0\r\n');
    expect(metadata).toMatchObject({
      name: 'tiny',
      version: '1.0',
      requiresDist: [],
      requiresPython: null,
      providesExtra: [],
    });
    expect(parseMetadata('').name).toBeNull();
  });
});
