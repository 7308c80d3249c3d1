/**
 * The stylesheets do not copy each other: a rule of five or more declarations that another
 * file has word for word belongs in one shared class (sharedStyles.css has the buttons, the
 * dialog box and the helpers the panels share).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const APP = join(import.meta.dirname, '..');
const SHARED_AT = 5;

function stylesheets(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return stylesheets(path);
    return entry.name.endsWith('.css') ? [path] : [];
  });
}

/** The innermost rules of a stylesheet: selector and its declarations, sorted. */
function rulesOf(css: string): { selector: string; body: string }[] {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
  return [...text.matchAll(/([^{}]+)\{([^{}]*)\}/g)].map(([, selector = '', body = '']) => ({
    selector: selector.trim(),
    body: body
      .split(';')
      .map((declaration) =>
        declaration
          .trim()
          .replace(/\s*:\s*/, ': ')
          .replace(/\s+/g, ' '),
      )
      .filter((declaration) => declaration !== '')
      .sort()
      .join('; '),
  }));
}

describe('the stylesheets', () => {
  it('finds the rules inside media queries, comments aside', () => {
    const css = '/* a { b: c } */\n@media (x) { .a { color: red; top: 0 } }\n.b{top:0;color:red}';
    expect(rulesOf(css).map((rule) => rule.body)).toEqual([
      'color: red; top: 0',
      'color: red; top: 0',
    ]);
  });

  it('do not repeat a rule of five or more declarations in two files', () => {
    const seen = new Map<string, string>();
    const repeats: string[] = [];
    for (const path of stylesheets(APP)) {
      const file = relative(APP, path);
      for (const { selector, body } of rulesOf(readFileSync(path, 'utf8'))) {
        if (body.split('; ').length < SHARED_AT) continue;
        const first = seen.get(body);
        if (first === undefined) seen.set(body, `${file} ${selector}`);
        else if (!first.startsWith(`${file} `)) repeats.push(`${file} ${selector} = ${first}`);
      }
    }
    expect(repeats).toEqual([]);
  });
});
