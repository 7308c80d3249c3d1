import { describe, expect, it } from 'vitest';
import { environDoc, headerNameOf, NATIVE_STRINGS_DOC, PEP_3333_URL } from './environDocs.ts';

const STANDARD_KEYS = [
  'REQUEST_METHOD',
  'SCRIPT_NAME',
  'PATH_INFO',
  'QUERY_STRING',
  'CONTENT_TYPE',
  'CONTENT_LENGTH',
  'SERVER_NAME',
  'SERVER_PORT',
  'SERVER_PROTOCOL',
  'REMOTE_ADDR',
  'GATEWAY_INTERFACE',
  'HTTPS',
  'wsgi.version',
  'wsgi.url_scheme',
  'wsgi.input',
  'wsgi.errors',
  'wsgi.multithread',
  'wsgi.multiprocess',
  'wsgi.run_once',
  'wsgi.file_wrapper',
];

describe('environDoc', () => {
  it.each(STANDARD_KEYS)('explains %s with a link into PEP 3333', (key) => {
    const doc = environDoc(key);
    expect(doc?.text.length).toBeGreaterThan(20);
    expect(doc?.href).toMatch(new RegExp(`^${PEP_3333_URL}#[a-z-]+$`));
    expect(doc?.section).not.toBe('');
  });

  it('links the environ table and the streams to their own sections', () => {
    expect(environDoc('PATH_INFO')?.href).toBe(
      'https://peps.python.org/pep-3333/#environ-variables',
    );
    expect(environDoc('wsgi.input')?.href).toBe(
      'https://peps.python.org/pep-3333/#input-and-error-streams',
    );
    expect(environDoc('wsgi.input')?.section).toBe('Input and Error Streams');
  });

  it('explains any HTTP_ variable, naming the header it came from', () => {
    expect(environDoc('HTTP_ACCEPT_LANGUAGE')?.text).toMatch(
      /^The request's Accept-Language header\./,
    );
    expect(environDoc('HTTP_X_REQUEST_ID')?.text).toContain('X-Request-Id');
  });

  it('says nothing about keys the PEP does not define', () => {
    expect(environDoc('myserver.option')).toBeNull();
    expect(environDoc('HTTP_')).toBeNull();
    expect(environDoc('path_info')).toBeNull();
  });
});

describe('headerNameOf', () => {
  it('turns an HTTP_ variable back into a header name', () => {
    expect(headerNameOf('HTTP_USER_AGENT')).toBe('User-Agent');
    expect(headerNameOf('HTTP_HOST')).toBe('Host');
  });
});

describe('NATIVE_STRINGS_DOC', () => {
  it('points at the Unicode Issues section', () => {
    expect(NATIVE_STRINGS_DOC.href).toBe('https://peps.python.org/pep-3333/#unicode-issues');
  });
});
