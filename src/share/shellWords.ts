/**
 * Split a pasted shell command line into words, as bash would, with `shell-quote` doing the
 * quoting rules. What shell-quote forgives or gets wrong for pasted commands is handled here:
 * unbalanced quotes are an error (not a silently shortened word), backslash-newline
 * continuations are joined, a `#` inside a word stays part of it, and `$VAR` stays literal.
 */
import { parse } from 'shell-quote';

/** A redirection of a simple command: `> out.txt`, `2>&1`, `<<< 'text'`. */
export interface Redirect {
  op: string;
  target: string;
}

/** One simple command: its words, its redirections, and the operator that ended it. */
export interface SimpleCommand {
  words: string[];
  redirects: Redirect[];
  /** `|`, `;`, `&&`, `&` …, or null for the last command. */
  endedBy: string | null;
}

/** A command line split into simple commands at its control operators. */
export interface ShellCommands {
  ok: true;
  commands: SimpleCommand[];
  /** Shell variables and substitutions that were kept as literal text. */
  literals: string[];
}

/** Why a command line could not be split. */
export interface ShellError {
  ok: false;
  error: string;
}

type Quote = 'none' | 'single' | 'double' | 'ansi';

const QUOTE_NAMES: Record<Exclude<Quote, 'none'>, string> = {
  single: "single quote (')",
  double: 'double quote (")',
  ansi: "ANSI-C quote ($')",
};

/** Line and column (1-based) of an offset, for error messages. */
function where(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `line ${before.length}, column ${(before.at(-1) ?? '').length + 1}`;
}

/**
 * Check that quotes are balanced, and prepare the text for shell-quote: remove
 * backslash-newline continuations (outside single quotes, as bash does) and escape a `#` that
 * does not start a word (bash starts a comment only at a word's start; shell-quote anywhere).
 */
export function prepareCommandLine(
  text: string,
): { ok: true; text: string; fdRedirects: boolean[] } | ShellError {
  const source = text.replace(/\r\n?/g, '\n');
  let out = '';
  // For each redirection operator outside quotes, in order: whether a lone digit touches it
  // (`2>x`: a file descriptor), which shell-quote cannot tell from `2 > x` (a word, then `>`).
  const fdRedirects: boolean[] = [];
  let quote: Quote = 'none';
  let opened = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i] as string;
    const next = source[i + 1];
    if (quote === 'single') {
      if (c === "'") quote = 'none';
      out += c;
    } else if (c === '\\' && next === '\n' && quote !== 'ansi') {
      i++; // a continuation: the backslash and the newline vanish
    } else if (c === '\\' && next !== undefined) {
      out += c + next;
      i++;
    } else if (quote === 'double') {
      if (c === '"') quote = 'none';
      out += c;
    } else if (quote === 'ansi') {
      if (c === "'") quote = 'none';
      out += c;
    } else if (c === "'" || c === '"') {
      quote = c === "'" ? 'single' : 'double';
      opened = i;
      out += c;
    } else if (c === '$' && next === "'") {
      quote = 'ansi';
      opened = i;
      out += "$'";
      i++;
    } else if (c === '#' && i > 0 && !/\s/.test(source[i - 1] ?? ' ')) {
      out += '\\#';
    } else {
      const before = source[i - 1] ?? ' ';
      if ((c === '<' || c === '>') && !'<>&'.includes(before)) {
        fdRedirects.push(/\d/.test(before) && /[\s<>&|;()]/.test(source[i - 2] ?? ' '));
      } else if (c === '&' && next === '>' && !'<>'.includes(before)) {
        fdRedirects.push(false);
      }
      out += c;
    }
  }
  if (quote !== 'none') {
    return {
      ok: false,
      error: `Unbalanced quotes: the ${QUOTE_NAMES[quote]} at ${where(source, opened)} is never closed.`,
    };
  }
  return { ok: true, text: out, fdRedirects };
}

const REDIRECTS = new Set(['>', '>>', '>&', '>|', '<', '<&', '<>', '&>', '&>>', '<<<']);

/**
 * Split a command line into simple commands, their words and redirections.
 *
 * @example
 * shellWords("curl 'http://h/?a=1' \\\n  -H 'X: 1' 2>&1 | jq")
 * // { ok: true, literals: [], commands: [
 * //   { words: ['curl', 'http://h/?a=1', '-H', 'X: 1'], redirects: [{ op: '>&', target: '1' }], endedBy: '|' },
 * //   { words: ['jq'], redirects: [], endedBy: null }] }
 */
export function shellWords(text: string): ShellCommands | ShellError {
  const prepared = prepareCommandLine(text);
  if (!prepared.ok) return prepared;
  const literals: string[] = [];
  // Variables are not ours to expand: keep `$NAME` as typed, and say so.
  const entries = parse(prepared.text, (key: string) => {
    // (An empty name is the `$` of `$(…)`, listed whole below.)
    if (key !== '') literals.push(`$${key}`);
    return `$${key}`;
  });
  const commands: SimpleCommand[] = [];
  let current: SimpleCommand = { words: [], redirects: [], endedBy: null };
  let redirect: string | null = null;
  let redirects = 0;
  for (const entry of entries) {
    if (typeof entry === 'string' || ('op' in entry && entry.op === 'glob')) {
      const word = typeof entry === 'string' ? entry : entry.pattern;
      if (redirect !== null) {
        current.redirects.push({ op: redirect, target: word });
        redirect = null;
        continue;
      }
      if (/^\$\(|^`/.test(word)) literals.push(word);
      current.words.push(word);
    } else if ('comment' in entry) {
      break;
    } else if (REDIRECTS.has(entry.op)) {
      // `2>&1`: a digit touching the operator names a file descriptor, not a word (but in
      // `-m 5 > out.txt` the 5 is a word).
      const fd = prepared.fdRedirects[redirects++] ?? false;
      if (fd && /^\d$/.test(current.words.at(-1) ?? '') && entry.op !== '<<<') {
        current.words.pop();
      }
      redirect = entry.op;
    } else {
      current.endedBy = entry.op;
      commands.push(current);
      current = { words: [], redirects: [], endedBy: null };
      redirect = null;
    }
  }
  commands.push(current);
  return { ok: true, commands: commands.filter((c) => c.words.length > 0), literals };
}
