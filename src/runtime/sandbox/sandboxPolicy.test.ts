import { describe, expect, it } from 'vitest';
import { connectionAllowed, originsOf, sandboxPolicy } from './sandboxPolicy.ts';

const SITE = 'http://localhost:4173';

describe('the sandbox policy', () => {
  it('lets a run connect to the site and the index only, and to its own blob and data URLs', () => {
    const policy = sandboxPolicy([`${SITE}/`, 'https://pypi.org/simple/']);
    expect(policy).toContain(`connect-src blob: data: ${SITE} https://pypi.org;`);
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain('worker-src blob:');
    expect(policy).not.toMatch(/\*/);
  });

  it('keeps only the origins of what it is given', () => {
    expect(
      originsOf(['https://pypi.org/simple/', 'https://pypi.org/x', 'not a url', 'data:,x']),
    ).toEqual(['https://pypi.org']);
  });

  it('agrees with connect-src on what may be reached', () => {
    const origins = [SITE, 'https://pypi.org'];
    const allowed = (url: string) => connectionAllowed(url, `${SITE}/`, origins);
    expect(allowed('/pyodide/pyodide-lock.json')).toBe(true);
    expect(allowed('https://pypi.org/simple/flask/')).toBe(true);
    expect(allowed('blob:null/1234')).toBe(true);
    expect(allowed('data:,hello')).toBe(true);
    expect(allowed('ws://localhost:4173/socket')).toBe(true);
    expect(allowed('http://127.0.0.2:9/exfil?x=1')).toBe(false);
    expect(allowed('https://pypi.org.evil.example/')).toBe(false);
    expect(allowed('http://localhost:4174/')).toBe(false);
    expect(allowed('wss://pypi.org.evil.example/')).toBe(false);
    expect(allowed('http://[::1')).toBe(false);
  });
});
