/**
 * Where JSON text stops being valid, said plainly with its line and column — what a person
 * editing a request body needs, and what `JSON.parse`'s messages do not always give.
 */

/** A JSON syntax problem: what is wrong, and where (1-based line and column, 0-based offset). */
export interface JsonProblem {
  message: string;
  offset: number;
  line: number;
  column: number;
}

class Stop extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/** Check JSON text (RFC 8259); null when it is valid. */
export function checkJson(text: string): JsonProblem | null {
  let at = 0;
  const describe = (): string =>
    at >= text.length ? 'the end of the text' : JSON.stringify(text[at]);
  const fail = (expected: string): never => {
    throw new Stop(`expected ${expected}, found ${describe()}`, at);
  };
  const space = (): void => {
    while (at < text.length && ' \t\n\r'.includes(text[at] as string)) at++;
  };
  const literal = (word: string): void => {
    if (text.startsWith(word, at)) at += word.length;
    else fail('a value');
  };
  const string = (): void => {
    const start = at++;
    while (at < text.length && text[at] !== '"') {
      const c = text.charCodeAt(at);
      if (c < 0x20)
        throw new Stop('a control character (a raw newline or tab?) inside a string', at);
      if (text[at] === '\\') {
        at++;
        if (text[at] === 'u' && /^[0-9A-Fa-f]{4}$/.test(text.slice(at + 1, at + 5))) at += 4;
        else if (!'"\\/bfnrt'.includes(text[at] ?? 'x') || at >= text.length) {
          throw new Stop('an invalid escape in a string', at - 1);
        }
      }
      at++;
    }
    if (at >= text.length) throw new Stop('a string that is never closed', start);
    at++;
  };
  const number = (): void => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(at));
    if (!match) fail('a value');
    at += match?.[0].length ?? 0;
  };
  const value = (): void => {
    space();
    const c = text[at];
    if (c === '{') return object();
    if (c === '[') return array();
    if (c === '"') return string();
    if (c === 't') return literal('true');
    if (c === 'f') return literal('false');
    if (c === 'n') return literal('null');
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return number();
    fail('a value');
  };
  const object = (): void => {
    at++;
    space();
    if (text[at] === '}') return void at++;
    for (;;) {
      space();
      if (text[at] !== '"') fail('a "quoted" key');
      string();
      space();
      if (text[at] !== ':') fail("':'");
      at++;
      value();
      space();
      if (text[at] === ',') at++;
      else if (text[at] === '}') return void at++;
      else fail("',' or '}'");
    }
  };
  const array = (): void => {
    at++;
    space();
    if (text[at] === ']') return void at++;
    for (;;) {
      value();
      space();
      if (text[at] === ',') at++;
      else if (text[at] === ']') return void at++;
      else fail("',' or ']'");
    }
  };
  try {
    value();
    space();
    if (at < text.length) fail('the end of the text after the value');
    return null;
  } catch (error) {
    if (!(error instanceof Stop)) throw error;
    const before = text.slice(0, error.offset).split('\n');
    return {
      message: error.message,
      offset: error.offset,
      line: before.length,
      column: (before.at(-1) ?? '').length + 1,
    };
  }
}
