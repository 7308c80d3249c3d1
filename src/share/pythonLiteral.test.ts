/**
 * Python literals read back, by the real python3, as exactly the values they were made from.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { fromBase64 } from '../trace/bytes.ts';
import { pyBlock, pyBytes, pyStr, pyValue } from './pythonLiteral.ts';

const PYTHON = process.env.PYTHON ?? 'python3';
const hasPython = spawnSync(PYTHON, ['--version']).status === 0;

/** Evaluate Python expressions; return what each is, as JSON (bytes as base64). */
function evaluate(expressions: string[]): unknown[] {
  const program = [
    'import base64, json',
    `values = [${expressions.join(',\n')}]`,
    'print(json.dumps([base64.b64encode(v).decode() if isinstance(v, bytes) else v for v in values]))',
  ].join('\n');
  const run = spawnSync(PYTHON, ['-c', program]);
  if (run.status !== 0) throw new Error(run.stderr.toString());
  return JSON.parse(run.stdout.toString()) as unknown[];
}

const TEXTS = [
  '',
  'plain',
  '\n',
  'def app():\n    return """doc"""\n',
  "it's '''quoted'''",
  'both \'\'\' and """',
  'ends with a quote "',
  "ends with a quote '",
  'ends with a backslash \\',
  'two backslashes \\\\',
  '\\n is not a newline',
  'CR\r\nLF, tab\t, NUL\0, DEL\x7f, bell\x07',
  'café ✓ 🐍 \u2028',
  'lone surrogate \ud800 here',
];

describe.skipIf(!hasPython)('Python literals', () => {
  it('pyBlock and pyStr give back the text', () => {
    const values = evaluate([...TEXTS.map(pyBlock), ...TEXTS.map(pyStr)]);
    expect(values).toEqual([...TEXTS, ...TEXTS]);
  });

  it('pyBytes gives back every byte', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    const [value] = evaluate([pyBytes(all)]);
    expect(fromBase64(value as string)).toEqual(all);
  });

  it('pyValue writes dicts, lists, booleans and None', () => {
    const value = { a: [1, 'x', true, false, null], 'b"': { c: 2.5 } };
    expect(evaluate([pyValue(value)])).toEqual([value]);
  });
});

describe('pyBlock', () => {
  it('keeps ordinary code readable: raw, starting on its own line', () => {
    expect(pyBlock('x = "a\\n"\n')).toBe(`r'''\nx = "a\\n"\n'''[1:]`);
  });
});
