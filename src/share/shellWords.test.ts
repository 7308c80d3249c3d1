import { describe, expect, it } from 'vitest';
import { prepareCommandLine, shellWords } from './shellWords.ts';

const words = (text: string) => {
  const result = shellWords(text);
  if (!result.ok) throw new Error(result.error);
  return result.commands.map((c) => c.words);
};

/** Each command's words and redirections. */
const commandsOf = (line: string) => {
  const result = shellWords(line);
  return result.ok ? result.commands.map((c) => [c.words, c.redirects]) : result.error;
};

describe('prepareCommandLine', () => {
  it('joins continuations outside single quotes only, as bash does', () => {
    expect(prepareCommandLine('a \\\n  b \'\\\n\' "x\\\ny"')).toEqual({
      ok: true,
      text: 'a   b \'\\\n\' "xy"',
      fdRedirects: [],
    });
  });

  it('escapes a # inside a word and leaves a comment alone', () => {
    expect(prepareCommandLine('a#b # c')).toEqual({
      ok: true,
      text: 'a\\#b # c',
      fdRedirects: [],
    });
  });

  it('reports the quote that is never closed, with its place', () => {
    expect(prepareCommandLine('ok "fine"\n  $\'open')).toEqual({
      ok: false,
      error: "Unbalanced quotes: the ANSI-C quote ($') at line 2, column 3 is never closed.",
    });
    // An escaped quote opens nothing.
    expect(prepareCommandLine("it\\'s")).toMatchObject({ ok: true });
  });
});

describe('shellWords', () => {
  it('splits words with every kind of quoting', () => {
    expect(words(`curl 'a b' "c \\"d\\"" $'e\\nf' g\\ h 'i'"j"`)).toEqual([
      ['curl', 'a b', 'c "d"', 'e\nf', 'g h', 'ij'],
    ]);
  });

  it('splits commands at operators and keeps redirections apart', () => {
    const result = shellWords("printf 'x' | curl -d @- u 2>&1 > out.txt && echo done # note");
    expect(result).toEqual({
      ok: true,
      literals: [],
      commands: [
        { words: ['printf', 'x'], redirects: [], endedBy: '|' },
        {
          words: ['curl', '-d', '@-', 'u'],
          redirects: [
            { op: '>&', target: '1' },
            { op: '>', target: 'out.txt' },
          ],
          endedBy: '&&',
        },
        { words: ['echo', 'done'], redirects: [], endedBy: null },
      ],
    });
  });

  it('takes a digit for a file descriptor only when it touches the operator', () => {
    expect(commandsOf('curl u -m 5 > out.txt')).toEqual([
      [['curl', 'u', '-m', '5'], [{ op: '>', target: 'out.txt' }]],
    ]);
    expect(commandsOf('curl u -m 5 2> err.txt')).toEqual([
      [['curl', 'u', '-m', '5'], [{ op: '>', target: 'err.txt' }]],
    ]);
    expect(commandsOf('curl u -m 5 2>&1 >out 1 < in')).toEqual([
      [
        ['curl', 'u', '-m', '5', '1'],
        [
          { op: '>&', target: '1' },
          { op: '>', target: 'out' },
          { op: '<', target: 'in' },
        ],
      ],
    ]);
    expect(commandsOf("curl -d '2>x' u &> log")).toEqual([
      [['curl', '-d', '2>x', 'u'], [{ op: '&>', target: 'log' }]],
    ]);
  });

  it('keeps variables and substitutions literal, and lists them', () => {
    const result = shellWords('curl "$HOST/x" ${PORT} "$(whoami)"');
    expect(result).toMatchObject({
      ok: true,
      commands: [{ words: ['curl', '$HOST/x', '$PORT', '$(whoami)'] }],
      literals: ['$HOST', '$PORT', '$(whoami)'],
    });
  });
});
